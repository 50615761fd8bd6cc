import { DeckError } from '../errors.js'
import { t } from '../i18n/index.js'
import type { Slide, SlideStack } from '../types.js'

export interface SplitOptions {
  file: string
  /** Section id of the file. */
  section: string
  /** 1-based file line of the body's first line (after front matter). */
  firstLine?: number
  /** Regular expression sources, as reveal-md's front matter gives them. */
  separator?: string
  verticalSeparator?: string
  notesSeparator?: string
  /** Source line of each line of the file, when it was templated (`SourceFile.lineMap`). */
  lineMap?: number[]
}

/** A line `---` (reveal-md, reveal.js) starts a horizontal slide. */
export const DEFAULT_SEPARATOR = '^---[ \\t]*$'
/** A line `----` (reveal-md) or `--` (reveal.js's documented example) starts a vertical slide. */
export const DEFAULT_VERTICAL_SEPARATOR = '^(?:----|--)[ \\t]*$'
/**
 * A line beginning `Note:` or `Notes:` starts the speaker notes, to the slide's end; also `Note :`, with
 * the space (or no-break space) French puts before a colon.
 */
export const DEFAULT_NOTES_SEPARATOR = '^[ \\t]*notes?[ \\t\\u00a0\\u202f]?:'
/**
 * A line beginning `Handout:` starts the attendees' text (printed under the slide in handout.pdf, never
 * shown on the slide nor in the speaker notes), to the slide's end or to its `Note:` line.
 */
const RE_HANDOUT = /^[ \t]*handout[ \t\u00a0\u202f]?:/gim

const RE_SLIDE_COMMENT = /<!--\s*\.slide:\s*([\s\S]*?)\s*-->/g
const RE_ATTRIBUTE = /([^\s"'=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')|([^\s"'=]+)/g
const RE_FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/

/**
 * Splits the Markdown body of one file into horizontal stacks of slides, each slide with its
 * source line, speaker notes and `<!-- .slide: -->` attributes. Separators inside fenced code are ignored.
 */
export function splitSlides(body: string, options: SplitOptions): SlideStack[] {
  const text = body.replace(/\r\n?/g, '\n')
  const lines = new LineIndex(text, options.firstLine ?? 1, options.lineMap)
  const fences = findFences(text)
  const cuts = [
    ...findSeparators(text, options.separator ?? DEFAULT_SEPARATOR, 'horizontal', options),
    ...findSeparators(text, options.verticalSeparator ?? DEFAULT_VERTICAL_SEPARATOR, 'vertical', options),
  ]
    .filter((cut) => !fences.some(([start, end]) => cut.start >= start && cut.start < end))
    .sort((a, b) => a.start - b.start)

  const stacks: SlideStack[] = []
  let current: SlideStack | undefined
  let from = 0
  let kind: 'horizontal' | 'vertical' = 'horizontal'
  const notesRe = compile(options.notesSeparator ?? DEFAULT_NOTES_SEPARATOR, 'im', 'notesSeparator', options)
  // Where reveal.js puts each chunk (it keeps empty ones as empty slides), for `#/h/v` links.
  let h = -1
  let v = 0
  for (const cut of [...cuts, { start: text.length, end: text.length, kind: 'horizontal' as const }]) {
    if (cut.start < from) continue // overlapping matches of the two separators
    if (kind === 'horizontal') [h, v] = [h + 1, 0]
    else v++
    const slide = parseSlide(text.slice(from, cut.start), from, lines, fences, notesRe, options)
    if (slide) {
      if (!current || kind === 'horizontal') {
        current = { slides: [] }
        stacks.push(current)
      }
      current.slides.push(slide)
      if (h !== stacks.length - 1 || v !== current.slides.length - 1) slide.origin = { h, v }
    }
    from = cut.end
    kind = cut.kind
  }
  return stacks
}

/** Parses `class="a b" data-x="y" data-flag` into an attribute map. */
export function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const m of source.matchAll(RE_ATTRIBUTE)) addAttributes(attributes, { [(m[1] ?? m[4])!]: m[2] ?? m[3] ?? '' })
  return attributes
}

/** Adds `more` to `attributes`: a later value wins, but classes add up (`class="a"` then `class="b"` is `a b`). */
export function addAttributes(attributes: Record<string, string>, more: Record<string, string>): void {
  for (const [name, value] of Object.entries(more)) {
    attributes[name] = name === 'class' ? joinClasses(attributes.class, value) : value
  }
}

/** The one rule for classes given twice: they add up, in order (`a` then `b` is `a b`). */
export function joinClasses(existing: string | undefined, added: string): string {
  return existing ? `${existing} ${added}` : added
}

// --- internal ---

interface Cut {
  start: number
  end: number
  kind: 'horizontal' | 'vertical'
}

function findSeparators(text: string, source: string, kind: Cut['kind'], options: SplitOptions): Cut[] {
  const re = compile(source, 'gm', kind === 'horizontal' ? 'separator' : 'verticalSeparator', options)
  const cuts: Cut[] = []
  for (const m of text.matchAll(re)) {
    if (m[0].length === 0) continue
    cuts.push({ start: m.index, end: m.index + m[0].length, kind })
  }
  return cuts
}

