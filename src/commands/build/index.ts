/**
 * `diapo build [DECK] [--out DIR] [--theme NAME] [--asso FILE...] [--pdf [--browser-path FILE] [--timeout SECONDS]] [--json]`:
 * its options, its run and what it prints. The work itself loads on demand (`run.ts`, `profiles.ts`).
 */
import path from 'node:path'

import type { Command } from 'commander'

import { DECKS_PAGE } from '../../decks-page.js'
import { type Diagnostic, diagnosticJson } from '../../diagnostics.js'
import { DeckError, displayPath, formatLocation, isDeckError } from '../../errors.js'
import { t } from '../../i18n/index.js'
import * as log from '../../log.js'
import {
  addAllowOutsideOption,
  addAssoOption,
  addBrowserPathOption,
  addDeckArgument,
  addOutOption,
  addThemeOption,
  addTimeoutOption,
  type CliContext,
  toMs,
} from '../options.js'
import type { BuildResult } from './into.js'
import type { ProfileOutcome } from './profiles.js'

/** Options of `diapo build` and `diapo pdf`, as commander gives them. */
export interface BuildCliOptions {
  out: string
  theme?: string
  /** Absent when not given. */
  asso?: string[]
  pdf?: boolean
  browserPath?: string
  /** Seconds. */
  timeout?: number
  allowOutsideFiles?: boolean
  json?: boolean
}

export function registerBuild(program: Command, ctx: CliContext): void {
  const command = program.command('build').description(t('build.description'))
  addDeckOptions(command).option('--pdf', t('build.optPdf'))
  addAssoOption(command, true)
  addJsonOption(addPdfOptions(command)).action((deck: string, opts: BuildCliOptions) => runBuild(ctx, deck, opts))
}

/** `[deck]`, `--out`, `--theme` and `--allow-outside-files`: what `build` and `pdf` share. */
export function addDeckOptions(command: Command): Command {
  return addAllowOutsideOption(addThemeOption(addOutOption(addDeckArgument(command))))
}

export function addJsonOption(command: Command): Command {
  return command.option('--json', t('build.optJson'))
}

/** `--browser-path` and `--timeout`, for the PDFs. */
export function addPdfOptions(command: Command): Command {
  return addTimeoutOption(addBrowserPathOption(command), t('opt.timeoutPdf'))
}

/** Builds the deck, or each association's (`--asso`), with their PDFs when asked, and says what was written. */
export async function runBuild(ctx: CliContext, deck: string, opts: BuildCliOptions): Promise<void> {
  const started = performance.now()
  const pdf = { browserPath: opts.browserPath, timeout: toMs(opts.timeout) }
  const progress = opts.pdf && !opts.json ? await import('../../export/progress.js') : undefined
  const input = { cwd: ctx.cwd, deck, out: opts.out, theme: opts.theme, allowOutsideFiles: opts.allowOutsideFiles, pdf: opts.pdf, ...pdf }
  if (opts.asso?.length) {
    const { buildProfiles } = await import('./profiles.js')
    const outcomes = await buildProfiles({ ...input, profiles: opts.asso, onBrowser: progress?.createBrowserNotice() })
    return reportProfiles(ctx, outcomes, opts, started)
  }
  const { build } = await import('./run.js')
  const result = await build({ ...input, onProgress: progress?.createPdfProgress(), onBrowser: progress?.createBrowserNotice() })
  if (opts.json)
    return printJson(
      { decks: [deckJson(result, ctx.cwd)], decksPage: rel(result.decksPage, ctx.cwd), diagnostics: result.diagnostics },
      ctx.cwd,
    )
  for (const d of result.diagnostics) log.diagnostic(d, ctx.cwd)
  log.success(
    `${t('build.written', { slides: result.slideCount, files: writtenFiles(result, ctx.cwd) })} (${log.formatSeconds(performance.now() - started)})`,
  )
  if (result.decksPage) log.success(t('build.decksPage', { file: displayPath(result.decksPage, ctx.cwd) }))
}

// --- internal ---

/** What a build wrote, for its last lines: the deck, its single file, its PDFs with their pages. */
function writtenFiles(result: BuildResult, cwd: string): string {
  const pdfs = (result.pdfs ?? []).map((p) => `${displayPath(p.file, cwd)} (${t('build.pages', { pages: p.pages })})`)
  return [displayPath(result.indexFile, cwd), `${displayPath(result.singleFile, cwd)} (${t('build.singleFile')})`, ...pdfs].join(', ')
}

/**
 * One line per profile, then the page of all decks; a failure's line starts with the profile's file,
 * whatever failed (a slide, a PDF). Throws at the end when any profile failed: the others were built.
 */
