// Decks moving in from reveal-md: reveal.js's theme names, front matter revealOptions, scripts, css and
// highlightTheme, `{{ }}` in a plain deck, and reveal.js's global API, in the built deck in Chromium.
import { access, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildDeck, cleanup, closeBrowser, findBrowser, launchBrowser, openDeck, REPO_ROOT, runCli, tempDir } from './helpers.js'

const browserPath = await findBrowser()
const DECK = path.join(REPO_ROOT, 'tests', 'fixtures', 'reveal-compat', 'reveal-md-deck')
/** reveal.js's themes and the web fonts each loads from Google Fonts (which diapo bundles instead). */
const THEMES: Record<string, string[]> = {
  black: ['Source Sans Pro'],
  white: ['Source Sans Pro'],
  league: ['Lato', 'League Gothic'],
  beige: [], // reveal.js 6's beige imports Lato but sets Source Sans Pro, which it does not bundle
  night: ['Open Sans', 'Montserrat'],
  serif: [],
  simple: ['Lato', 'News Cycle'],
  solarized: ['Lato', 'League Gothic'],
  moon: ['Lato', 'League Gothic'],
  dracula: [],
  sky: ['Open Sans', 'Quicksand'],
  blood: ['Ubuntu'],
}

describe.skipIf(!browserPath)('decks from reveal-md', () => {
  let browser: Browser
  const dirs: string[] = []

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await closeBrowser(browser)
    await cleanup(...dirs)
  })

  it.each(Object.entries(THEMES))('theme %s: reveal.js look, its fonts bundled, no request outside the deck', async (theme, fonts) => {
    const { dir } = await buildDeck([path.join(DECK, 'slides.md'), '--theme', theme])
    dirs.push(dir)
    const css = await readFile(path.join(dir, 'assets', 'theme.css'), 'utf8')
    expect(css).not.toMatch(/@import|fonts\.googleapis/)
    const { page, outside } = await openDeck(browser, dir)
    try {
      const seen = await page.evaluate(async (families: string[]) => {
        await document.fonts.ready
        const loaded = [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, ''))
        const bg = getComputedStyle(document.documentElement).getPropertyValue('--r-background-color').trim()
        return { missing: families.filter((f) => !loaded.includes(f)), bg }
      }, fonts)
      expect(seen.missing).toEqual([])
      expect(seen.bg).not.toBe('') // reveal.js's own variables are there
    } finally {
      await page.close()
    }
    expect(outside).toEqual([])
  })

  it('reads revealOptions, scripts, css and highlightTheme from the front matter, and shows {{ }} as written', async () => {
    const { dir } = await buildDeck([path.join(DECK, 'slides.md')])
    dirs.push(dir)
    const { page, outside } = await openDeck(browser, dir)
    try {
      const state = await page.evaluate(() => {
        const w = window as unknown as { counterTransition: string; counterSeen: number[] }
        // reveal.js 6.0.2's types import './config' without an extension: under NodeNext its config type is lost.
        const config = window.Reveal.getConfig() as { transition: string; controls: boolean; slideNumber: unknown }
        window.Reveal.slide(1)
        const shouted = document.querySelector('.shouted')
        return {
          transition: config.transition,
          controls: config.controls,
          slideNumber: config.slideNumber,
          scriptSaw: w.counterTransition,
          changes: w.counterSeen,
          spacing: shouted ? getComputedStyle(shouted).letterSpacing : '',
          codeBackground: getComputedStyle(document.querySelector('pre code')!).backgroundColor,
          prose: document.querySelector('section p')!.textContent,
        }
      })
      expect(state).toMatchObject({ transition: 'fade', controls: false, slideNumber: false, scriptSaw: 'fade', changes: [1] })
      expect(state.spacing).not.toBe('normal')
      expect(state.codeBackground).toBe('rgb(39, 40, 34)') // highlight.js's monokai
      expect(state.prose).toContain('{{ message }}')
    } finally {
      await page.close()
    }
    expect(outside).toEqual([])
    await access(path.join(dir, 'media', 'scripts', 'counter.js'))
    await access(path.join(dir, 'media', 'styles', 'extra.css'))
  })

  it('refuses a script from the web, at its front matter line', async () => {
    const dir = await tempDir()
    dirs.push(dir)
    await writeFile(path.join(dir, 'slides.md'), '---\ntitle: T\nscripts: https://cdn.example.org/x.js\n---\n# A\n')
    const result = await runCli(['build', path.join(dir, 'slides.md'), '--out', path.join(dir, 'out')])
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/slides\.md:3: .*not a local file/)
  })

  it('keeps templating strict in a file that uses diapo variables', async () => {
    const dir = await tempDir()
    dirs.push(dir)
    await writeFile(path.join(dir, 'slides.md'), '# {{asso.name}}\n\nIn Vue: {{ message }}\n')
    const result = await runCli(['build', path.join(dir, 'slides.md'), '--out', path.join(dir, 'out')])
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/slides\.md:3: .*unknown variable "message"/)
  })
})