function compile(source: string, flags: string, key: string, options: SplitOptions): RegExp {
  try {
    return new RegExp(source, flags)
  } catch (cause) {
    throw new DeckError(t('frontMatter.regexInvalid', { key, value: source }), 'E_FRONTMATTER', {
      loc: { file: options.file, line: 1 },
      hint: t('frontMatter.regexInvalidHint', { key }),
      cause,
    })
  }
}

function parseSlide(
  chunk: string,
  offset: number,
  lines: LineIndex,
  fences: [number, number][],
  notesRe: RegExp,
  options: SplitOptions,
): Slide | undefined {
  const inFence = (i: number): boolean => fences.some(([s, e]) => offset + i >= s && offset + i < e)

  // Notes: from the first `Note:` line outside code to the end of the slide (or to its `Handout:` line);
  // the attendees' text from the first `Handout:` line to the end (or to its `Note:` line).
  const firstOutside = (re: RegExp) => [...chunk.matchAll(re)].find((m) => !inFence(m.index))
  const notesMatch = firstOutside(new RegExp(notesRe.source, 'gim'))
  const handoutMatch = firstOutside(RE_HANDOUT)
  const blockOf = (m: RegExpMatchArray | undefined, other: RegExpMatchArray | undefined): string => {
    if (!m) return ''
    const end = other && other.index! > m.index! ? other.index : chunk.length
    return chunk.slice(m.index! + m[0].length, end).trim()
  }
  const content = chunk.slice(0, Math.min(notesMatch?.index ?? chunk.length, handoutMatch?.index ?? chunk.length))
  const notes = blockOf(notesMatch, handoutMatch)
  const handout = blockOf(handoutMatch, notesMatch)
  const notesLine = notesMatch ? lines.lineAt(offset + notesMatch.index) : undefined
  const handoutLine = handoutMatch ? lines.lineAt(offset + handoutMatch.index) : undefined
  // The line of a block's first character (the block is trimmed: it may begin below its marker).
  const textLineOf = (m: RegExpMatchArray | undefined): number | undefined => {
    if (!m) return undefined
    const start = m.index! + m[0].length
    return lines.lineAt(offset + start + (/^\s*/.exec(chunk.slice(start))![0].lastIndexOf('\n') + 1))
  }

  const attributes: Record<string, string> = {}
  let attributesLine: number | undefined
  const body = content.replace(RE_SLIDE_COMMENT, (whole, attrs: string, index: number) => {
    if (inFence(index)) return whole
    attributesLine ??= lines.lineAt(offset + index)
    addAttributes(attributes, parseAttributes(attrs))
    // Keep the comment's line breaks, so the lines of the slide's Markdown stay those of the file.
    return whole.replace(/[^\n]/g, '')
  })

  if (body.trim() === '' && notes === '' && handout === '' && Object.keys(attributes).length === 0) return undefined
  const leading = /^\s*\n/.exec(body)?.[0].length ?? 0
  const markdown = body.trim() === '' ? '' : body.slice(leading).trimEnd() + '\n'
  // `body` lost its .slide comments but kept their line breaks: count lines, not characters.
  const firstLine = lines.rawLineAt(offset) + countNewlines(body.slice(0, leading))
  return {
    loc: { file: options.file, line: lines.map(firstLine) },
    markdown,
    notes,
    ...(notesLine === undefined ? {} : { notesLine, notesTextLine: textLineOf(notesMatch)! }),
    ...(handout ? { handout, handoutLine: handoutLine!, handoutTextLine: textLineOf(handoutMatch)! } : {}),
    ...(attributesLine === undefined ? {} : { attributesLine }),
    attributes,
    section: options.section,
    ...(options.lineMap ? { lines: markdown.split('\n').map((_, i) => lines.map(firstLine + i)) } : {}),
  }
}

function countNewlines(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return n
}

/** Offsets [start, end) of fenced code blocks, so separators and notes inside them are kept as code. */
export function findFences(text: string): [number, number][] {
  const fences: [number, number][] = []
  let open: { start: number; marker: string } | undefined
  let offset = 0
  for (const line of text.split('\n')) {
    const m = RE_FENCE_OPEN.exec(line)
    if (!open && m) {
      open = { start: offset, marker: m[1]! }
    } else if (open && m && m[1]!.startsWith(open.marker[0]!) && m[1]!.length >= open.marker.length && line.trim() === m[1]) {
      fences.push([open.start, offset + line.length])
      open = undefined
    }
    offset += line.length + 1
  }
  if (open) fences.push([open.start, text.length])
  return fences
}

class LineIndex {
  private readonly starts: number[] = [0]

  constructor(
    text: string,
    private readonly firstLine: number,
    private readonly lineMap?: number[],
  ) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1)
  }

  /** 1-based file line of a character offset (in the source file, when the text was templated). */
  lineAt(offset: number): number {
    return this.map(this.rawLineAt(offset))
  }

  /** The source line of a line of the text: itself, unless the text was templated. */
  map(line: number): number {
    return this.lineMap?.[line - 1] ?? line
  }

  /** 1-based line of a character offset in the text as given. */
  rawLineAt(offset: number): number {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + this.firstLine
  }
}
