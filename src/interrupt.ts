const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const
type Signal = keyof typeof SIGNALS
const WHY: Record<Signal, string> = {
  SIGINT: 'interrupted (Ctrl-C)',
  SIGTERM: 'stopped (SIGTERM)',
  SIGHUP: 'stopped (the terminal was closed)',
}
/** The handlers, shared by every copy of this module (bin/diapo.js loads it before the CLI's bundle). */
const KEY = Symbol.for('diapo.exitOnSignals')
type Handlers = Partial<Record<Signal, () => void>>

/**
 * Ctrl-C, SIGTERM or SIGHUP end the command at once with one line, whatever it was doing: no stack
 * trace, no false "could not start the browser". What must not outlive diapo goes with the process's
 * synchronous 'exit' listeners (the staging folder, the browser and its profile: see `writeStaged` and
 * `launchBrowser`), and after SIGKILL with `removeWhenDiapoEnds`. Installed by bin/diapo.js before
 * anything else is loaded, so that an interrupt in the first instant still says what happened.
 */
export function exitOnSignals(): void {
  const global = globalThis as { [KEY]?: Handlers }
  if (global[KEY]) return
  const handlers: Handlers = {}
  for (const signal of Object.keys(SIGNALS) as Signal[]) {
    handlers[signal] = () => {
      process.stderr.write(`${process.stderr.isTTY && !process.env.NO_COLOR ? '\x1b[31merror\x1b[39m' : 'error'} ${WHY[signal]}: diapo stopped; the output folder keeps what the last complete build wrote\n`)
      process.exit(SIGNALS[signal])
    }
    process.once(signal, handlers[signal])
  }
  global[KEY] = handlers
}

/** For a command that stops gracefully by itself (`dev`): signals are its own to handle. */
export function handleSignalsYourself(): void {
  const global = globalThis as { [KEY]?: Handlers }
  for (const [signal, handler] of Object.entries(global[KEY] ?? {})) process.off(signal, handler)
  delete global[KEY]
}
