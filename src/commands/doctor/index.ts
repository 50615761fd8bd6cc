/** `diapo doctor [--browser-path FILE]`: which browser prints the PDFs, and a test print with it. */
import type { Command } from 'commander'

import { t } from '../../i18n/index.js'
import * as log from '../../log.js'
import { addBrowserPathOption, type CliContext } from '../options.js'
import type { DoctorReport } from './run.js'

export function registerDoctor(program: Command, _ctx: CliContext): void {
  addBrowserPathOption(program.command('doctor').description(t('doctor.description')), t('doctor.optBrowserPath')).action(
    async (opts: { browserPath?: string }) => {
      const { runDoctor } = await import('./run.js')
      const report = await runDoctor({ executablePath: opts.browserPath })
      if (!report.chosen) {
        log.error(
          `${t('doctor.noBrowser', { message: report.missing?.message ?? '' })}${report.missing?.hint ? `\n  → ${report.missing.hint}` : ''}`,
        )
        process.exitCode = 1
        return
      }
      printReport(report)
    },
  )
}

// --- internal ---

function printReport(report: DoctorReport): void {
  const chosen = report.chosen!
  log.info(t('doctor.browser', { label: chosen.label }))
  log.info(`  ${t('doctor.why', { why: chosen.why })}`)
  log.info(
    report.others.length > 0 ? `${t('doctor.alsoFound')}\n${report.others.map((o) => `  ${o}`).join('\n')}` : t('doctor.alsoFoundNothing'),
  )
  const test = report.test!
  if (test.ok) {
    const unpacked = Boolean(chosen.choice.embedded && !chosen.choice.embedded.unpacked)
    log.success(
      t('doctor.testOk', {
        version: test.version,
        unpacked,
        launch: log.formatSeconds(test.launchMs),
        print: log.formatSeconds(test.printMs),
      }),
    )
  } else {
    log.error(t('doctor.testFailed', { error: test.error }))
    process.exitCode = 1
  }
}
