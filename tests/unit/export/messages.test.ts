import { afterEach, describe, expect, it } from 'vitest'

import { describeBrowser, installAdvice, resolveBrowser } from '../../../src/export/browser.js'
import { createBrowserNotice } from '../../../src/export/progress.js'
import { setLang } from '../../../src/i18n/index.js'

afterEach(() => setLang(undefined))

// The export's messages follow the system's language: French for the volunteers who run diapo in French.
describe("the browser's and the PDFs' messages", () => {
  it('say in French that the browser given does not exist, and what to do', async () => {
    setLang('fr')
    const failure = resolveBrowser({}, { CHROME_PATH: '/nonexistent/chrome' })
    await expect(failure).rejects.toMatchObject({
      code: 'E_BROWSER_NOT_FOUND',
      message: "navigateur introuvable : celui indiqué par CHROME_PATH n'existe pas",
    })
    const hint = await failure.then(String, (err: { detail: { hint: string } }) => err.detail.hint)
    expect(hint).toMatch(
      /^vérifiez le chemin indiqué par CHROME_PATH, ou retirez CHROME_PATH pour laisser diapo choisir ; sinon, (lancez|installez) .*, ou indiquez où se trouve le navigateur dans la variable CHROME_PATH\. /,
    )
    expect(hint).toContain('Chemins essayés : /nonexistent/chrome')
  })

  it('keep their English words on an English system', async () => {
    setLang('en')
    const hint = await resolveBrowser({}, { CHROME_PATH: '/nonexistent/chrome' }).then(
      String,
      (err: { detail: { hint: string } }) => err.detail.hint,
    )
    expect(hint).toMatch(
      /^check the path CHROME_PATH gives, or leave CHROME_PATH out to let diapo choose; else (run|install) .*, or set CHROME_PATH to its executable\. Tried: \/nonexistent\/chrome$/,
    )
    expect(installAdvice('linux', 'arm64')).toMatch(/\(diapo's embedded Chromium runs on Linux x64 only\)$/)
  })

  it('tell in French what to install, and which browser prints', () => {
    setLang('fr')
    expect(installAdvice('linux', 'arm64')).toMatch(/^installez Chromium .*ne fonctionne que sous Linux x64\)$/)
    expect(installAdvice('darwin', 'arm64')).toContain('« brew install --cask chromium »')
    expect(describeBrowser({ executablePath: '/usr/bin/chromium-headless-shell', source: 'installed' })).toBe(
      'Chromium sans fenêtre (headless shell) (/usr/bin/chromium-headless-shell)',
    )
    let written = ''
    const stream = { isTTY: true, write: (s: string) => (written += s) } as unknown as NodeJS.WriteStream
    const ci = process.env.CI
    const tty = process.stderr.isTTY
    try {
      delete process.env.CI
      process.stderr.isTTY = true
      createBrowserNotice(stream)!({ executablePath: '/usr/bin/chromium', source: 'installed' })
    } finally {
      if (ci !== undefined) process.env.CI = ci
      process.stderr.isTTY = tty
    }
    expect(written).toBe('  navigateur : Chromium (/usr/bin/chromium)\n')
  })
})
