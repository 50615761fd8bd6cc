// The browser session shared by the PDF export and `diapo check`, in a real headless Chromium: its
// pool of pages, its time-out, its end.
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DeckError } from '../../src/errors.js'
import { type BrowserSession, openBrowser } from '../../src/export/session.js'
import { setLang } from '../../src/i18n/index.js'

let session: BrowserSession
let work: string

beforeAll(async () => {
  session = openBrowser()
  work = await mkdtemp(path.join(os.tmpdir(), 'diapo-e2e-session-'))
})

afterAll(async () => {
  await session.close()
  await rm(work, { recursive: true, force: true })
})

describe('withPage', () => {
  it('lends a page finished with to the next job, and pages of their own to jobs running at once', async () => {
    const first = await session.withPage((page) => Promise.resolve(page))
    const second = await session.withPage((page) => Promise.resolve(page))
    expect(second).toBe(first)
    const both = await Promise.all([session.withPage((page) => Promise.resolve(page)), session.withPage((page) => Promise.resolve(page))])
    expect(both[0]).not.toBe(both[1])
    expect(both).toContain(first)
  })

  it('rejects a job past its time-out with the export time-out error, and closes its page', async () => {
    let lent: Page | undefined
    const started = performance.now()
    const failure = await session
      .withPage(
        async (page) => {
          lent = page
          await new Promise(() => undefined)
        },
        { timeout: 500, what: 'slides.pdf' },
      )
      .catch((err: unknown) => err)
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(failure).toBeInstanceOf(DeckError)
    expect(failure).toMatchObject({ code: 'E_EXPORT', message: 'slides.pdf: the page was not ready after 0.5 s' })
    expect((failure as DeckError).detail.hint).toContain('--timeout')
    await expect.poll(() => lent!.isClosed()).toBe(true)
    // The pool goes on with another page.
    const next = await session.withPage(async (page) => ({ page, sum: await page.evaluate(() => 1 + 1) }))
    expect(next.page).not.toBe(lent)
    expect(next.sum).toBe(2)
  })

  it('names a job that says nothing of itself "the page", in the language diapo speaks', async () => {
    setLang('fr')
    try {
      const failure = await session.withPage(() => new Promise(() => undefined), { timeout: 300 }).catch((err: unknown) => err)
      expect(failure).toMatchObject({ code: 'E_EXPORT', message: "la page : la page n'était toujours pas prête au bout de 0,3 s" })
    } finally {
      setLang(undefined)
    }
  })

  it("counts Puppeteer's own time-outs in the page as the job's, and lets the caller say more", async () => {
    const failure = await session
      .withPage((page) => page.waitForFunction(() => false, { timeout: 200 }), {
        timeout: 5_000,
        what: 'notes.pdf',
        explainTimeout: (page, cause) =>
          Promise.resolve(new DeckError(`still open: ${!page.isClosed()}, cause: ${(cause as Error).name}`, 'E_EXPORT')),
      })
      .catch((err: unknown) => err)
    expect(failure).toMatchObject({ message: 'still open: true, cause: TimeoutError' })
  })

  it('rethrows the error of a failed job as it is, and does not lend its page again', async () => {
    let lent: Page | undefined
    const failure = await session
      .withPage((page) => {
        lent = page
        return Promise.reject(new Error('the job failed'))
      })
      .catch((err: unknown) => err)
    expect(failure).toMatchObject({ message: 'the job failed' })
    await expect.poll(() => lent!.isClosed()).toBe(true)
    expect(await session.withPage((page) => Promise.resolve(page))).not.toBe(lent)
  })

  it('blocks and lists what a page asks for outside the folders allowed to it', async () => {
    const [deck, elsewhere] = [path.join(work, 'deck'), path.join(work, 'elsewhere')]
    await Promise.all([deck, elsewhere].map((dir) => mkdir(dir)))
    const outside = pathToFileURL(path.join(elsewhere, 'secret.png')).href
    await writeFile(path.join(deck, 'index.html'), `<img src="inside.png"><img src="${outside}">`)
    const blocked = await session.withPage(
      async (page, job) => {
        await page.goto(pathToFileURL(path.join(deck, 'index.html')).href, { waitUntil: 'load' })
        return [...job.blocked]
      },
      { allow: [deck] },
    )
    expect(blocked).toEqual([outside])
    // The next job is guarded with its own folders, and its own list.
    const again = await session.withPage(
      async (page, job) => {
        await page.goto(pathToFileURL(path.join(deck, 'index.html')).href, { waitUntil: 'load' })
        return [...job.blocked]
      },
      { allow: [work] },
    )
    expect(again).toEqual([])
  })
})

describe('the end of a session', () => {
  it('closes the browser and removes its profile when disposed, and lends no page afterwards', async () => {
    let browser: Browser
    let profile: string | undefined
    let closed: BrowserSession
    {
      await using disposable = openBrowser()
      closed = disposable
      await disposable.withPage(async (page) => page.evaluate(() => document.title))
      browser = await disposable.browser()
      profile = browser
        .process()
        ?.spawnargs.find((a) => a.startsWith('--user-data-dir='))
        ?.split('=')[1]
      expect(profile && existsSync(profile)).toBe(true)
    }
    expect(browser.connected).toBe(false)
    expect(browser.process()?.exitCode ?? browser.process()?.signalCode).not.toBeNull()
    expect(existsSync(path.dirname(profile!))).toBe(false)
    await expect(closed.withPage(() => Promise.resolve())).rejects.toThrow(/browser session is closed/)
    // Closing again is harmless.
    await closed.close()
  })

  it('reports a browser that cannot start at the first page, and still closes', async () => {
    const broken = openBrowser({ executablePath: path.join(work, 'no-such-browser') })
    await expect(broken.withPage(() => Promise.resolve())).rejects.toMatchObject({ code: 'E_BROWSER_NOT_FOUND' })
    await broken.close()
    await expect(broken.withPage(() => Promise.resolve())).rejects.toThrow(/browser session is closed/)
  })
})
