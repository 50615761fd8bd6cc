// Themes and the checks of the frame, on fixture decks built by the real CLI and opened in Chromium.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'

import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildDeck, cleanup, closeBrowser, findBrowser, findOverflows, launchBrowser, openDeck, REPO_ROOT, tempDir } from './helpers.js'

const browserPath = await findBrowser()
const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'decks')

describe.skipIf(!browserPath)('themes and frame in Chromium', () => {
  let browser: Browser
  const dirs: string[] = []

  const build = async (args: string[]) => {
    const { dir } = await buildDeck(args)
    dirs.push(dir)
    return dir
  }
  const withDeck = async <T>(dir: string, fn: (page: Page) => Promise<T>): Promise<T> => {
    const { page, outside } = await openDeck(browser, dir)
    try {
      return await fn(page)
    } finally {
      await page.close()
      expect(outside).toEqual([])
    }
  }

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await closeBrowser(browser)
    await cleanup(...dirs)
  })

  // The contrast theme must reach 7:1 (the issue); the default theme promises it too, in its CSS.
  it.each(['contrast', 'default'])('gives every text of the %s theme at least 7:1 on its background', async (theme) => {
    for (const deck of ['slides', path.join(FIXTURES, 'every-element')]) {
      const dir = await build([deck, '--theme', theme])
      const worst = await withDeck(dir, lowestContrasts)
      expect(worst.length, deck).toBeGreaterThan(10)
      expect(
        worst.filter((w) => w.ratio < 7),
        deck,
      ).toEqual([])
    }
  })

  it('keeps every slide of the default deck inside its frame with the contrast theme too', async () => {
    const dir = await build(['slides', '--theme', 'contrast'])
    expect(await withDeck(dir, findOverflows)).toEqual([])
  })

  it('measures a low contrast when a theme has one', async () => {
    const cssDir = await tempDir()
    dirs.push(cssDir)
    const css = path.join(cssDir, 'pale.css')
    await writeFile(css, ':root { --diapo-bg: #ffffff; --diapo-fg: #999999; }\n')
    const dir = await build([path.join(FIXTURES, 'every-element'), '--theme', css])
    const worst = await withDeck(dir, lowestContrasts)
    expect(worst[0]!.ratio).toBeLessThan(3)
  })

  it('finds a slide whose content does not fit the frame', async () => {
    const dir = await build([path.join(FIXTURES, 'too-long')])
    const overflows = await withDeck(dir, findOverflows)
    expect(overflows).toHaveLength(1)
    expect(overflows[0]).toMatch(/^tests\/fixtures\/decks\/too-long\/slides\.md:7: content \d+px high/)
  })

  it('shows French typography with no-break spaces in the page', async () => {
    const dir = await build([path.join(FIXTURES, 'every-element')])
    const text = await withDeck(dir, (page) => page.$eval('blockquote', (b) => b.textContent ?? ''))
    expect(text).toContain('citation\u00A0: «\u00A0bien\u00A0»\u202F!')
  })
})

// --- internal ---

interface Contrast {
  ratio: number
  what: string
}

/** Contrast of every element with text on every slide against the background behind it, lowest first. */
function lowestContrasts(page: Page): Promise<Contrast[]> {
  return page.evaluate(() => {
    const parse = (c: string): number[] => {
      const m = c.match(/[\d.]+/g)!.map(Number)
      // Mixed colours (color-mix) compute to `color(srgb r g b / a)`, channels from 0 to 1.
      if (c.startsWith('color(srgb')) return [m[0]! * 255, m[1]! * 255, m[2]! * 255, m[3] ?? 1]
      return [m[0]!, m[1]!, m[2]!, m[3] ?? 1]
    }
    const luminance = ([r, g, b]: number[]) => {
      const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!)
    }
    const background = (el: Element | null): number[] => {
      for (; el; el = el.parentElement) {
        const bg = parse(getComputedStyle(el).backgroundColor)
        if (bg[3]! > 0) return bg
      }
      return [255, 255, 255, 1]
    }
    const results: { ratio: number; what: string }[] = []
    const elements = [...document.querySelectorAll('.reveal .slides section *'), document.querySelector('.reveal .slide-number')]
    for (const el of elements) {
      if (!el || el.closest('aside.notes')) continue
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())
      if (!ownText) continue
      const bg = background(el)
      const fg = parse(getComputedStyle(el).color)
      const blended = fg.slice(0, 3).map((v, i) => v * fg[3]! + bg[i]! * (1 - fg[3]!))
      const [l1, l2] = [luminance(blended), luminance(bg)].sort((a, b) => b - a)
      results.push({
        ratio: Math.round(((l1! + 0.05) / (l2! + 0.05)) * 100) / 100,
        what: `<${el.tagName.toLowerCase()}> ${el.textContent.trim().slice(0, 30)}`,
      })
    }
    return results.sort((a, b) => a.ratio - b.ratio)
  })
}
