import { type Command, Option } from 'commander'

import { displayPath } from '../errors.js'
import * as log from '../log.js'
import { addAssoOption, type ProfilesCliOptions, runProfilesBuild } from './build-profiles.js'
import { type CliContext, DEFAULT_DECK, DEFAULT_OUT } from './context.js'

/** `diapo build [DECK] [--out DIR] [--theme NAME] [--asso FILE...]` */
export function registerBuild(program: Command, ctx: CliContext): void {
  const command = program
    .command('build')
    .description('build a deck into DIR/index.html with everything it needs (works offline, from file://)')
    .argument('[deck]', 'a .md file, or a folder whose .md files are read in name order', DEFAULT_DECK)
    .option('-o, --out <dir>', 'output folder', DEFAULT_OUT)
    .addOption(new Option('-t, --theme <name>', 'theme: default, contrast, or a .css file (overrides front matter)'))
  addAssoOption(command).action(async (deck: string, opts: ProfilesCliOptions) => {
      if (opts.asso.length > 0) return runProfilesBuild(ctx, deck, opts)
      const started = performance.now()
      const { build } = await import('../commands/build.js')
      const result = await build({ cwd: ctx.cwd, deck, out: opts.out, theme: opts.theme })
      log.success(
        `${result.slideCount} slides → ${displayPath(result.indexFile, ctx.cwd)} (${log.formatSeconds(performance.now() - started)})`,
      )
    })
}
