import path from 'node:path'

import { analyseMeasures, findLocalLinks } from '../../check/analyse.js'
import { measureDeck } from '../../check/measure.js'
import { type CheckReport, createReport } from '../../check/report.js'
import { type CompiledDeck, compileDeck } from '../../compile.js'
import type { LoadedProfile } from '../../config/defaults.js'
import type { Diagnostic } from '../../diagnostics.js'
import { displayPath, isDeckError } from '../../errors.js'
import { t } from '../../i18n/index.js'
import { fileExists } from '../../load-text.js'
import { inspectMedia } from '../../media.js'
import { lineOfText } from '../../render/deck.js'
import type { BrowserOptions } from '../../export/browser.js'
import { DEFAULT_TIMEOUT } from '../../export/launch.js'
import { openBrowser } from '../../export/session.js'
import { type DeckInput, prepareDeck } from '../deck-input.js'

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
  // Paths as every message shows them: relative to the working folder when inside it.
  const relative = (file: string): string => displayPath(file, options.cwd)
  let compiled: CompiledDeck
  let profile: LoadedProfile | undefined
  try {
    const prepared = await prepareDeck(options)
    profile = prepared.compile.profile
    compiled = await compileDeck({ ...prepared.compile, checkAssets: false })
  } catch (err) {
    if (!isDeckError(err)) throw err
    return createReport(deckLabel(options), 0, [{ ...err.toDiagnostic(), rule: 'build' }])
  }
  const slides = compiled.deck.stacks.flatMap((s) => s.slides)
  const numberOf = new Map(slides.map((s, i) => [s, i + 1]))
  const problems = await Promise.all(
    compiled.assets.map(async (a) => ({ asset: a, problem: await inspectMedia(a, compiled.mediaScope, relative(a.source)) })),
  )
  const refused = problems.filter((p) => p.problem !== undefined)
  const missing = refused.map((p) => p.asset)
  const issues: Diagnostic[] = refused.map(({ asset: a, problem }) => ({
    severity: 'error',
    rule: problem!.rule,
    slide:
      numberOf.get(slides.find((s) => s.loc.file === a.loc.file && s.loc.line <= a.loc.line && a.loc.line < nextLine(slides, s))!) ?? 0,
    loc: { file: a.loc.file, line: a.loc.line },
    message: problem!.message,
    hint: problem!.hint,
  }))
  issues.push(...(await findDeadLinks(compiled, slides, options, relative)))
  issues.push(...compiled.warnings.filter((w) => w.rule === 'remote').map<Diagnostic>((w) => ({ ...w, severity: 'error' })))

  // The time-out is the deck's to start: a busy machine may take longer to start the browser itself.
  await using session = openBrowser({ ...options.browser, timeout: Math.max(options.browser?.timeout ?? 0, DEFAULT_TIMEOUT) })
  const measures = await measureDeck(
    session,
    { ...compiled, assets: compiled.assets.filter((a) => !missing.includes(a)) },
    options.browser?.timeout,
  )
  if ('notStarted' in measures) {
    // The likely culprit: the first slide with a script of its own.
    const index = Math.max(
      0,
      compiled.rendered.stacks.flatMap((s) => s.slides).findIndex((r) => /<script\b/i.test(r.html)),
    )
    const slide = slides[index]!
    issues.push({
      severity: 'error',
      rule: 'start',
      slide: index + 1,
      loc: { file: slide.loc.file, line: lineOfText(slide, '<script') },
      ...measures.notStarted,
    })
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
      ...(index === -1 ? {} : { slide: index + 1, loc: { file: slide.loc.file, line: lineOfText(slide, url) } }),
      message: t('check.blocked', { url }),
      hint: t('check.blockedHint'),
    })
  }
  const measured = analyseMeasures(measures, { slides, assets, missingTargets: new Set(missing.map((a) => a.target)) })
  issues.push(...blameProfileColours(measured, compiled, profile))
  return createReport(deckLabel(options), compiled.slideCount, issues)
}

// --- internal ---

/**
 * Colour problems of a deck made for an association belong to its profile: the colours diapo adjusted
 * (a warning each, at the colour's line), and any text measured too pale whose colour comes from the
 * profile, moved from the shared slide to the profile's line.
 */
function blameProfileColours(measured: Diagnostic[], compiled: CompiledDeck, profile: LoadedProfile | undefined): Diagnostic[] {
  const adjusted = compiled.warnings
    .filter((w) => w.rule !== 'remote')
    .map<Diagnostic>((w) => ({ ...w, severity: 'warning', rule: 'contrast' }))
  const origins = compiled.palette?.origins
  if (!profile || !origins) return [...adjusted, ...measured]
  const moved = measured.map((issue) => {
    const origin = issue.rule === 'contrast' ? origins.get(String(issue.details?.foreground)) : undefined
    if (!origin) return issue
    const key = origin.join('.')
    return {
      ...issue,
      loc: { file: profile.source.file, line: profile.source.lineOf(origin) },
      message: t('check.profileColour', { message: issue.message, key }),
      hint: t('check.profileColourHint', { key }),
    }
  })
  return [...adjusted, ...moved]
}

async function findDeadLinks(
  compiled: CompiledDeck,
  slides: CompiledDeck['deck']['stacks'][number]['slides'],
  options: DeckInput,
  relative: (file: string) => string,
): Promise<Diagnostic[]> {
  const { deckRoot } = compiled
  const rendered = compiled.rendered.stacks.flatMap((s) => s.slides)
  const found = await Promise.all(
    rendered.map(async (r, i) => {
      const slide = slides[i]!
      const links = findLocalLinks(r.html + r.notesHtml)
      const dead = await Promise.all(
        links.map(async (href) => {
          const target = href.startsWith('/') ? path.join(deckRoot, href) : path.resolve(path.dirname(r.loc.file), href)
          return (await fileExists(target)) ? undefined : { href, target }
        }),
      )
      return dead
        .filter((d) => d !== undefined)
        .map<Diagnostic>((d) => ({
          severity: 'error',
          rule: 'link-missing',
          slide: i + 1,
          loc: { file: r.loc.file, line: lineOfText(slide, d.href) },
          message: t('check.linkMissing', { href: d.href }),
          hint: t('check.linkMissingHint', { target: relative(d.target) }),
        }))
    }),
  )
  return found.flat()
}

function nextLine(slides: CompiledDeck['deck']['stacks'][number]['slides'], slide: (typeof slides)[number]): number {
  const next = slides[slides.indexOf(slide) + 1]
  return next?.loc.file === slide.loc.file ? next.loc.line : Number.POSITIVE_INFINITY
}

/** `slides`, or `slides for associations/x.yml`: what the report is about. */
function deckLabel(options: DeckInput): string {
  return options.asso ? `${options.deck} for ${options.asso}` : options.deck
}
