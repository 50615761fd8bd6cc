const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const
type Signal = keyof typeof SIGNALS
/**
 * The handlers, shared by every copy of this module (bin/diapo.js loads it before the CLI's bundle), and
 * the line they print: said by the copy that asked last, the bundle's once the command starts, whose
 * catalogue speaks the language chosen (`--lang`, see cli.ts's `setLang`); the system's before that.
 */
const KEY = Symbol.for('diapo.exitOnSignals')
type Handlers = Partial<Record<Signal, () => void>>
interface Shared {
  handlers: Handlers
  say: (signal: Signal) => Promise<string>
}

/**
 * Ctrl-C, SIGTERM or SIGHUP end the command at once with one line, whatever it was doing: no stack
 * trace, no false "could not start the browser". What must not outlive diapo goes with the process's
 * synchronous 'exit' listeners (the staging folder, the browser and its profile: see `writeStaged` and
 * `launchBrowser`), and after SIGKILL with `removeWhenDiapoEnds`. Installed by bin/diapo.js before
 * anything else is loaded, so that an interrupt in the first instant still says what happened; called
 * again by the command, so that the line is in the language it speaks.
 */
export function exitOnSignals(): void {
  const global = globalThis as { [KEY]?: Shared }
  const installed = global[KEY]
  if (installed) {
    installed.say = stoppedLine
    return
  }
  const shared: Shared = { handlers: {}, say: stoppedLine }
  for (const signal of Object.keys(SIGNALS) as Signal[]) {
    shared.handlers[signal] = () => {
      const exit = (): never => process.exit(SIGNALS[signal])
      shared.say(signal).then((line) => process.stderr.write(line, exit), exit)
    }
    process.once(signal, shared.handlers[signal])
  }
  global[KEY] = shared
}

/** For a command that stops gracefully by itself (`dev`): signals are its own to handle. */
export function handleSignalsYourself(): void {
  const global = globalThis as { [KEY]?: Shared }
  for (const [signal, handler] of Object.entries(global[KEY]?.handlers ?? {})) process.off(signal, handler)
  delete global[KEY]
}

// --- internal ---

/**
 * `error interrupted (Ctrl-C): diapo stopped; ...`, in the language of this copy's catalogue. The catalogue
 * is loaded when a signal comes, not with this module: bin/diapo.js loads it before the CLI's bundle, and
 * every command would otherwise pay for a second copy of the messages (the bundle's is already loaded).
 */
async function stoppedLine(signal: Signal): Promise<string> {
  const { t } = await import('./i18n/index.js')
  const error = t('severity.error')
  const tag = process.stderr.isTTY && !process.env.NO_COLOR ? `\x1b[31m${error}\x1b[39m` : error
  return `${tag} ${t('interrupt.stopped', { why: t(`interrupt.${signal}`) })}\n`
}
