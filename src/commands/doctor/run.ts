import { type BrowserChoice, type BrowserOptions, describeBrowser, findInstalledBrowsers, resolveBrowser } from '../../export/browser.js'
import { DEFAULT_TIMEOUT } from '../../export/launch.js'
import { withBrowser } from '../../export/session.js'
import { type EmbeddedBrowser, findEmbeddedBrowser } from '../../export/embedded.js'
import { isDeckError } from '../../errors.js'
import { t } from '../../i18n/index.js'

/** What `diapo doctor` found out about the browsers of this machine. */
export interface DoctorReport {
  /** The browser PDFs and `diapo check` will use, and why; `undefined` when there is none. */
  chosen?: { choice: BrowserChoice; label: string; why: string }
  /** Why there is none, and what to install. */
  missing?: { message: string; hint?: string }
  /** The other browsers diapo could use, by its search order. */
  others: string[]
  /** The launch and one-page test print of the chosen browser. */
  test?: { ok: true; version: string; launchMs: number; printMs: number; bytes: number } | { ok: false; error: string }
}

/**
 * `diapo doctor`: which browser diapo prints with and why, what else it found, and whether that browser
 * can print: it is launched (the embedded one unpacked if it was not yet) and prints a one-page PDF.
 */
export async function runDoctor(options: BrowserOptions = {}, env = process.env): Promise<DoctorReport> {
  const [installed, embedded] = await Promise.all([findInstalledBrowsers(env), findEmbeddedBrowser(env)])
  let choice: BrowserChoice
  try {
    choice = await resolveBrowser(options, env)
  } catch (err) {
    if (!isDeckError(err)) throw err
    return { missing: { message: err.message, hint: err.detail.hint }, others: [] }
  }
  const others = installed
    .filter((p) => p !== choice.executablePath)
    .map((p) => describeBrowser({ executablePath: p, source: 'installed' }))
  if (embedded && !choice.embedded) others.push(describeEmbedded(embedded))
  const label = choice.embedded ? describeEmbedded(choice.embedded) : describeBrowser(choice)
  return { chosen: { choice, label, why: t(`doctor.why${choice.source}`) }, others, test: await testPrint(options) }
}

// --- internal ---

function describeEmbedded(embedded: EmbeddedBrowser): string {
  const state = embedded.unpacked ? t('doctor.unpacked') : t('doctor.notUnpacked')
  return `${describeBrowser({ executablePath: embedded.executablePath, source: 'embedded', embedded })} — ${state}`
}

/**
 * A one-page test print, through a browser session as the PDFs are printed: launch, a page with a heading,
 * a raster image and a background, `page.pdf()` within the usual time-out.
 */
async function testPrint(options: BrowserOptions): Promise<DoctorReport['test']> {
  const started = performance.now()
  try {
    return await withBrowser(options, async (session) => {
      const browser = await session.browser()
      const launchMs = performance.now() - started
      const printStarted = performance.now()
      const bytes = await session.withPage(
        async (page, { timeout }) => {
          await page.setContent(TEST_PAGE, { waitUntil: 'load', timeout })
          const pdf = await page.pdf({ width: '1280px', height: '720px', printBackground: true, timeout })
          const text = Buffer.from(pdf).toString('latin1')
          const pages = text.match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0
          if (!text.startsWith('%PDF-') || pages !== 1) throw new Error(`the browser did not write a one-page PDF (${pages} pages)`)
          return pdf.length
        },
        { timeout: DEFAULT_TIMEOUT },
      )
      return { ok: true as const, version: await browser.version(), launchMs, printMs: performance.now() - printStarted, bytes }
    })
  } catch (err) {
    return { ok: false, error: isDeckError(err) ? err.format() : err instanceof Error ? err.message : String(err) }
  }
}

/** A 2×2 PNG: the test print has a raster image, as a deck of photos has. */
const PIXELS = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGPQmtv/8kgWw/P8QDW3YAAtKQXUZM0OLwAAAABJRU5ErkJggg=='
const TEST_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>diapo doctor</title>
<body style="margin:0;background:#fbf6ee;font-family:sans-serif"><h1 style="margin:40px">diapo doctor: test print</h1>
<img alt="" width="200" height="200" style="margin:40px;image-rendering:pixelated" src="data:image/png;base64,${PIXELS}"></body></html>`
