import type { CompiledDeck } from '../compile.js'
import type { RenderedSlide } from '../types.js'

/** A slide of the deck found from a page, with its number. */
export interface SourceSlide {
  /** 1-based number, counting every slide in order (vertical ones included), as the PDFs number them. */
  number: number
  slide: RenderedSlide
}

/**
 * The slide whose `<section>` has this `data-source` (`slides/x.md:LINE`, its path relative to the
 * folder the deck was compiled from, `/`-separated), or `undefined`.
 */
export function slideAtSource(compiled: CompiledDeck, source: string | null | undefined): SourceSlide | undefined {
  const m = RE_SOURCE.exec(source ?? '')
  if (!m) return undefined
  // The compile's folder is not known here: the path given ends the slide's own (a `../` above it aside).
  const file = m[1]!.replace(/^(\.\.\/)+/, '')
  const line = Number(m[2])
  const slides = compiled.rendered.stacks.flatMap((stack) => stack.slides)
  const index = slides.findIndex((s) => {
    const own = s.loc.file.split('\\').join('/')
    return s.loc.line === line && (own === file || own.endsWith(`/${file}`))
  })
  return index < 0 ? undefined : { number: index + 1, slide: slides[index]! }
}

// --- internal ---

const RE_SOURCE = /^(.+):(\d+)$/
