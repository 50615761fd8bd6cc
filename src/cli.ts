import { Command, CommanderError } from 'commander'

import { registerBuild } from './commands/build/index.js'
import { registerCheck } from './commands/check/index.js'
import { registerDev } from './commands/dev/index.js'
import { registerDoctor } from './commands/doctor/index.js'
import { registerNew } from './commands/new/index.js'
import type { CliContext } from './commands/options.js'
import { registerPdf } from './commands/pdf.js'
import { diagnosticJson } from './diagnostics.js'
import { DeckError, isDeckError } from './errors.js'
import { parseLang, setLang, t } from './i18n/index.js'
import { localizeCommander } from './i18n/commander.js'
import { exitOnSignals, handleSignalsYourself } from './interrupt.js'
import * as log from './log.js'

/**
 * Runs the `diapo` command line and returns the process exit code. The only place that prints errors:
 * a `DeckError` is a mistake in the user's input (one line with its `file:line`, exit 1); anything else
 * is a bug in diapo (stack trace, exit 2).
 */
export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  const debug = argv.includes('--debug')
  const json = argv.includes('--json')
  try {
    // Before the program is made: its help is written in the chosen language.
    setLang(langOption(argv))
  } catch (err) {
    return reportError(err, { cwd, debug, json })
  }
  const program = createProgram({ cwd, debug })
  try {
    await program.parseAsync(argv, { from: 'user' })
    return typeof process.exitCode === 'number' ? process.exitCode : 0
  } catch (err) {
    return reportError(err, { cwd, debug, json })
  }
}

// --- internal ---

function createProgram(ctx: CliContext): Command {
  const program = new Command('diapo')
    .description(t('cli.description'))
    .version(process.env.npm_package_version ?? '0.1.0', '-v, --version', t('cli.optVersion'))
    .option('--debug', t('cli.optDebug'))
    .option('--lang <lang>', t('cli.optLang'))
    .exitOverride()
    .showHelpAfterError(t('cli.helpAfterError'))
    // `dev` stops gracefully on Ctrl-C by itself; every other command stops at once, cleaning up.
    .hook('preAction', (_, action) => {
      if (action.name() === 'dev') handleSignalsYourself()
      else exitOnSignals()
    })

  registerBuild(program, ctx)
  registerNew(program, ctx)
  registerPdf(program, ctx)
  registerDev(program, ctx)
  registerCheck(program, ctx)
  registerDoctor(program, ctx)
  // After the commands are made: each gets commander's own words in the user's language.
  localizeCommander(program)
  return program
}

function reportError(err: unknown, { cwd, debug, json }: { cwd: string; debug: boolean; json: boolean }): number {
  if (err instanceof CommanderError) {
    // Help and version exit 0; usage mistakes were already printed by commander.
    return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : 1
  }
  if (isDeckError(err)) {
    // `--json`: tools read the error on stdout as they read the warnings; people still see it on stderr.
    if (json) process.stdout.write(`${JSON.stringify({ diagnostics: [diagnosticJson(err.toDiagnostic(), cwd)] }, null, 2)}\n`)
    log.diagnostic(err.toDiagnostic(), cwd)
    if (debug) log.debugDetails(err)
    return 1
  }
  log.debugDetails(err)
  log.error(t('cli.bug'))
  return 2
}

/** `--lang fr` or `--lang=fr` anywhere on the command line; undefined when absent (the system decides). */
function langOption(argv: string[]): ReturnType<typeof parseLang> {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='))
  if (at === -1) return undefined
  const value = argv[at]!.startsWith('--lang=') ? argv[at]!.slice('--lang='.length) : (argv[at + 1] ?? '')
  const lang = parseLang(value)
  if (!lang) throw new DeckError(t('cli.langUnknown', { value }), 'E_USAGE', { hint: t('cli.langHint') })
  return lang
}
