/** `diapo check [DECK] [--asso FILE] [--theme NAME] [--timeout SECONDS] [--json]`: what would spoil the talk. */
import type { Command } from 'commander'

import { t } from '../../i18n/index.js'
import {
  addAllowOutsideOption,
  addAssoOption,
  addDeckArgument,
  addThemeOption,
  addTimeoutOption,
  type CliContext,
  toMs,
} from '../options.js'

interface CheckCliOptions {
  json?: boolean
  theme?: string
  asso?: string
  allowOutsideFiles?: boolean
  /** Seconds. */
  timeout?: number
}

export function registerCheck(program: Command, ctx: CliContext): void {
  const command = addDeckArgument(program.command('check').description(t('check.description'))).option('--json', t('check.optJson'))
  addAllowOutsideOption(command)
  addTimeoutOption(command, t('opt.timeoutCheck'))
  addThemeOption(addAssoOption(command)).action(async (deck: string, opts: CheckCliOptions) => {
    const { checkDeck } = await import('./run.js')
    const { formatReport, formatReportJson } = await import('../../check/report.js')
    const timeout = toMs(opts.timeout)
    const report = await checkDeck({
      cwd: ctx.cwd,
      deck,
      theme: opts.theme,
      asso: opts.asso,
      allowOutsideFiles: opts.allowOutsideFiles,
      browser: timeout === undefined ? undefined : { timeout: Math.max(timeout, 1) },
    })
    if (opts.json) process.stdout.write(formatReportJson(report, ctx.cwd) + '\n')
    else console.log(formatReport(report, { cwd: ctx.cwd, color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR }))
    if (report.errors > 0) process.exitCode = 1
  })
}
