import type { SourceFile } from '../types.js'
import { parseFrontMatter } from './frontmatter.js'

export interface SectionChanges {
  /** Section ids to leave out; `index` is the item's place in the profile's list (for errors). */
  exclude: string[]
  /** Extra slide files (already read), each inserted after a section. */
  extras: { source: SourceFile; after: string }[]
}

/** An id the deck does not have: `list` and `index` say which item of the profile names it. */
export interface UnknownSection {
  id: string
  list: 'exclude' | 'extraSlides'
  index: number
  known: string[]
}

/**
 * Leaves sections out and inserts extra slide files after a section. A section's id is `id` in its
 * front matter, or its file name without leading number and extension. Pure. An unknown id is
 * returned to the caller, who knows where the profile wrote it.
 */
export function arrangeSections(sources: SourceFile[], changes: SectionChanges): SourceFile[] | UnknownSection {
  const withIds = sources.map((source) => ({ ...source, id: sectionIdFromText(source) }))
  const known = withIds.map((s) => s.id)
  const unknownExclude = changes.exclude.findIndex((id) => !known.includes(id))
  if (unknownExclude !== -1) return { id: changes.exclude[unknownExclude]!, list: 'exclude', index: unknownExclude, known }
  const unknownAfter = changes.extras.findIndex((x) => !known.includes(x.after))
  if (unknownAfter !== -1) return { id: changes.extras[unknownAfter]!.after, list: 'extraSlides', index: unknownAfter, known }

  const out: SourceFile[] = []
  withIds.forEach((source, i) => {
    if (!changes.exclude.includes(source.id)) out.push(source)
    // The deck's first file carries its front matter (title, lang...): an excluded first section keeps it.
    else if (i === 0) out.push({ ...source, text: frontMatterOnly(source) })
    out.push(...changes.extras.filter((x) => x.after === source.id).map((x) => x.source))
  })
  return out
}

/** The section id of a source: `id` in its front matter, or the one from its file name. */
export function sectionIdFromText(source: SourceFile): string {
  const { data } = parseFrontMatter(source.text, source.file)
  return typeof data.id === 'string' && data.id ? data.id : source.id
}

// --- internal ---

function frontMatterOnly(source: SourceFile): string {
  const { bodyLine } = parseFrontMatter(source.text, source.file)
  return source.text.split('\n').slice(0, bodyLine - 1).join('\n') + '\n'
}
