// The request guard of the e2e tests really catches a deck that reaches outside its folder, so that
// "no request outside DIR" on the default deck means something.
import path from 'node:path'

import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildDeck, cleanup, closeBrowser, findBrowser, launchBrowser, openDeck, REPO_ROOT } from './helpers.js'

const browserPath = await findBrowser()

describe.skipIf(!browserPath)('the request guard', () => {
  let browser: Browser
  let dir: string

  beforeAll(async () => {
    dir = (await buildDeck([path.join(REPO_ROOT, 'tests', 'fixtures', 'decks', 'leaky')])).dir
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await closeBrowser(browser)
    await cleanup(dir)
  })

  it('reports a network image and a file outside the deck folder', async () => {
    const { page, outside } = await openDeck(browser, dir)
    await page.evaluate(() => window.diapo.next())
    await new Promise((r) => setTimeout(r, 1000))
    await page.close()
    expect(outside.some((url) => url.startsWith('https://exemple.org/traceur.png'))).toBe(true)
    expect(outside.some((url) => url.startsWith('file:///etc/hostname'))).toBe(true)
  })
})
