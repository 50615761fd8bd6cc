/**
 * What diapo reports about a deck, in one shape for every stage and command: a build's warnings, an error
 * that stops it, a profile's failure in a batch, a PDF's warnings and `diapo check`'s findings. Printed one
 * way (`formatDiagnostic`) for people, one way (`diagnosticJson`) for tools (`--json`).
 */
import pc from 'picocolors'

import { displayPath, formatLocation, type SourceLocation } from './errors.js'
import { t } from './i18n/index.js'

export type Severity = 'error' | 'warning'

export interface Diagnostic {
  severity: Severity
  /** Stable identifier of what was found (`image-alt`, `contrast`, `remote`...), the same in every language. */
  rule: string
  /** Where to fix it; absent when no line of the sources is to blame (the deck does not start...). */
  loc?: SourceLocation
  /** 1-based slide number, as the deck shows it, when the finding is about one slide. */
  slide?: number
  /** What is wrong, in the user's language. */
  message: string
  /** What to do about it. */
  hint?: string
  /** Measures behind the message (pixels, colours, ratio...), for tools reading `--json`. */
  details?: Record<string, unknown>
}

export interface FormatOptions {
  /** Paths inside it are shown relative to it. */
  cwd?: string
  /** Colour the severity (for a terminal). */
  color?: boolean
  /** Shown as the place when the diagnostic has no location (e.g. the deck's folder). */
  fallbackWhere?: string
}

/** `error slides/intro.md:42 (slide 3): message` and, below, `  → hint`. */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}): string {
  const c = pc.createColors(options.color ?? false)
  const tag = d.severity === 'error' ? c.red(t('severity.error')) : c.yellow(t('severity.warning'))
  const where = [
    d.loc ? formatLocation(d.loc, options.cwd) : options.fallbackWhere,
    d.slide ? `(${t('location.slide', { slide: d.slide })})` : undefined,
  ]
    .filter(Boolean)
    .join(' ')
  return `${tag} ${where ? `${where}: ` : ''}${d.message}${d.hint ? `\n  → ${d.hint}` : ''}`
}

/** A diagnostic as tools read it (`--json`): `loc` flattened into `file`, `line` and `column`. */
export interface DiagnosticJson {
  severity: Severity
  rule: string
  slide?: number
  file?: string
  line?: number
  column?: number
  message: string
  hint?: string
  details?: Record<string, unknown>
}

/** The diagnostic for tools: flat, stable keys, the file relative to `cwd` with `/` separators. */
export function diagnosticJson(d: Diagnostic, cwd = process.cwd()): DiagnosticJson {
  return {
    severity: d.severity,
    rule: d.rule,
    ...(d.slide ? { slide: d.slide } : {}),
    ...(d.loc ? { file: displayPath(d.loc.file, cwd).split('\\').join('/'), line: d.loc.line } : {}),
    ...(d.loc?.column ? { column: d.loc.column } : {}),
    message: d.message,
    ...(d.hint ? { hint: d.hint } : {}),
    ...(d.details ? { details: d.details } : {}),
  }
}
