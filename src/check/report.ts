import pc from 'picocolors'

import { type Diagnostic, diagnosticJson, type DiagnosticJson, formatDiagnostic, type FormatOptions } from '../diagnostics.js'
import { t } from '../i18n/index.js'

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

export interface CheckReport {
  deck: string
  slides: number
  errors: number
  warnings: number
  /** Each finding, located by slide number and `file:line`; `rule` is a `CheckRule`. */
  issues: Diagnostic[]
}

/** Sorts the issues (by slide, errors first) and counts them. */
export function createReport(deck: string, slides: number, issues: Diagnostic[]): CheckReport {
  const sorted = [...issues].sort(
    (a, b) =>
      (a.slide ?? 0) - (b.slide ?? 0) ||
      severityRank(a) - severityRank(b) ||
      (a.loc?.line ?? 0) - (b.loc?.line ?? 0) ||
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
 * The report for a terminal: one line per issue, `severity file:line (slide N): message`, its hint
 * below, and a summary line. `color` is false when the output is not a terminal.
 */
export function formatReport(report: CheckReport, options: Pick<FormatOptions, 'cwd' | 'color'> = {}): string {
  const c = pc.createColors(options.color ?? false)
  const lines = report.issues.map((issue) => formatDiagnostic(issue, { ...options, fallbackWhere: report.deck }))
  const summary =
    report.errors === 0 && report.warnings === 0
      ? c.green(`✔ ${t('check.summaryClean', { deck: report.deck, slides: report.slides })}`)
      : `${report.errors > 0 ? c.red('✖') : c.yellow('!')} ${t('check.summary', report)}`
  return [...lines, summary].join('\n')
}

/** The report as tools read it (`--json`): files relative to `cwd`, stable keys (see `diagnosticJson`). */
export interface CheckReportJson extends Omit<CheckReport, 'issues'> {
  issues: DiagnosticJson[]
}

/** The report for tools (`--json`): the same issues, stable keys. */
export function formatReportJson(report: CheckReport, cwd = process.cwd()): string {
  const json: CheckReportJson = { ...report, issues: report.issues.map((issue) => diagnosticJson(issue, cwd)) }
  return JSON.stringify(json, null, 2)
}

// --- internal ---

function severityRank(issue: Diagnostic): number {
  return issue.severity === 'error' ? 0 : 1
}
