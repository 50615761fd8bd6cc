import pc from 'picocolors'

import { t } from './i18n/index.js'

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

/** Relative path for messages, e.g. `dist/index.html`. */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`
}
