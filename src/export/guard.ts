import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { HTTPRequest, Page } from 'puppeteer-core'

/** The request guard of one page: what it may load for the job at hand. */
export interface RequestGuard {
  /**
   * From now on, lets the page load files of `dirs` only (and what needs no request: `data:`, `blob:`,
   * `about:`); `undefined` lets everything through. Returns the list the URLs it blocks from now on are
   * added to.
   */
  allow(dirs: string[] | undefined): string[]
}

/**
 * Intercepts every request of `page`: what is outside the folders allowed (the built deck's folder, and
 * the folders its files may come from: the handout shows the profile's logo from the profile's folder)
 * is blocked and listed. The page's Content-Security-Policy already keeps remote loads out; this catches
 * the rest (a `file:` URL elsewhere on the disk, anything the policy would let through). Installed once a
 * page: a page reused for another deck is given that deck's folders with `allow`.
 */
export async function guardRequests(page: Page): Promise<RequestGuard> {
  let current: { dirs?: string[]; blocked: string[] } = { blocked: [] }
  await page.setRequestInterception(true)
  page.on('request', (request: HTTPRequest) => {
    const url = request.url()
    const { dirs, blocked } = current
    if (!dirs || RE_NO_REQUEST.test(url) || dirs.some((dir) => isInside(url, dir))) {
      void request.continue().catch(() => undefined)
      return
    }
    if (!blocked.includes(url)) blocked.push(url)
    void request.abort('blockedbyclient').catch(() => undefined)
  })
  return {
    allow(dirs) {
      current = { dirs: dirs?.map((d) => path.resolve(d)), blocked: [] }
      return current.blocked
    },
  }
}

// --- internal ---

const RE_NO_REQUEST = /^(?:data|blob|about):/i

function isInside(url: string, dir: string): boolean {
  if (!url.toLowerCase().startsWith('file:')) return false
  try {
    const rel = path.relative(dir, fileURLToPath(url))
    return !rel.startsWith('..') && !path.isAbsolute(rel)
  } catch {
    return false
  }
}
