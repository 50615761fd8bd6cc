import type { Browser, Page } from 'puppeteer-core'

import { DeckError } from '../errors.js'
import { t } from '../i18n/index.js'
import type { BrowserOptions } from './browser.js'
import { guardRequests, type RequestGuard } from './guard.js'
import { closeBrowser, DEFAULT_TIMEOUT, launchBrowser } from './launch.js'
import { addPageHelpers } from './page-scripts.js'

/** How `withPage` runs one job. */
export interface PageOptions {
  /**
   * Time the job may take, in ms (default 30 s); Puppeteer's own waits in the page default to it too.
   * Past it the page is closed and `withPage` rejects with `E_EXPORT`.
   */
  timeout?: number
  /** What the page is for, as the time-out error names it: `slides.pdf`. */
  what?: string
  /** Folders the page may load files from: requests elsewhere are blocked and listed in `job.blocked`. Default: no limit. */
  allow?: string[]
  /**
   * On a time-out, a more telling error than "the page was not ready" (the slide the page waits for), or
   * `undefined`. Called with the page still open, and the Puppeteer error that timed out, if any.
   */
  explainTimeout?: (page: Page, cause: unknown) => Promise<Error | undefined>
}

/** What a job run by `withPage` is told besides its page. */
export interface PageJob {
  /** The job's time-out, in ms, for the Puppeteer calls that take one (`page.pdf`, `page.goto`). */
  timeout: number
  /** The URLs the page was refused so far (see `PageOptions.allow`). */
  blocked: readonly string[]
}

/**
 * One headless browser and its pool of pages, shared by the PDF export and `diapo check`. Close it in a
 * `finally`, or declare it with `await using`: closing kills the browser and removes its profile (Ctrl-C
 * does too, see `launchBrowser`).
 */
export interface BrowserSession extends AsyncDisposable {
  /**
   * Runs `fn` on a page of the pool, within `options.timeout`. The page goes back to the pool for the next
   * job when `fn` succeeds (one renderer process serves several PDFs and decks), and is closed when it
   * fails. A launch that failed (no browser) rejects here, with `E_BROWSER_NOT_FOUND`.
   */
  withPage<T>(fn: (page: Page, job: PageJob) => Promise<T>, options?: PageOptions): Promise<T>
  /** The browser, once launched: for what pages lent by `withPage` do not cover. Rejects as the launch does. */
  browser(): Promise<Browser>
  /** Closes the browser, never throwing; `withPage` rejects from then on. Closing twice is harmless. */
  close(): Promise<void>
}

/**
 * Starts a headless browser (chosen by `resolveBrowser`) and returns its session at once: the launch goes
 * on while the caller does other work (compiling, writing the deck), and is waited for by the first page.
 *
 * @example
 * await using session = openBrowser({ timeout: 30_000 })
 * for (const { dir, compiled } of decks) await exportPdfs(session, { dir, compiled })
 */
export function openBrowser(options: BrowserOptions = {}): BrowserSession {
  return new Session(launchBrowser(options))
}

/**
 * Runs `fn` with a session opened at once (see `openBrowser`: `fn` may do other work while the browser
 * starts), and closes it afterwards, on success as on error.
 *
 * @example
 * await withBrowser({ timeout: 30_000 }, async (session) => {
 *   for (const { dir, compiled } of decks) await exportPdfs(session, { dir, compiled })
 * })
 */
export async function withBrowser<T>(options: BrowserOptions, fn: (session: BrowserSession) => Promise<T>): Promise<T> {
  await using session = openBrowser(options)
  return await fn(session)
}

// --- internal ---

/** The rejection of a job's own time-out. */
class Expired extends Error {}

class Session implements BrowserSession {
  readonly #launching: Promise<Browser>
  /** Pages whose job is done, ready for another. */
  readonly #idle: Page[] = []
  /** Pages a job has had: the browser's first blank tab is taken once. */
  readonly #taken = new WeakSet<Page>()
  readonly #guards = new WeakMap<Page, RequestGuard>()
  #closing: Promise<void> | undefined

  constructor(launching: Promise<Browser>) {
    this.#launching = launching
    // Nobody may wait for the launch (the caller failed first): its rejection must not go unhandled.
    launching.catch(() => undefined)
  }

  async withPage<T>(fn: (page: Page, job: PageJob) => Promise<T>, options: PageOptions = {}): Promise<T> {
    if (this.#closing) throw new Error('this browser session is closed: open another with openBrowser()')
    const timeout = options.timeout ?? DEFAULT_TIMEOUT
    const page = await this.#take()
    const blocked = this.#guards.get(page)!.allow(options.allow)
    page.setDefaultTimeout(timeout)
    let timer: NodeJS.Timeout | undefined
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Expired()), timeout)
    })
    try {
      const result = await Promise.race([fn(page, { timeout, blocked }), expired])
      if (!this.#closing) this.#idle.push(page)
      return result
    } catch (err) {
      const timedOut = err instanceof Expired || (err instanceof Error && err.name === 'TimeoutError')
      const cause = err instanceof Expired ? undefined : err
      const explained = timedOut ? await options.explainTimeout?.(page, cause).catch(() => undefined) : undefined
      // A hung renderer may not even close: left to close(), which kills what does not close.
      void page.close().catch(() => undefined)
      if (timedOut) throw explained ?? timeoutError(options.what ?? t('page.default'), timeout, cause)
      throw err
    } finally {
      clearTimeout(timer)
    }
  }

  browser(): Promise<Browser> {
    return this.#launching
  }

  close(): Promise<void> {
    this.#closing ??= this.#launching.then(closeBrowser, () => undefined)
    this.#idle.length = 0
    return this.#closing
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close()
  }

  /**
   * A page for a job: one a finished job gave back, else the browser's first, blank tab if no job took
   * it yet (one target less to create), else a new one.
   */
  async #take(): Promise<Page> {
    const idle = this.#idle.pop()
    if (idle && !idle.isClosed()) return idle
    const browser = await this.#launching
    const pages = await browser.pages()
    // Find and mark in the same turn: two jobs started together never share a tab.
    const blank = pages.find((p) => !this.#taken.has(p) && p.url() === 'about:blank')
    if (blank) this.#taken.add(blank)
    const page = blank ?? (await browser.newPage())
    this.#taken.add(page)
    await addPageHelpers(page)
    this.#guards.set(page, await guardRequests(page))
    return page
  }
}

function timeoutError(what: string, timeout: number, cause?: unknown): DeckError {
  return new DeckError(t('page.notReady', { what, seconds: Math.round(timeout / 100) / 10 }), 'E_EXPORT', {
    hint: t('page.notReadyHint'),
    cause,
  })
}
