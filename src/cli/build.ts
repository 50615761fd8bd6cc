import type { Command } from 'commander'

import { addAssoOption, runProfilesBuild } from './build-profiles.js'
import type { CliContext } from './context.js'
import { addDeckOptions, addPdfOptions, type BuildCliOptions, runBuild } from './pdf.js'

/** `diapo build [DECK] [--out DIR] [--theme NAME] [--asso FILE...] [--pdf [--browser-path FILE] [--timeout SECONDS]]` */
export function registerBuild(program: Command, ctx: CliContext): void {
  const command = addDeckOptions(
    program.command('build').description('build a deck into DIR/index.html with everything it needs (works offline, from file://)'),
  ).option('--pdf', 'also write DIR/slides.pdf, DIR/handout.pdf and DIR/notes.pdf (needs Chromium, Chrome or Edge)')
  addPdfOptions(addAssoOption(command)).action((deck: string, opts: BuildCliOptions & { asso: string[] }) =>
    opts.asso.length > 0 ? runProfilesBuild(ctx, deck, opts) : runBuild(ctx, deck, opts),
  )
}
