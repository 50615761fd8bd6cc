/**
 * diapo's messages in English: the reference catalogue (`fr.ts` must have the same keys and parameters).
 * Keys are grouped by the stage that says them; keep each group's keys together, in the order of the code.
 */

/** `1 slide`, `2 slides`. */
const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

export const en = {
  // --- printing (diagnostics.ts, log.ts, cli.ts) ---
  'severity.error': 'error',
  'severity.warning': 'warning',
  'location.slide': (p: { slide: number }) => `slide ${p.slide}`,
  'cli.bug': 'this is a bug in diapo; please report it with the command you ran and the output above',
  'cli.langUnknown': (p: { value: string }) => `unknown language "${p.value}"`,
  'cli.langHint': 'use --lang fr or --lang en',

  // --- check's summary (check/report.ts) ---
  'check.summaryClean': (p: { deck: string; slides: number }) => `${p.deck}: ${count(p.slides, 'slide', 'slides')}, no problem found`,
  'check.summary': (p: { deck: string; slides: number; errors: number; warnings: number }) =>
    `${p.deck}: ${count(p.slides, 'slide', 'slides')}, ${count(p.errors, 'error', 'errors')}, ${count(p.warnings, 'warning', 'warnings')}`,
}

export type Messages = typeof en
