import pc from 'picocolors'

import { type Diagnostic, formatDiagnostic } from './diagnostics.js'
import { lang, t } from './i18n/index.js'

/** Progress output is for people at a terminal: none when piped or under CI. */
export function isInteractive(): boolean {
  return Boolean(process.stderr.isTTY) && !process.env.CI
}

export function info(message: string): void {
  console.log(message)
}

export function success(message: string): void {
  console.log(`${pc.green('✔')} ${message}`)
}

export function warn(message: string): void {
  console.error(`${pc.yellow(t('severity.warning'))} ${message}`)
}

export function error(message: string): void {
  console.error(`${pc.red(t('severity.error'))} ${message}`)
}

/** A diagnostic as every command prints it (on stderr): `warning slides/a.md:4: message`, then its hint. */
export function diagnostic(d: Diagnostic, cwd: string, fallbackWhere?: string): void {
  console.error(formatDiagnostic(d, { cwd, color: pc.isColorSupported, ...(fallbackWhere ? { fallbackWhere } : {}) }))
}

/** `--debug`: the stack of an error and, when it wraps a library's error, that cause. */
export function debugDetails(err: unknown): void {
  console.error(err instanceof Error ? err.stack : err)
  if (err instanceof Error && err.cause !== undefined) console.error('cause:', err.cause)
}

/** A duration for messages: `1.23 s`. */
export function formatSeconds(ms: number): string {
  return `${new Intl.NumberFormat(lang(), { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(ms / 1000)} s`
}
