import pc from 'picocolors'

/** What `diapo check` looks for. */
export type CheckRule =
  | 'build' // the deck does not build: malformed YAML, unknown template variable or partial...
  | 'start' // the deck builds but never starts in the browser (a slide's script that never ends...)
  | 'overflow'
  | 'image-missing'
  | 'media-outside' // a file from outside the deck's folders (not copied)
  | 'remote' // a resource loaded from the Internet (blocked: a hole in the slide)
  | 'media-type' // a file whose content is not the image, video or sound its name says
  | 'image-alt'
  | 'link-missing'
  | 'contrast'
  | 'empty-slide'
  | 'no-notes'
  | 'heading-only' // a content slide that shows its heading and nothing else
  | 'title-crowded' // a title slide whose content fills most of the frame (a long association name)

/** One finding, located by slide number and `file:line`. */
export interface CheckIssue {
  severity: 'error' | 'warning'
  rule: CheckRule
  /** 1-based slide number, as the deck shows it; absent when the deck did not build. */
  slide?: number
  /** Source file, relative to the working folder. */
  file?: string
  line?: number
  message: string
  hint?: string
  /** Measures behind the message (pixels, colours, ratio...), for tools reading `--json`. */
  details?: Record<string, unknown>
}

export interface CheckReport {
  deck: string
  slides: number
  errors: number
  warnings: number
  issues: CheckIssue[]
}

/** Sorts the issues (by slide, errors first) and counts them. */
export function createReport(deck: string, slides: number, issues: CheckIssue[]): CheckReport {
  const sorted = [...issues].sort(
    (a, b) =>
      (a.slide ?? 0) - (b.slide ?? 0) ||
      severityRank(a) - severityRank(b) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.rule.localeCompare(b.rule),
  )
  return {
    deck,
    slides,
    errors: sorted.filter((i) => i.severity === 'error').length,
    warnings: sorted.filter((i) => i.severity === 'warning').length,
    issues: sorted,
  }
}

/**
 * The report for a terminal: one line per issue, `file:line (slide N) severity message`, its hint
 * below, and a summary line. `color` is false when the output is not a terminal.
 */
export function formatReport(report: CheckReport, color = false): string {
  const c = pc.createColors(color)
  const lines = report.issues.map((issue) => {
    const where = issue.file ? `${issue.file}${issue.line ? `:${issue.line}` : ''}` : report.deck
    const slide = issue.slide ? ` (slide ${issue.slide})` : ''
    const tag = issue.severity === 'error' ? c.red('error') : c.yellow('warning')
    const hint = issue.hint ? `\n  → ${issue.hint}` : ''
    return `${where}${slide}: ${tag} ${issue.message}${hint}`
  })
  const summary =
    report.errors === 0 && report.warnings === 0
      ? c.green(`✔ ${report.deck}: ${plural(report.slides, 'slide')}, no problem found`)
      : `${report.errors > 0 ? c.red('✖') : c.yellow('!')} ${report.deck}: ${plural(report.slides, 'slide')}, ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}`
  return [...lines, summary].join('\n')
}

/** The report for tools (`--json`): the same issues, stable keys. */
export function formatReportJson(report: CheckReport): string {
  return JSON.stringify(report, null, 2)
}

// --- internal ---

function severityRank(issue: CheckIssue): number {
  return issue.severity === 'error' ? 0 : 1
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
