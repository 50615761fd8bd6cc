/**
 * What the commands share: the context the CLI gives them, and the options several of them take, each
 * written once (its flags, its help in the user's language, its parsing).
 */
import { type Command, InvalidArgumentError, Option } from 'commander'

import { t } from '../i18n/index.js'

/** What every command of the CLI gets. */
export interface CliContext {
  /** Working folder: relative paths in arguments and in messages are relative to it. */
  cwd: string
  /** `--json`-style output stays parseable; `--debug` shows stacks and causes (see `cli.ts`). */
  debug?: boolean
}

/** Default deck: the association's workshop talk, shipped in slides/. */
export const DEFAULT_DECK = 'slides'
export const DEFAULT_OUT = 'dist'
/** Seconds a page (a PDF, the deck in `check`) may take. */
export const DEFAULT_TIMEOUT_SECONDS = 30

/** `[deck]`: a file or a folder of slides. */
export function addDeckArgument(command: Command): Command {
  return command.argument('[deck]', t('opt.deck'), DEFAULT_DECK)
}

/** `-o, --out DIR` */
export function addOutOption(command: Command): Command {
  return command.option(`-o, --out <${t('opt.argDir')}>`, t('opt.out'), DEFAULT_OUT)
}

/** `-t, --theme NAME`, overriding the front matter's. */
export function addThemeOption(command: Command): Command {
  return command.addOption(new Option(`-t, --theme <${t('opt.argName')}>`, t('opt.theme')))
}

/** `--allow-outside-files`, for every command that reads a deck. */
export function addAllowOutsideOption(command: Command): Command {
  return command.option('--allow-outside-files', t('opt.allowOutside'))
}

/** `-a, --asso FILE`: one profile (`many`: repeatable, or a folder of profiles). */
export function addAssoOption(command: Command, many = false): Command {
  const flags = `-a, --asso <${t('opt.argFile')}>`
  if (!many) return command.option(flags, t('opt.asso'))
  // No default shown in the help ("[]" means nothing to a volunteer): the command reads `asso ?? []`.
  return command.option(flags, t('opt.assoMany'), (value: string, previous: string[] | undefined) => [...(previous ?? []), value])
}

/** `--timeout SECONDS`; `help` says what it times (`opt.timeoutPdf`, `opt.timeoutCheck`). */
export function addTimeoutOption(command: Command, help: string): Command {
  return command.addOption(new Option(`--timeout <${t('opt.argSeconds')}>`, help).default(DEFAULT_TIMEOUT_SECONDS).argParser(parseSeconds))
}

/** `--browser-path FILE`. */
export function addBrowserPathOption(command: Command, help = t('opt.browserPath')): Command {
  return command.addOption(new Option(`--browser-path <${t('opt.argFile')}>`, help))
}

/** A `--timeout` value: a positive number of seconds. */
export function parseSeconds(value: string): number {
  const seconds = Number(value)
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError(t('opt.secondsInvalid'))
  return seconds
}

/** Seconds given on the command line, in ms; `undefined` stays undefined. */
export function toMs(seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : seconds * 1000
}