function reportProfiles(ctx: CliContext, outcomes: ProfileOutcome[], opts: BuildCliOptions, started: number): void {
  const failure = failureOf(outcomes, ctx.cwd)
  const decksPage = outcomes.some((o) => o.result) ? path.join(path.resolve(ctx.cwd, opts.out), DECKS_PAGE) : undefined
  if (opts.json) {
    const decks = outcomes.filter((o) => o.result).map((o) => ({ profile: o.file, slug: o.slug, ...deckJson(o.result!, ctx.cwd) }))
    const diagnostics = outcomes.flatMap((o) => [...(o.result?.diagnostics ?? []), ...(o.error ? [profileDiagnostic(o, ctx.cwd)] : [])])
    printJson(
      { decks, decksPage: rel(decksPage, ctx.cwd), diagnostics: [...diagnostics, ...(failure ? [failure.toDiagnostic()] : [])] },
      ctx.cwd,
    )
    // One JSON document on stdout, the failures in it: exit 1 all the same.
    if (failure) process.exitCode = 1
    return
  }
  for (const outcome of outcomes) reportProfile(outcome, ctx)
  if (failure) throw failure
  if (decksPage) log.success(t('build.decksPage', { file: displayPath(decksPage, ctx.cwd) }))
  log.info(t('profiles.built', { count: outcomes.length, time: log.formatSeconds(performance.now() - started) }))
}

/** The error of a batch where some profiles failed: the others were built. */
function failureOf(outcomes: ProfileOutcome[], cwd: string): DeckError | undefined {
  const failed = outcomes.filter((o) => o.error)
  if (failed.length === 0) return undefined
  const names = failed.map((o) => displayPath(path.resolve(cwd, o.file), cwd)).join(', ')
  const message = t(failed.length < outcomes.length ? 'profiles.someFailed' : 'profiles.allFailed', {
    failed: failed.length,
    total: outcomes.length,
    names,
  })
  return new DeckError(message, 'E_CONFIG', { hint: t('profiles.failedHint') })
}

function reportProfile(outcome: ProfileOutcome, ctx: CliContext): void {
  for (const d of outcome.result?.diagnostics ?? []) log.diagnostic(d, ctx.cwd)
  if (outcome.result) {
    log.success(
      `${outcome.slug}: ${t('build.written', { slides: outcome.result.slideCount, files: writtenFiles(outcome.result, ctx.cwd) })}`,
    )
    return
  }
  const file = displayPath(path.resolve(ctx.cwd, outcome.file), ctx.cwd)
  if (!isDeckError(outcome.error)) {
    // Not a mistake in the profile: a bug, shown in full.
    const error = outcome.error
    log.error(`${file}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n  → ${t('cli.bug')}`)
    return
  }
  log.diagnostic(profileDiagnostic(outcome, ctx.cwd), ctx.cwd, file)
  if (ctx.debug) log.debugDetails(outcome.error)
}

/** A profile's error, named by the profile's file when it is not at a line of that file. */
function profileDiagnostic(outcome: ProfileOutcome, cwd: string): Diagnostic {
  const d: Diagnostic = isDeckError(outcome.error)
    ? outcome.error.toDiagnostic()
    : { severity: 'error', rule: 'bug', message: outcome.error instanceof Error ? outcome.error.message : String(outcome.error) }
  const profile = path.resolve(cwd, outcome.file)
  if (d.loc && path.resolve(cwd, d.loc.file) === profile) return d
  const { loc, ...rest } = d
  return {
    ...rest,
    message: loc ? `${formatLocation(loc, cwd)}: ${d.message}` : d.message,
    details: { ...d.details, profile: rel(profile, cwd) },
  }
}

function deckJson(result: BuildResult, cwd: string): Record<string, unknown> {
  return {
    out: rel(result.outDir, cwd),
    slides: result.slideCount,
    files: [result.indexFile, result.singleFile].map((f) => rel(f, cwd)),
    pdfs: (result.pdfs ?? []).map((p) => ({ file: rel(p.file, cwd), pages: p.pages })),
  }
}

function printJson(report: { decks: unknown[]; decksPage?: string; diagnostics: Diagnostic[] }, cwd: string): void {
  process.stdout.write(`${JSON.stringify({ ...report, diagnostics: report.diagnostics.map((d) => diagnosticJson(d, cwd)) }, null, 2)}\n`)
}

function rel(file: string | undefined, cwd: string): string | undefined {
  return file === undefined ? undefined : displayPath(file, cwd).split(path.sep).join('/')
}
