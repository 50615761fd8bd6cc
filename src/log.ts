import pc from 'picocolors'

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
  console.error(`${pc.yellow('warning')} ${message}`)
}

export function error(message: string): void {
  console.error(`${pc.red('error')} ${message}`)
}

/** Relative path for messages, e.g. `dist/index.html`. */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`
}
