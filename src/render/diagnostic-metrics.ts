import { readFileSync } from 'node:fs'
import path from 'node:path'

import { PACKAGE_ROOT } from '../paths.js'

/**
 * What a real browser measured of the diagnostic table at 1280×720 in one theme: the room
 * its rows have, a row's height for its lines of text, each column's width and the width of every
 * character of the font. Written by `node scripts/measure-diagnostic.mjs` into
 * `data/diagnostic-metrics.json`; the end-to-end tests measure again and fail when the CSS changed
 * without the file.
 */
export interface DiagnosticMetrics {
  /** px between the top of the table's body and the bottom of the slide's content box. */
  room: number
  /** px of a row besides its lines of text (cell padding, rule). */
  rowExtra: number
  /** px of one line of text in a cell. */
  lineHeight: number
  /** px of text each column holds on a line (need, current tool, alternatives). */
  columns: [number, number, number]
  /** px of the "à étudier ensemble" badge, which never wraps. */
  badge: number
  /** The cells' type size in px; `chars` are in em of it. */
  fontSize: number
  /** Advance width (em) of each character; others count as `fallback`. */
  chars: Record<string, number>
  fallback: number
}

export const DIAGNOSTIC_METRICS_FILE = path.join(PACKAGE_ROOT, 'data', 'diagnostic-metrics.json')

/** The themes measured: diapo's own (their type sizes differ). */
export const MEASURED_THEMES = ['default', 'contrast'] as const

let cached: Record<string, DiagnosticMetrics> | undefined

/**
 * The measures shipped in `data/diagnostic-metrics.json` (read once) for a theme: one of diapo's by
 * its name, else (a `.css` file of one's own) the default theme's.
 */
export function loadDiagnosticMetrics(theme = 'default'): DiagnosticMetrics {
  cached ??= JSON.parse(readFileSync(DIAGNOSTIC_METRICS_FILE, 'utf8')) as Record<string, DiagnosticMetrics>
  return cached[theme] ?? cached.default!
}

/** Characters whose width is measured: Latin-1, Latin Extended-A, French punctuation. */
export const MEASURED_CHARS = [
  ...range(0x20, 0x7e),
  ...range(0xa0, 0x17f),
  0x2013,
  0x2014,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2026,
  0x202f,
  0x20ac,
].map((c) => String.fromCodePoint(c))

/**
 * Runs IN THE PAGE (serialised by Puppeteer: self-contained), on a deck whose current slide is a
 * diagnostic table of exactly two rows: the first of one line, the second of two lines (a need long
 * enough to wrap once), the second row's third cell holding the "à étudier ensemble" badge.
 */
export async function measureDiagnosticTable(chars: string[]): Promise<DiagnosticMetrics> {
  const section = document.querySelector<HTMLElement>('.reveal .slides section.diagnostic.present')!
  // Boxes are measured on screen, where reveal.js scales the 1280×720 frame to the window.
  const scale = (window as unknown as { diapo: { getScale(): number } }).diapo.getScale()
  const rows = [...section.querySelectorAll<HTMLTableRowElement>('tbody tr')]
  const [one, two] = rows.map((r) => r.getBoundingClientRect().height / scale) as [number, number]
  const cells = [...rows[0]!.querySelectorAll<HTMLElement>('td')]
  const style = getComputedStyle(cells[0]!)
  const padding = (el: HTMLElement): number => {
    const s = getComputedStyle(el)
    return parseFloat(s.paddingLeft) + parseFloat(s.paddingRight)
  }
  const sectionStyle = getComputedStyle(section)
  const frame = section.getBoundingClientRect()
  const bottom = frame.top + frame.height - parseFloat(sectionStyle.paddingBottom) * scale
  const body = section.querySelector('tbody')!.getBoundingClientRect()
  const fontSize = parseFloat(style.fontSize)
  await document.fonts.load(`${fontSize}px ${style.fontFamily}`)
  const context = document.createElement('canvas').getContext('2d')!
  context.font = `${style.fontWeight} ${fontSize}px ${style.fontFamily}`
  const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits
  const widths = Object.fromEntries(chars.map((c) => [c, round(context.measureText(c).width / fontSize, 4)]))
  return {
    room: round((bottom - body.top) / scale),
    rowExtra: round(one - (two - one)),
    lineHeight: round(two - one),
    columns: cells.map((td) => round(td.clientWidth - padding(td))) as [number, number, number],
    badge: round(section.querySelector<HTMLElement>('.diagnostic-unknown')!.getBoundingClientRect().width / scale),
    fontSize,
    chars: widths,
    fallback: round(context.measureText('n').width / fontSize, 4),
  }
}

// --- internal ---

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}
