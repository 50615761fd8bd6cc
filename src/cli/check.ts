import { type Command, Option } from 'commander'

import { type CliContext, DEFAULT_DECK } from './context.js'
import { ALLOW_OUTSIDE_HELP, parseSeconds } from './pdf.js'

/** `diapo check [DECK] [--asso FILE] [--json]` */
export function registerCheck(program: Command, ctx: CliContext): void {
  program
    .command('check')
    .description(
      'render the deck at 1280×720 and report overflowing slides, missing images, alternative texts and links, ' +
        'unreadable colours, empty slides and slides without notes (errors exit 1)',
    )
    .argument('[deck]', 'a .md file, or a folder whose .md files are read in name order', DEFAULT_DECK)
    .option('--json', 'print the report as JSON, for tools')
    .option('--allow-outside-files', ALLOW_OUTSIDE_HELP)
    .addOption(new Option('--timeout <seconds>', 'time the deck may take to start in the browser').default(30).argParser(parseSeconds))
    .option('-a, --asso <file>', "the deck of an association: its profile (.yml)")
    .addOption(new Option('-t, --theme <name>', 'theme: default, contrast, a reveal.js theme (black, white, league...), or a .css file (overrides front matter)'))
    .action(async (deck: string, opts: { json?: boolean; theme?: string; asso?: string; allowOutsideFiles?: boolean; timeout?: number }) => {
      const { checkDeck } = await import('../commands/check.js')
      const { formatReport, formatReportJson } = await import('../check/report.js')
      const report = await checkDeck({ cwd: ctx.cwd, deck, theme: opts.theme, asso: opts.asso, allowOutsideFiles: opts.allowOutsideFiles, browser: opts.timeout === undefined ? undefined : { timeout: Math.max(opts.timeout * 1000, 1) } })
      if (opts.json) process.stdout.write(formatReportJson(report) + '\n')
      else console.log(formatReport(report, Boolean(process.stdout.isTTY) && !process.env.NO_COLOR))
      if (report.errors > 0) process.exitCode = 1
    })
}
