import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { HTTPRequest, Page } from 'puppeteer-core'

/** What a guarded page may load now: files of `dirs`, and what needs no request (`data:`, `blob:`, `about:`). */
interface Guard {
  dirs: string[]
  blocked: string[]
}

const GUARDS = new WeakMap<Page, Guard>()
const RE_NO_REQUEST = /^(?:data|blob|about):/i

/**
 * Every request of the page outside `dirs` (the built deck's folder, and the folders its files may come
 * from: the handout shows the profile's logo from the profile's folder) is blocked and listed: the page's
 * Content-Security-Policy already keeps remote loads out, and this catches the rest (a `file:` URL
 * elsewhere on the disk, anything the policy would let through). A page reused for another deck is
 * guarded again with that deck's folder. Returns the list the page's blocked URLs are added to.
 */
export async function guardRequests(page: Page, dirs: string[]): Promise<string[]> {
  const guard: Guard = { dirs: dirs.map((d) => path.resolve(d)), blocked: [] }
  const installed = GUARDS.has(page)
  GUARDS.set(page, guard)
  if (!installed) {
    await page.setRequestInterception(true)
    page.on('request', (request: HTTPRequest) => {
      const current = GUARDS.get(page)!
      const url = request.url()
      if (RE_NO_REQUEST.test(url) || current.dirs.some((dir) => isInside(url, dir))) {
        void request.continue().catch(() => undefined)
        return
      }
      if (!current.blocked.includes(url)) current.blocked.push(url)
      void request.abort('blockedbyclient').catch(() => undefined)
    })
  }
  return guard.blocked
}

// --- internal ---

function isInside(url: string, dir: string): boolean {
  if (!url.toLowerCase().startsWith('file:')) return false
  try {
    const rel = path.relative(dir, fileURLToPath(url))
    return !rel.startsWith('..') && !path.isAbsolute(rel)
  } catch {
    return false
  }
}
