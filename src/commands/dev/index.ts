/** `diapo dev [DECK] [--asso FILE] [--theme NAME] [--port N] [--open]`: the deck served, rebuilt on every change. */
import { inspect } from 'node:util'

import { type Command, InvalidArgumentError } from 'commander'

import { displayPath, isDeckError } from '../../errors.js'
import { t } from '../../i18n/index.js'
import * as log from '../../log.js'
import { addAllowOutsideOption, addAssoOption, addDeckArgument, addThemeOption, type CliContext } from '../options.js'

interface DevCliOptions {
  port: number
  open?: boolean
  theme?: string
  asso?: string
  allowOutsideFiles?: boolean
}

export function registerDev(program: Command, ctx: CliContext): void {
  const command = addDeckArgument(program.command('dev').description(t('dev.description')))
    .option('-p, --port <n>', t('dev.optPort'), parsePort, 1948)
    .option('--open', t('dev.optOpen'))
  addThemeOption(addAllowOutsideOption(addAssoOption(command))).action((deck: string, opts: DevCliOptions) => runDev(ctx, deck, opts))
}

// --- internal ---

async function runDev(ctx: CliContext, deck: string, opts: DevCliOptions): Promise<void> {
  // Listening from the start: a Ctrl-C while the server starts still stops it cleanly.
  const stopped = waitForStop()
  const { startDevServer } = await import('./server.js')
  const server = await startDevServer({
    cwd: ctx.cwd,
    deck,
    theme: opts.theme,
    asso: opts.asso,
    allowOutsideFiles: opts.allowOutsideFiles,
    port: opts.port,
    open: opts.open,
    onRebuild: ({ error, ms, file, warnings = [] }) => {
      const what = file ? displayPath(file, ctx.cwd) : 'deck'
      // The profile's colours adjusted, at their line: said at start-up and when the profile changes.
      if (!file || file.endsWith('.yml')) for (const w of warnings) log.diagnostic(w, ctx.cwd)
      if (isDeckError(error)) log.diagnostic(error.toDiagnostic(), ctx.cwd)
      else if (error) log.error(error instanceof Error || typeof error === 'string' ? String(error) : inspect(error))
      else if (file) log.success(t('dev.rebuilt', { file: what, ms: Math.round(ms) }))
      if (error && ctx.debug) log.debugDetails(error)
    },
  })
  if (server.portInUse) log.warn(t('dev.portInUse', { asked: server.portInUse, port: server.port }))
  log.success(t('dev.served', { url: server.url }))
  await stopped
  await server.close()
  log.info(t('dev.stopped'))
}

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InvalidArgumentError(t('dev.portInvalid'))
  return port
}

/** Resolves on Ctrl-C (SIGINT) or SIGTERM. */
function waitForStop(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
