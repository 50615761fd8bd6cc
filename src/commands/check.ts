import { access, mkdtemp, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { analyseMeasures, findLocalLinks } from '../check/analyse.js'
import { measureSlides } from '../check/measure.js'
import { type CheckIssue, type CheckReport, createReport } from '../check/report.js'
import { type CompiledDeck, compileDeck } from '../compile.js'
import type { LoadedProfile } from '../config/defaults.js'
import { isDeckError } from '../errors.js'
import { inspectMedia } from '../media.js'
import { lineOfText } from '../render/deck.js'
import { type BrowserOptions, closeBrowser, DEFAULT_TIMEOUT, launchBrowser } from '../export/browser.js'
import { guardRequests } from '../export/guard.js'
import { writeDeck } from '../write.js'
import { type DeckInput, prepareDeck } from './deck-input.js'

export interface CheckOptions extends DeckInput {
  browser?: BrowserOptions
}

/**
 * `diapo check`: builds the deck into a temporary folder, renders it in headless Chromium in its frame (1280×720, 960×720 for 4:3)
 * and reports what would spoil the talk: overflowing content, missing images or alternative texts, dead
 * local links, unreadable colours, empty slides, missing notes. A deck that does not build (malformed
 * YAML, unknown template variable...) is reported, not thrown.
 */
export async function checkDeck(options: CheckOptions): Promise<CheckReport> {
  // Paths inside the working folder are shown relative to it, others in full (as errors print them).
  const relative = (file: string): string => {
    const rel = path.relative(options.cwd, file)
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file
  }
  let compiled: CompiledDeck
  let profile: LoadedProfile | undefined
  try {
    const prepared = await prepareDeck(options)
    profile = prepared.compile.profile
    compiled = await compileDeck({ ...prepared.compile, checkAssets: false })
  } catch (err) {
    if (!isDeckError(err)) throw err
    const loc = err.detail.loc
    return createReport(deckLabel(options), 0, [
      {
        severity: 'error',
        rule: 'build',
        ...(loc ? { file: relative(loc.file), line: loc.line } : {}),
        message: err.message,
        ...(err.detail.hint ? { hint: err.detail.hint } : {}),
      },
    ])
  }
  const slides = compiled.deck.stacks.flatMap((s) => s.slides)
  const numberOf = new Map(slides.map((s, i) => [s, i + 1]))
  const problems = await Promise.all(compiled.assets.map(async (a) => ({ asset: a, problem: await inspectMedia(a, compiled.mediaScope, relative(a.source)) })))
  const refused = problems.filter((p) => p.problem !== undefined)
  const missing = refused.map((p) => p.asset)
  const issues: CheckIssue[] = refused.map(({ asset: a, problem }) => ({
    severity: 'error',
    rule: problem!.rule,
    slide: numberOf.get(slides.find((s) => s.loc.file === a.loc.file && s.loc.line <= a.loc.line && a.loc.line < nextLine(slides, s))!) ?? 0,
    file: relative(a.loc.file),
    line: a.loc.line,
    message: problem!.message,
    hint: problem!.hint,
  }))
  issues.push(...(await findDeadLinks(compiled, slides, options, relative)))
  issues.push(
    ...compiled.warnings
      .filter((w) => w.rule === 'remote')
      .map<CheckIssue>((w) => ({ severity: 'error', rule: 'remote', file: relative(w.loc.file), line: w.loc.line, message: w.message, ...(w.hint ? { hint: w.hint } : {}) })),
  )

  const measures = await measureInBrowser({ ...compiled, assets: compiled.assets.filter((a) => !missing.includes(a)) }, options.browser)
  if ('notStarted' in measures) {
    // The likely culprit: the first slide with a script of its own.
    const index = Math.max(0, compiled.rendered.stacks.flatMap((s) => s.slides).findIndex((r) => /<script\b/i.test(r.html)))
    const slide = slides[index]!
    issues.push({ severity: 'error', rule: 'start', slide: index + 1, file: relative(slide.loc.file), line: lineOfText(slide, '<script'), ...measures.notStarted })
    return createReport(deckLabel(options), compiled.slideCount, issues)
  }
  const assets = new Map(compiled.assets.map((a) => [a.target, { name: relative(a.source), line: a.loc.line }]))
  // What the page still asked for outside the deck's folder (interception blocked it), unless the build already named it.
  const named = issues.filter((i) => i.rule === 'remote').map((i) => i.message)
  for (const url of measures.blocked.filter((u) => !named.some((m) => m.includes(u)))) {
    const index = compiled.rendered.stacks.flatMap((s) => s.slides).findIndex((r) => (r.html + r.notesHtml).includes(url))
    const slide = slides[Math.max(index, 0)]!
    issues.push({
      severity: 'error',
      rule: 'remote',
      ...(index === -1 ? {} : { slide: index + 1, file: relative(slide.loc.file), line: lineOfText(slide, url) }),
      message: `the deck asked for ${url}, outside its folder (blocked)`,
      hint: "copy the file into the deck's folder and give its relative path",
    })
  }
  const measured = analyseMeasures(measures, { slides, relative, assets, missingTargets: new Set(missing.map((a) => a.target)) })
  issues.push(...blameProfileColours(measured, compiled, profile, relative))
  return createReport(deckLabel(options), compiled.slideCount, issues)
}

// --- internal ---

/**
 * Colour problems of a deck made for an association belong to its profile: the colours diapo adjusted
 * (a warning each, at the colour's line), and any text measured too pale whose colour comes from the
 * profile, moved from the shared slide to the profile's line.
 */
function blameProfileColours(
  measured: CheckIssue[],
  compiled: CompiledDeck,
  profile: LoadedProfile | undefined,
  relative: (file: string) => string,
): CheckIssue[] {
  const adjusted = compiled.warnings.filter((w) => w.rule !== 'remote').map<CheckIssue>((w) => ({
    severity: 'warning',
    rule: 'contrast',
    file: relative(w.loc.file),
    line: w.loc.line,
    message: w.message,
    ...(w.hint ? { hint: w.hint } : {}),
  }))
  const origins = compiled.palette?.origins
  if (!profile || !origins) return [...adjusted, ...measured]
  const moved = measured.map((issue) => {
    const origin = issue.rule === 'contrast' ? origins.get(String(issue.details?.foreground)) : undefined
    if (!origin) return issue
    const key = origin.join('.')
    return {
      ...issue,
      file: relative(profile.source.file),
      line: profile.source.lineOf(origin),
      message: `${issue.message}, in the colour made from ${key}`,
      hint: `choose a ${key} that reads on that background`,
    }
  })
  return [...adjusted, ...moved]
}

async function measureInBrowser(compiled: CompiledDeck, browserOptions?: BrowserOptions) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'diapo-check-'))
  // The time-out is the deck's to start: a busy machine may take longer to start the browser itself.
  const browser = await launchBrowser({ ...browserOptions, timeout: Math.max(browserOptions?.timeout ?? 0, DEFAULT_TIMEOUT) })
  try {
    await writeDeck(compiled, dir, { singleFile: false })
    const page = await browser.newPage()
    await page.setViewport({ width: compiled.frame.width, height: compiled.frame.height })
    const blocked = await guardRequests(page, [dir, ...compiled.mediaScope.roots])
    const errors: string[] = []
    page.on('pageerror', (err) => errors.push(err instanceof Error ? err.message : String(err)))
    // A deck that never starts (a slide's script that never ends, or throws before reveal.js) is the
    // worst problem of all: reported, never a time-out's stack trace.
    const timeout = browserOptions?.timeout ?? DEFAULT_TIMEOUT
    let timer: NodeJS.Timeout | undefined
    const expired = new Promise<'expired'>((resolve) => (timer = setTimeout(() => resolve('expired'), timeout)))
    const started = await Promise.race([
      (async () => {
        await page.goto(pathToFileURL(path.join(dir, 'index.html')).href, { waitUntil: 'load', timeout })
        await page.waitForFunction(() => (window as unknown as { diapo?: { isReady(): boolean } }).diapo?.isReady(), { timeout })
        return 'started' as const
      })().catch((err: unknown) => (err instanceof Error && err.name === 'TimeoutError' ? ('expired' as const) : Promise.reject(err))),
      expired,
    ]).finally(() => clearTimeout(timer))
    if (started === 'expired') {
      return {
        notStarted: {
          message: `the deck did not start in the browser within ${Math.round(timeout / 100) / 10} s: it would show a blank page${errors.length ? ` (script error: ${errors[0]})` : ''}`,
          hint: 'a slide may run a script that never ends or fails, or load something that never finishes; remove it, and build again',
        },
      }
    }
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    return Object.assign(await page.evaluate(measureSlides, compiled.frame.width), { blocked })
  } finally {
    await closeBrowser(browser)
    await rm(dir, { recursive: true, force: true })
  }
}

