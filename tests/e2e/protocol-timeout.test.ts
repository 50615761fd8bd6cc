import { describe, expect, it } from 'vitest'

import { closeBrowser, launchBrowser, pageTimeout, protocolTimeoutFor } from '../../src/export/launch.js'

// A 5,000-slide deck's one page.pdf() call must end on diapo's own page time-out (which names the
// slide), never on Puppeteer's protocol time-out: the launched browser's connection gets diapo's.
describe("Puppeteer's protocol time-out", () => {
  it('outlasts the page time-out of decks up to 35,000 slides, for any --timeout', () => {
    for (const timeout of [1_000, 30_000, 300_000]) {
      for (const slides of [1, 5_000, 35_000]) expect(protocolTimeoutFor(timeout)).toBeGreaterThan(pageTimeout(timeout, slides))
    }
  })

  it('is the one the launched browser uses', async () => {
    const browser = await launchBrowser({ timeout: 30_000 })
    try {
      const session = await browser.target().createCDPSession()
      expect(session.connection()?.timeout).toBe(protocolTimeoutFor(30_000))
      expect(session.connection()!.timeout).toBeGreaterThan(pageTimeout(30_000, 5_000))
    } finally {
      await closeBrowser(browser)
    }
  })
})
