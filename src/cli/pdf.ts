import { type Command, InvalidArgumentError, Option } from 'commander'

import type { BuildResult } from '../commands/build.js'
import { displayPath } from '../errors.js'
import * as log from '../log.js'
import { type CliContext, DEFAULT_DECK, DEFAULT_OUT } from './context.js'

/** Options of `diapo build` and `diapo pdf`, as commander gives them. */
export interface BuildCliOptions {
  out: string
  theme?: string
  pdf?: boolean
  browserPath?: string
  timeout?: number
  allowOutsideFiles?: boolean
}

/** `diapo pdf [DECK] [--out DIR]`: the same as `diapo build --pdf`. */
export function registerPdf(program: Command, ctx: CliContext): void {
  const command = addDeckOptions(
    program
      .command('pdf')
      .description('build a deck and its PDFs: DIR/slides.pdf (one page a slide), DIR/handout.pdf (A4, for attendees) and DIR/notes.pdf (A4, the speaker\'s copy); same as build --pdf'),
  )
  addPdfOptions(command).action((deck: string, opts: BuildCliOptions) => runBuild(ctx, deck, { ...opts, pdf: true }))
}

/** `[DECK]`, `--out` and `--theme`, shared by `build` and `pdf`. */
export function addDeckOptions(command: Command): Command {
  return command
    .argument('[deck]', 'a .md file, or a folder whose .md files are read in name order', DEFAULT_DECK)
    .option('-o, --out <dir>', 'output folder', DEFAULT_OUT)
    .addOption(new Option('-t, --theme <name>', 'theme: default, contrast, a reveal.js theme (black, white, league...), or a .css file (overrides front matter)'))
    .option('--allow-outside-files', ALLOW_OUTSIDE_HELP)
}

/** `--allow-outside-files`, for every command that reads a deck. */
export const ALLOW_OUTSIDE_HELP =
  "copy files from any folder into the deck (default: only from the deck's folder, the working folder and the profile's folder)"

/** `--browser-path` and `--timeout`, shared by `build` and `pdf`. */
export function addPdfOptions(command: Command): Command {
  return command
    .addOption(new Option('--browser-path <file>', 'Chromium, Chrome or Edge to print with, or "embedded" (default: CHROME_PATH, then the usual install paths, then the embedded Chromium)'))
    .addOption(new Option('--timeout <seconds>', 'time allowed to each PDF page to load and print, plus 0.1 s a slide').default(30).argParser(parseSeconds))
}

/** Builds the deck (and its PDFs with `pdf`), then prints what was written. */
export async function runBuild(ctx: CliContext, deck: string, opts: BuildCliOptions): Promise<void> {
  const started = performance.now()
  const { build } = await import('../commands/build.js')
  const progress = opts.pdf ? await import('../export/progress.js') : undefined
  const result = await build({
    cwd: ctx.cwd,
    deck,
    out: opts.out,
    theme: opts.theme,
    allowOutsideFiles: opts.allowOutsideFiles,
    pdf: opts.pdf,
    browserPath: opts.browserPath,
    timeout: opts.timeout === undefined ? undefined : opts.timeout * 1000,
    onProgress: progress?.createPdfProgress(),
    onBrowser: progress?.createBrowserNotice(),
  })
  for (const warning of result.warnings ?? []) log.warn(warning)
  log.success(`${result.slideCount} slides → ${writtenFiles(result, ctx.cwd)} (${log.formatSeconds(performance.now() - started)})`)
  if (result.decksPage) log.success(`page of all decks → ${displayPath(result.decksPage, ctx.cwd)}`)
}

/** What a build wrote, for its last lines: the deck, its single file, its PDFs with their pages. */
export function writtenFiles(result: Pick<BuildResult, 'indexFile' | 'singleFile' | 'pdfs'>, cwd: string): string {
  const rel = (file: string): string => displayPath(file, cwd)
  const pdfs = (result.pdfs ?? []).map((p) => `${rel(p.file)} (${p.pages} p.)`)
  return [rel(result.indexFile), `${rel(result.singleFile)} (single file)`, ...pdfs].join(', ')
}

/** A `--timeout` value: a positive number of seconds. */
export function parseSeconds(value: string): number {
  const seconds = Number(value)
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError('give a number of seconds, e.g. --timeout 60')
  return seconds
}
