import path from 'node:path'

import { type Command, InvalidArgumentError, Option } from 'commander'

import { formatWarning, isDeckError } from '../errors.js'
import * as log from '../log.js'
import { type CliContext, DEFAULT_DECK } from './context.js'
import { ALLOW_OUTSIDE_HELP } from './pdf.js'

/** `diapo dev [DECK] [--asso FILE] [--port N] [--open]` */
export function registerDev(program: Command, ctx: CliContext): void {
  program
    .command('dev')
    .description('serve the deck on this computer and reload it on every change of a slide, theme or image')
    .argument('[deck]', 'a .md file, or a folder whose .md files are read in name order', DEFAULT_DECK)
    .option('-p, --port <n>', 'port (the next free one if it is taken)', parsePort, 1948)
    .option('--open', 'open the deck in your browser')
    .option('-a, --asso <file>', "the deck of an association: its profile (.yml)")
    .option('--allow-outside-files', ALLOW_OUTSIDE_HELP)
    .addOption(new Option('-t, --theme <name>', 'theme: default, contrast, a reveal.js theme (black, white, league...), or a .css file (overrides front matter)'))
    .action(async (deck: string, opts: { port: number; open?: boolean; theme?: string; asso?: string; allowOutsideFiles?: boolean }) => {
      // Listening from the start: a Ctrl-C while the server starts still stops it cleanly.
      const stopped = waitForStop()
      const { startDevServer } = await import('../commands/dev.js')
      const server = await startDevServer({
        cwd: ctx.cwd,
        deck,
        theme: opts.theme,
        asso: opts.asso,
        allowOutsideFiles: opts.allowOutsideFiles,
        port: opts.port,
        open: opts.open,
        onRebuild: ({ error, ms, file, warnings = [] }) => {
          const rel = file ? path.relative(ctx.cwd, file) : ''
          const what = rel && !rel.startsWith('..') ? rel : (file ?? 'deck')
          // The profile's colours adjusted, at their line: said at start-up and when the profile changes.
          if (!file || file.endsWith('.yml')) for (const w of warnings) log.warn(formatWarning(w, ctx.cwd))
          if (error) log.error(isDeckError(error) ? error.format(ctx.cwd) : String(error))
          else if (file) log.success(`${what} changed: deck rebuilt in ${Math.round(ms)} ms`)
        },
      })
      if (server.portInUse) log.warn(`port ${server.portInUse} is in use: using ${server.port} instead`)
      log.success(`deck served at ${server.url}  (Ctrl-C to stop)`)
      await stopped
      await server.close()
      log.info('dev server stopped')
    })
}

// --- internal ---

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new InvalidArgumentError('a port is a whole number from 1 to 65535, e.g. --port 3000')
  }
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
