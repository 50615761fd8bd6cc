// The browsers the PDF tests print with: every one found on the machine, not only the one diapo picks first.
import { findInstalledBrowsers } from '../../src/export/browser.js'
import { findEmbeddedBrowser, unpackEmbeddedBrowser } from '../../src/export/embedded.js'

export interface TestBrowser {
  /** `chromium`, `chromium-headless-shell`, `embedded`... */
  name: string
  executablePath: string
}

/**
 * Each installed Chromium, Chrome or Edge of diapo's search paths, and the embedded browser (unpacked into
 * the user's cache if it was not yet). Under CI fewer than two is an error: the matrix must cover more
 * than the browser diapo would pick.
 */
export async function findTestBrowsers(): Promise<TestBrowser[]> {
  const installed = (await findInstalledBrowsers()).map((p) => ({ name: p.split('/').at(-1)!, executablePath: p }))
  const embedded = await findEmbeddedBrowser()
  const browsers = embedded ? [...installed, { name: 'embedded', executablePath: await unpackEmbeddedBrowser(embedded) }] : installed
  if (process.env.CI && browsers.length < 2) {
    throw new Error(`the PDF tests need at least two browsers under CI; found: ${browsers.map((b) => b.name).join(', ') || 'none'}`)
  }
  return browsers
}