async function findDeadLinks(
  compiled: CompiledDeck,
  slides: CompiledDeck['deck']['stacks'][number]['slides'],
  options: DeckInput,
  relative: (file: string) => string,
): Promise<CheckIssue[]> {
  const deckPath = path.resolve(options.cwd, options.deck)
  const deckRoot = (await stat(deckPath).catch(() => undefined))?.isDirectory() ? deckPath : path.dirname(deckPath)
  const rendered = compiled.rendered.stacks.flatMap((s) => s.slides)
  const found = await Promise.all(
    rendered.map(async (r, i) => {
      const slide = slides[i]!
      const links = findLocalLinks(r.html + r.notesHtml)
      const dead = await Promise.all(
        links.map(async (href) => {
          const target = href.startsWith('/') ? path.join(deckRoot, href) : path.resolve(path.dirname(r.loc.file), href)
          return (await exists(target)) ? undefined : { href, target }
        }),
      )
      return dead
        .filter((d) => d !== undefined)
        .map<CheckIssue>((d) => ({
          severity: 'error',
          rule: 'link-missing',
          slide: i + 1,
          file: relative(r.loc.file),
          line: lineOfText(slide, d.href),
          message: `link to a file that does not exist: ${d.href}`,
          hint: `check the name; the path is relative to this Markdown file (${relative(d.target)})`,
        }))
    }),
  )
  return found.flat()
}

function nextLine(slides: CompiledDeck['deck']['stacks'][number]['slides'], slide: (typeof slides)[number]): number {
  const next = slides[slides.indexOf(slide) + 1]
  return next && next.loc.file === slide.loc.file ? next.loc.line : Number.POSITIVE_INFINITY
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  )
}

/** `slides`, or `slides for associations/x.yml`: what the report is about. */
function deckLabel(options: DeckInput): string {
  return options.asso ? `${options.deck} for ${options.asso}` : options.deck
}
