/**
 * Commander's own words in the user's language: the help's headings ("Usage:", "Options:"...), its
 * "(default: ...)", the help option and command, and its error messages ("error: unknown option..."),
 * which commander writes in English whatever the program's descriptions are in.
 */
import { type Argument, type Command, Help, type Option } from 'commander'

import { t } from './index.js'

/** Applies the user's language to `program` and every command under it (call it once they are all made). */
export function localizeCommander(program: Command): void {
  for (const command of [program, ...program.commands]) {
    command.configureHelp(HELP).helpOption('-h, --help', t('commander.optHelp'))
    command.configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s, write) => write(translateError(s)) })
  }
  program.helpCommand(`help [${t('commander.command')}]`, t('commander.optHelp'))
}

/** A commander error message (`error: unknown option '--x'`) in the user's language; others unchanged. */
export function translateError(text: string): string {
  for (const [re, message] of ERRORS) {
    const m = re.exec(text)
    if (m) return t('commander.error', { message: `${message(m)}${text.slice(m[0].length)}` })
  }
  return text.replace(/^error: ([\s\S]*)$/, (_, message: string) => t('commander.error', { message }))
}

// --- internal ---

const TITLES: Record<string, () => string> = {
  'Usage:': () => t('commander.usage'),
  'Options:': () => t('commander.options'),
  'Commands:': () => t('commander.commands'),
  'Arguments:': () => t('commander.arguments'),
  'Global Options:': () => t('commander.globalOptions'),
}

const RE_DEFAULT = /\(default: (.*)\)$/

const HELP: Partial<Help> = {
  styleTitle: (title: string) => TITLES[title]?.() ?? title,
  commandUsage: (command: Command) =>
    Help.prototype.commandUsage.call(new Help(), command).replace('[command]', `[${t('commander.command')}]`),
  optionDescription: (option: Option) => localizeDefault(Help.prototype.optionDescription.call(new Help(), option)),
  argumentDescription: (argument: Argument) => localizeDefault(Help.prototype.argumentDescription.call(new Help(), argument)),
}

function localizeDefault(description: string): string {
  return description.replace(RE_DEFAULT, (_, value: string) => `(${t('commander.default', { value })})`)
}

/** Commander's messages, after its `error: `, with what they name. */
const ERRORS: [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^error: unknown option '([^']*)'(?:\n\(Did you mean (.+)\?\))?/,
    (m) => [t('commander.unknownOption', { option: m[1]! }), ...(m[2] ? [t('commander.didYouMean', { guess: m[2] })] : [])].join('\n'),
  ],
  [
    /^error: unknown command '([^']*)'(?:\n\(Did you mean (.+)\?\))?/,
    (m) => [t('commander.unknownCommand', { command: m[1]! }), ...(m[2] ? [t('commander.didYouMean', { guess: m[2] })] : [])].join('\n'),
  ],
  [/^error: missing required argument '([^']*)'/, (m) => t('commander.missingArgument', { name: m[1]! })],
  [/^error: option '([^']*)' argument missing/, (m) => t('commander.optionArgumentMissing', { option: m[1]! })],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\./, (m) => t('commander.invalidArgument', { option: m[1]!, value: m[2]! })],
  [
    /^error: too many arguments(?: for '[^']*')?\. Expected (\d+) arguments? but got (\d+)\./,
    (m) => t('commander.tooManyArguments', { expected: Number(m[1]), received: Number(m[2]) }),
  ],
]
