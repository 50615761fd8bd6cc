import path from 'node:path'

import type { Command } from 'commander'

import type { ProfilesBuildOptions, ProfileOutcome } from '../commands/build-profiles.js'
import { DECKS_PAGE } from '../decks-page.js'
import { DeckError, displayPath } from '../errors.js'
import * as log from '../log.js'
import type { CliContext } from './context.js'
import { writtenFiles } from './pdf.js'

/** Options of `diapo build` that matter for profiles, as commander gives them. */
export interface ProfilesCliOptions {
  out: string
  theme?: string
  asso: string[]
  pdf?: boolean
  browserPath?: string
  /** Seconds. */
  timeout?: number
  allowOutsideFiles?: boolean
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
  const options: ProfilesBuildOptions = { cwd: ctx.cwd, deck, out: opts.out, theme: opts.theme, profiles: opts.asso, withPdf: opts.pdf, allowOutsideFiles: opts.allowOutsideFiles }
  const outcomes = opts.pdf ? await buildProfilesWithPdf(options, opts) : await buildProfiles(options)
  report(outcomes, ctx.cwd)
  const failed = outcomes.filter((o) => o.error)
  if (failed.length > 0) {
    const names = failed.map((o) => displayPath(path.resolve(ctx.cwd, o.file), ctx.cwd)).join(', ')
    const others = failed.length < outcomes.length ? '; the others were built' : ''
    throw new DeckError(`${failed.length} of ${outcomes.length} profiles failed (${names})${others}`, 'E_CONFIG', {
      hint: 'fix the lines shown above and build again: the output of a failed profile was left as it was',
    })
  }
  if (outcomes.some((o) => o.result)) log.success(`page of all decks → ${displayPath(path.join(path.resolve(ctx.cwd, opts.out), DECKS_PAGE), ctx.cwd)}`)
  log.info(`${outcomes.length} profile${outcomes.length > 1 ? 's' : ''} built in ${log.formatSeconds(performance.now() - started)}`)
}

// --- internal ---

/** Every profile's slides.pdf, handout.pdf and notes.pdf, printed by one browser started while the first deck builds. */
async function buildProfilesWithPdf(options: ProfilesBuildOptions, opts: ProfilesCliOptions): Promise<ProfileOutcome[]> {
  const [{ buildProfiles }, { withBrowser }, { DEFAULT_TIMEOUT }, { exportPdfs }, { createBrowserNotice }] = await Promise.all([
    import('../commands/build-profiles.js'),
    import('../export/session.js'),
    import('../export/launch.js'),
    import('../export/pdf.js'),
    import('../export/progress.js'),
  ])
  const timeout = opts.timeout === undefined ? undefined : opts.timeout * 1000
  const launch = { executablePath: opts.browserPath, timeout: Math.max(timeout ?? 0, DEFAULT_TIMEOUT), onChoice: createBrowserNotice() }
  return withBrowser(launch, (session) =>
    buildProfiles(options, {
      afterWrite: async (compiled, dir) => exportPdfs(session, { dir, compiled, timeout }),
    }),
  )
}

/** One line per profile; a failure's line starts with the profile's file, whatever failed (a slide, a PDF). */
function report(outcomes: ProfileOutcome[], cwd: string): void {
  for (const outcome of outcomes) {
    outcome.warnings.forEach((w) => log.warn(w))
    if (outcome.result) {
      log.success(`${outcome.slug}: ${outcome.result.slideCount} slides → ${writtenFiles(outcome.result, cwd)}`)
      continue
    }
    const file = displayPath(path.resolve(cwd, outcome.file), cwd)
    const named = (message: string): string => (message.startsWith(`${file}:`) ? message : `${file}: ${message}`)
    if (outcome.error instanceof DeckError) {
      log.error(named(outcome.error.format(cwd)))
    } else {
      // Not a mistake in the profile: a bug, shown in full.
      const error = outcome.error
      log.error(named(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n  → this is a bug in diapo; please report it`))
    }
  }
}
