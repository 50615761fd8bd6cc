import { Command, CommanderError } from 'commander'

import { DeckError, isDeckError } from './errors.js'
import { parseLang, setLang, t } from './i18n/index.js'
import { registerBuild } from './cli/build.js'
import { registerNew } from './cli/new.js'
import { registerPdf } from './cli/pdf.js'
import { registerCheck } from './cli/check.js'
import type { CliContext } from './cli/context.js'
import { registerDev } from './cli/dev.js'
import { registerDoctor } from './cli/doctor.js'
import { exitOnSignals, handleSignalsYourself } from './interrupt.js'
import * as log from './log.js'

/**
 * Runs the `diapo` command line and returns the process exit code. The only place that prints errors:
 * a `DeckError` is a mistake in the user's input (one line with its `file:line`, exit 1); anything else
 * is a bug in diapo (stack trace, exit 2).
 */
export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  const debug = argv.includes('--debug')
  try {
    // Before the program is made: its help is written in the chosen language.
    setLang(langOption(argv))
  } catch (err) {
    return reportError(err, cwd, debug)
  }
  const program = createProgram({ cwd })
  try {
    await program.parseAsync(argv, { from: 'user' })
    return typeof process.exitCode === 'number' ? process.exitCode : 0
  } catch (err) {
    return reportError(err, cwd, debug)
  }
}

// --- internal ---

function createProgram(ctx: CliContext): Command {
  const program = new Command('diapo')
    .description('Markdown slides → an offline reveal.js deck, and its PDF handout.')
    .version(process.env.npm_package_version ?? '0.1.0', '-v, --version')
    .option('--debug', 'show stack traces and causes of errors')
    .option('--lang <lang>', "the language diapo speaks: fr or en (default: the system's)")
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
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

  return program
}

function reportError(err: unknown, cwd: string, debug: boolean): number {
  if (err instanceof CommanderError) {
    // Help and version exit 0; usage mistakes were already printed by commander.
    return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : 1
  }
  if (isDeckError(err)) {
    log.error(err.format(cwd))
    if (debug && err.cause) console.error(err.cause)
    return 1
  }
  console.error(err)
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
