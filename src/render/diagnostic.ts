import type { Alternative, Catalogue } from '../config/catalogue.js'
import type { ProfileTool } from '../config/defaults.js'
import { type DiagnosticMetrics, loadDiagnosticMetrics } from './diagnostic-metrics.js'

/**
 * One row of the tools diagnostic: a need, the tool used today, and its free alternatives. The data
 * model of the slides' table (templates/partials/diagnostic.hbs) and of any other view of it (the
 * handout): build it with `buildDiagnostic`.
 */
export interface DiagnosticRow {
  /** The profile's need, else the catalogue's, else "—". */
  need: string
  /** The tool as the catalogue spells it ("whatsapp" → "WhatsApp"), else as the profile wrote it. */
  current: string
  /** The tool as the profile wrote it. */
  typed: string
  /** Where the alternatives come from: the profile's own, the catalogue, or none ("à étudier ensemble"). */
  source: 'profile' | 'catalogue' | 'unknown'
  /** True when there are alternatives to show (`source` is not `unknown`). */
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

/** Matches each tool of a profile with the catalogue, and splits the rows over slides that fit. */
export function buildDiagnostic(tools: ProfileTool[], catalogue: Catalogue | undefined, metrics?: DiagnosticMetrics): Diagnostic {
  const rows = tools.map((tool): DiagnosticRow => {
    const entry = catalogue?.match(tool.current)
    const alternatives = tool.alternatives ?? entry?.alternatives ?? []
    const source = tool.alternatives ? 'profile' : entry ? 'catalogue' : 'unknown'
    return {
      need: tool.need ?? entry?.need ?? '—',
      current: entry?.names[0] ?? tool.current,
      typed: tool.current,
      source,
      known: source !== 'unknown',
      alternatives: alternatives.slice(0, MAX_ALTERNATIVES),
      why: entry?.why ?? null,
    }
  })
  return { rows, pages: paginateRows(rows, metrics) }
}

/**
 * Splits rows over as few slides as they fit in, by the table's measures in a real browser
 * (data/diagnostic-metrics.json); when it takes several, they get as even a share as still fits
 * (9 rows: 5 and 4, not 7 and 2).
 */
export function paginateRows(rows: DiagnosticRow[], metrics = loadDiagnosticMetrics()): DiagnosticPage[] {
  const fits = (chunk: DiagnosticRow[]): boolean => chunk.reduce((h, row) => h + rowHeight(row, metrics), 0) <= metrics.room
  const greedy = fillPages(rows, (chunk) => fits(chunk))
  const even = splitEvenly(rows, greedy.length)
  const chunks = even.every(fits) ? even : greedy
  return chunks.map((chunk, i) => ({ number: i + 1, total: chunks.length, several: chunks.length > 1, rows: chunk }))
}

/** Height of a row in px of the 1280×720 frame: its padding, and a line for each line its tallest cell takes. */
export function rowHeight(row: DiagnosticRow, metrics = loadDiagnosticMetrics()): number {
  const [need, current, alternatives] = metrics.columns
  const lines = Math.max(
    linesOf(row.need, need, metrics),
    linesOf(row.current, current, metrics),
    row.known ? linesOf(row.alternatives.map((a) => a.name).join(', '), alternatives, metrics) : Math.ceil(metrics.badge / alternatives),
  )
  return metrics.rowExtra + lines * metrics.lineHeight
}

// --- internal ---

/** Kerning and rounding make a line a little wider than the sum of its characters. */
const WIDTH_MARGIN = 1.03

function splitEvenly(rows: DiagnosticRow[], pages: number): DiagnosticRow[][] {
  const size = Math.ceil(rows.length / Math.max(pages, 1))
  return Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size))
}

/** Greedy: each page takes rows while they fit. */
function fillPages(rows: DiagnosticRow[], fits: (chunk: DiagnosticRow[]) => boolean): DiagnosticRow[][] {
  const chunks: DiagnosticRow[][] = []
  let current: DiagnosticRow[] = []
  for (const row of rows) {
    if (current.length > 0 && !fits([...current, row])) {
      chunks.push(current)
      current = []
    }
    current.push(row)
  }
  if (current.length > 0) chunks.push(current)
  return chunks
}

/**
 * Lines a text takes in a column `width` px wide, as the browser breaks it: at spaces, a word too
 * long for a line broken anywhere (the cells' `overflow-wrap: anywhere`).
 */
function linesOf(text: string, width: number, metrics: DiagnosticMetrics): number {
  const px = (s: string): number => [...s].reduce((w, c) => w + (metrics.chars[c] ?? metrics.fallback), 0) * metrics.fontSize * WIDTH_MARGIN
  const space = px(' ')
  let lines = 1
  let used = 0
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = px(word)
    if (used > 0 && used + space + w <= width) {
      used += space + w
      continue
    }
    if (used > 0) lines++
    lines += Math.max(0, Math.ceil(w / width) - 1)
    used = w > width ? w % width : w
  }
  return lines
}
