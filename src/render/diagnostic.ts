import type { Alternative, Catalogue } from '../config/catalogue.js'
import type { ProfileTool } from '../config/defaults.js'

/** One row of the tools diagnostic: a need, the tool used today, and its free alternatives. */
export interface DiagnosticRow {
  need: string
  current: string
  /** False when the tool is not in the catalogue: "à étudier ensemble". */
  known: boolean
  alternatives: Alternative[]
  /** Why change, from the catalogue (for the speaker notes). */
  why: string | null
}

/** One slide of the diagnostic table. */
export interface DiagnosticPage {
  number: number
  total: number
  /** True when the table takes several slides (their titles then say "1/3"). */
  several: boolean
  rows: DiagnosticRow[]
}

export interface Diagnostic {
  rows: DiagnosticRow[]
  pages: DiagnosticPage[]
}

/** Alternatives shown in a cell (the catalogue may list more; the notes keep the why). */
export const MAX_ALTERNATIVES = 3

/**
 * Height budget of a table slide, in px of the 1280×720 frame: the frame less its padding, the
 * heading and the header row. A row costs its cell padding plus a line of text for each line its
 * longest cell wraps to (see `.diagnostic` in runtime/base.css for the column widths and type size).
 */
const BUDGET_PX = 420
const ROW_PADDING_PX = 16
const LINE_PX = 35
const MAX_ROWS = 7
/** Characters a line holds in each column (need, current tool, alternatives) at the table's type size. */
const COLUMN_CHARS = [21, 14, 32]

/** Matches each tool of a profile with the catalogue, and splits the rows over slides that fit. */
export function buildDiagnostic(tools: ProfileTool[], catalogue: Catalogue | undefined): Diagnostic {
  const rows = tools.map((tool): DiagnosticRow => {
    const entry = catalogue?.match(tool.current)
    return {
      need: tool.need ?? entry?.need ?? '—',
      current: tool.current,
      known: !!entry,
      alternatives: entry ? entry.alternatives.slice(0, MAX_ALTERNATIVES) : [],
      why: entry?.why ?? null,
    }
  })
  return { rows, pages: paginateRows(rows) }
}

/**
 * Splits rows into pages whose estimated height fits the slide frame, as evenly as possible (7 rows
 * make pages of 4 and 3, not 6 and 1).
 */
export function paginateRows(rows: DiagnosticRow[]): DiagnosticPage[] {
  const greedy = fillPages(rows)
  const even = splitEvenly(rows, greedy.length)
  const chunks = even.every(fits) ? even : greedy
  return chunks.map((chunk, i) => ({ number: i + 1, total: chunks.length, several: chunks.length > 1, rows: chunk }))
}

/** Estimated height of a row in px. */
export function rowHeight(row: DiagnosticRow): number {
  const alternatives = row.known ? row.alternatives.map((a) => a.name) : ['« à étudier ensemble »']
  const cells = [wrap([row.need], COLUMN_CHARS[0]!), wrap([row.current], COLUMN_CHARS[1]!), wrap(alternatives, COLUMN_CHARS[2]!, ', ')]
  return ROW_PADDING_PX + LINE_PX * Math.max(...cells)
}

// --- internal ---

function fits(chunk: DiagnosticRow[]): boolean {
  return chunk.length <= MAX_ROWS && chunk.reduce((h, row) => h + rowHeight(row), 0) <= BUDGET_PX
}

function splitEvenly(rows: DiagnosticRow[], pages: number): DiagnosticRow[][] {
  const size = Math.ceil(rows.length / Math.max(pages, 1))
  return Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size))
}

/** Greedy: each page takes rows while they fit. */
function fillPages(rows: DiagnosticRow[]): DiagnosticRow[][] {
  const chunks: DiagnosticRow[][] = []
  let current: DiagnosticRow[] = []
  let height = 0
  for (const row of rows) {
    const cost = rowHeight(row)
    if (current.length > 0 && (height + cost > BUDGET_PX || current.length >= MAX_ROWS)) {
      chunks.push(current)
      current = []
      height = 0
    }
    current.push(row)
    height += cost
  }
  if (current.length > 0) chunks.push(current)
  return chunks
}

/** Lines a cell takes: words (or items that do not break) filled greedily into lines of `width` characters. */
function wrap(items: string[], width: number, separator = ''): number {
  const words = items.flatMap((item, i) => {
    const parts = item.split(/\s+/)
    return i < items.length - 1 && separator ? [...parts.slice(0, -1), parts.at(-1)! + separator.trim()] : parts
  })
  let lines = 1
  let used = 0
  for (const word of words) {
    const length = Math.min(word.length, width)
    if (used > 0 && used + 1 + length > width) {
      lines++
      used = length
    } else {
      used += (used > 0 ? 1 : 0) + length
    }
  }
  return lines
}
