import path from 'node:path'

import type { Command } from 'commander'

import * as log from '../log.js'
import type { CliContext } from './context.js'

/** `diapo new <slug>` */
export function registerNew(program: Command, ctx: CliContext): void {
  program
    .command('new')
    .description("create associations/<slug>.yml, an association's profile with comments (in French) on every key")
    .argument('<slug>', 'short name of the association: lower-case letters, digits and dashes (e.g. amis-du-velo)')
    .option('-d, --dir <dir>', 'folder of the profiles', 'associations')
    .action(async (slug: string, opts: { dir: string }) => {
      const { createProfile } = await import('../commands/new.js')
      const file = path.relative(ctx.cwd, await createProfile({ cwd: ctx.cwd, slug, dir: opts.dir }))
      log.success(`${file} created: fill it in, then run "npx diapo build --asso ${file}"`)
    })
}
