// Shared helpers of the end-to-end tests: build decks with the real CLI into temporary folders, and
// open them in a real headless Chromium at 1280×720 from file://, with every request checked.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import type { Browser, HTTPRequest, Page } from 'puppeteer-core'

import { resolveBrowserPath } from '../../src/export/browser.js'
import { closeBrowser, launchBrowser } from '../../src/export/launch.js'
import { loadDeckSources, parseDeck } from '../../src/parse/deck.js'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const CLI = path.join(REPO_ROOT, 'bin', 'diapo.js')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs `node bin/diapo.js ...args` (the compiled CLI, as a user runs it) and never throws. `env` adds to (or, undefined, removes from) the environment. */
export function runCli(args: string[], cwd = REPO_ROOT, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

/** A fresh temporary folder, removed by `cleanup()`. */
export async function tempDir(prefix = 'diapo-e2e-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix))
}

export async function cleanup(...dirs: (string | undefined)[]): Promise<void> {
  await Promise.all(dirs.filter((d): d is string => !!d).map((d) => rm(d, { recursive: true, force: true })))
}

/** Builds a deck (default: the repo's slides/) with the CLI into a new temporary folder. */
export async function buildDeck(extraArgs: string[] = []): Promise<{ dir: string; result: CliResult }> {
  const dir = await tempDir()
  const result = await runCli(['build', ...extraArgs, '--out', dir])
  if (result.code !== 0) throw new Error(`diapo build failed (${result.code}):\n${result.stderr}`)
  return { dir, result }
}

/** Slides of the default deck counted from its sources, independently of the built page. */
export async function countSourceSlides(deck = path.join(REPO_ROOT, 'slides')): Promise<number> {
  const parsed = parseDeck(await loadDeckSources(deck))
  return parsed.stacks.reduce((n, stack) => n + stack.slides.length, 0)
}

/** Every file of a folder (recursively) with the hash of its bytes: to check an output was left untouched. */
export async function snapshotDir(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    out[path.relative(dir, file)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex')
  }
  return out
}

/**
 * The browser, or `undefined` when none is installed, so a suite can skip on a developer's machine.
 * Under CI a missing browser is an error: a skipped e2e suite must not pass for a green run.
 */
export async function findBrowser(): Promise<string | undefined> {
  try {
    return await resolveBrowserPath()
  } catch (err) {
    if (process.env.CI) throw err
    console.warn(`e2e tests skipped: ${(err as Error).message}`)
    return undefined
  }
}

export { closeBrowser, launchBrowser }

/** A page at 1280×720 whose every request outside `dir` is blocked and recorded. */
export interface DeckPage {
  page: Page
  /** Requests that left the deck's folder (must stay empty). */
  outside: string[]
}

/** Opens `dir/index.html` (plus `hash`) from file:// at 1280×720, guarding every request. */
export async function openDeck(browser: Browser, dir: string, hash = ''): Promise<DeckPage> {
  const page = await browser.newPage()
  await page.setViewport({ width: 1280, height: 720 })
  const outside = await guardRequests(page, dir)
  // The page's Content-Security-Policy stops some requests before the network (and before interception
  // sees them): record those too, so a deck that tries to reach outside still fails.
  await page.exposeFunction('__diapoBlocked', (url: string) => void outside.push(`${url} (blocked by CSP)`))
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      ;(window as unknown as { __diapoBlocked(url: string): void }).__diapoBlocked(e.blockedURI)
    })
  })
  const url = pathToFileURL(path.join(dir, 'index.html')).href + hash
  await page.goto(url, { waitUntil: 'load' })
  await page.waitForFunction(() => window.diapo?.isReady())
  await page.evaluate(() => document.fonts.ready)
  return { page, outside }
}

/** Intercepts every request of a page: `file://` inside `dir`, `data:` and `blob:` pass, anything else is aborted and recorded. */
export async function guardRequests(page: Page, dir: string): Promise<string[]> {
  const outside: string[] = []
  const root = pathToFileURL(dir).href.replace(/\/?$/, '/')
  await page.setRequestInterception(true)
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return
    const url = request.url()
    if (isInside(url, root)) void request.continue()
    else {
      outside.push(url)
      void request.abort('blockedbyclient')
    }
  })
  return outside
}

export function isInside(url: string, root: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true
  if (!url.startsWith('file://')) return false
  const clean = url.split(/[?#]/)[0]!
  return decodeURI(clean).startsWith(decodeURI(root))
}

/** Indices of every slide of the deck, in order (`h`, `v`). */
export function slideIndices(page: Page): Promise<{ h: number; v: number; source: string }[]> {
  return page.evaluate(() =>
    window.diapo.getSlides().map((slide) => {
      const { h, v } = window.diapo.getIndices(slide)
      return { h, v: v ?? 0, source: slide.getAttribute('data-source') ?? '' }
    }),
  )
}

/**
 * Shows every slide with all its fragments and lists those whose content does not fit the frame:
 * taller or wider than the section, or an element whose box leaves the slide.
 */
export async function findOverflows(page: Page): Promise<string[]> {
  await page.evaluate(() => window.diapo.configure({ transition: 'none', backgroundTransition: 'none' }))
  const overflows: string[] = []
  for (const { h, v, source } of await slideIndices(page)) {
    await page.evaluate((h, v) => window.diapo.slide(h, v, Number.MAX_SAFE_INTEGER), h, v)
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    const problems = await page.evaluate(() => {
      const slide = window.diapo.getCurrentSlide()
      slide.querySelectorAll('.fragment').forEach((f) => f.classList.add('visible'))
      const out: string[] = []
      if (slide.scrollHeight > slide.clientHeight + 1) out.push(`content ${slide.scrollHeight}px high in ${slide.clientHeight}px`)
      if (slide.scrollWidth > slide.clientWidth + 1) out.push(`content ${slide.scrollWidth}px wide in ${slide.clientWidth}px`)
      const frame = slide.getBoundingClientRect()
      for (const el of slide.querySelectorAll<HTMLElement>('*')) {
        if (el.closest('aside.notes')) continue
        const r = el.getBoundingClientRect()
        if (r.width === 0 && r.height === 0) continue
        if (r.left < frame.left - 1 || r.top < frame.top - 1 || r.right > frame.right + 1 || r.bottom > frame.bottom + 1) {
          out.push(`<${el.tagName.toLowerCase()}> "${(el.textContent ?? '').trim().slice(0, 40)}" leaves the slide`)
        }
      }
      return out
    })
    if (problems.length) overflows.push(`${source}: ${problems.join('; ')}`)
  }
  return overflows
}
