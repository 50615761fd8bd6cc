import type { Command } from 'commander'

import type { ProfilesBuildOptions, ProfileOutcome } from '../commands/build-profiles.js'
import { DeckError, displayPath } from '../errors.js'
import * as log from '../log.js'
import type { CliContext } from './context.js'

/** Options of `diapo build` that matter for profiles, as commander gives them. */
export interface ProfilesCliOptions {
  out: string
  theme?: string
  asso: string[]
  pdf?: boolean
  browserPath?: string
  /** Seconds. */
  timeout?: number
}

/** `--asso FILE`, repeatable: a profile, or a folder of profiles. */
export function addAssoOption(command: Command): Command {
  return command.option(
    '-a, --asso <file>',
    'build for an association: its profile (.yml), or a folder of profiles (e.g. associations/); writes DIR/<slug>/ for each; repeatable',
    (value: string, previous: string[]) => [...previous, value],
    [] as string[],
  )
}

/**
 * `diapo build --asso ...`: one line per profile; a failed profile is reported and the others still
 * build; the command fails at the end if any did.
 */
export async function runProfilesBuild(ctx: CliContext, deck: string, opts: ProfilesCliOptions): Promise<void> {
  const started = performance.now()
  const { buildProfiles } = await import('../commands/build-profiles.js')
  const options: ProfilesBuildOptions = { cwd: ctx.cwd, deck, out: opts.out, theme: opts.theme, profiles: opts.asso, withPdf: opts.pdf }
  const outcomes = opts.pdf ? await buildProfilesWithPdf(options, opts) : await buildProfiles(options)
  report(outcomes, ctx.cwd)
  const failed = outcomes.filter((o) => o.error)
  if (failed.length > 0) {
    throw new DeckError(`${failed.length} of ${outcomes.length} profiles failed (see above); the others were built`, 'E_CONFIG', {
      hint: 'fix the lines shown above and build again: the output of a failed profile was left as it was',
    })
  }
  log.info(`${outcomes.length} profile${outcomes.length > 1 ? 's' : ''} built in ${log.formatSeconds(performance.now() - started)}`)
}

// --- internal ---

/** Every profile's slides.pdf, handout.pdf and notes.pdf, printed by one browser started while the first deck builds. */
async function buildProfilesWithPdf(options: ProfilesBuildOptions, opts: ProfilesCliOptions): Promise<ProfileOutcome[]> {
  const [{ buildProfiles }, { withBrowser, DEFAULT_TIMEOUT }, { exportPdfs }] = await Promise.all([
    import('../commands/build-profiles.js'),
    import('../export/browser.js'),
    import('../export/pdf.js'),
  ])
  const timeout = opts.timeout === undefined ? undefined : opts.timeout * 1000
  return withBrowser({ executablePath: opts.browserPath, timeout: Math.max(timeout ?? 0, DEFAULT_TIMEOUT) }, (browser) =>
    buildProfiles(options, {
      afterWrite: async (compiled, dir) => (await exportPdfs({ browser, dir, compiled, timeout })).warnings,
    }),
  )
}

function report(outcomes: ProfileOutcome[], cwd: string): void {
  for (const outcome of outcomes) {
    outcome.warnings.forEach((w) => log.warn(w))
    if (outcome.result) {
      log.success(`${outcome.slug}: ${outcome.result.slideCount} slides → ${displayPath(outcome.result.indexFile, cwd)}`)
    } else if (outcome.error instanceof DeckError) {
      log.error(outcome.error.format(cwd))
    } else {
      // Not a mistake in the profile: a bug, shown in full.
      const error = outcome.error
      log.error(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n  → this is a bug in diapo; please report it`)
    }
  }
}
