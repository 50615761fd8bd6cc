import { type Command, Option } from 'commander'

import * as log from '../log.js'
import type { CliContext } from './context.js'

/** `diapo doctor [--browser-path FILE]` */
export function registerDoctor(program: Command, _ctx: CliContext): void {
  program
    .command('doctor')
    .description('say which browser prints the PDFs and why, what else was found, and test it: launch it and print a one-page PDF')
    .addOption(new Option('--browser-path <file>', 'test this Chromium, Chrome or Edge instead'))
    .action(async (opts: { browserPath?: string }) => {
      const { runDoctor } = await import('../commands/doctor.js')
      const report = await runDoctor({ executablePath: opts.browserPath })
      if (!report.chosen) {
        log.error(`no browser to print with: ${report.missing?.message}${report.missing?.hint ? `\n  → ${report.missing.hint}` : ''}`)
        process.exitCode = 1
        return
      }
      log.info(`browser: ${report.chosen.label}`)
      log.info(`  why: ${report.chosen.why}`)
      log.info(report.others.length > 0 ? `also found:\n${report.others.map((o) => `  ${o}`).join('\n')}` : 'also found: nothing else')
      const test = report.test!
      if (test.ok) {
        const unpacked = report.chosen.choice.embedded && !report.chosen.choice.embedded.unpacked ? 'unpacked and ' : ''
        log.success(`test print: ${test.version} ${unpacked}started in ${log.formatSeconds(test.launchMs)} and printed a one-page PDF in ${log.formatSeconds(test.printMs)}`)
      } else {
        log.error(`test print failed: ${test.error}`)
        process.exitCode = 1
      }
    })
}
