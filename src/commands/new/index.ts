/** `diapo new <slug> [--dir DIR]`: an association's profile to fill in. */
import type { Command } from 'commander'

import { displayPath } from '../../errors.js'
import { t } from '../../i18n/index.js'
import * as log from '../../log.js'
import type { CliContext } from '../options.js'

export function registerNew(program: Command, ctx: CliContext): void {
  program
    .command('new')
    .description(t('new.description'))
    .argument('<slug>', t('new.argSlug'))
    .option(`-d, --dir <${t('opt.argDir')}>`, t('new.optDir'), 'associations')
    .action(async (slug: string, opts: { dir: string }) => {
      const { createProfile } = await import('./profile.js')
      const file = displayPath(await createProfile({ cwd: ctx.cwd, slug, dir: opts.dir }), ctx.cwd)
      log.success(t('new.created', { file }))
    })
}
