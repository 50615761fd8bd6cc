/** `diapo pdf [DECK] [--out DIR]`: the same as `diapo build --pdf`, for one deck. */
import type { Command } from 'commander'

import { t } from '../i18n/index.js'
import { addDeckOptions, addJsonOption, addPdfOptions, type BuildCliOptions, runBuild } from './build/index.js'
import type { CliContext } from './options.js'

export function registerPdf(program: Command, ctx: CliContext): void {
  const command = addDeckOptions(program.command('pdf').description(t('pdf.description')))
  addJsonOption(addPdfOptions(command)).action((deck: string, opts: BuildCliOptions) => runBuild(ctx, deck, { ...opts, pdf: true }))
}
