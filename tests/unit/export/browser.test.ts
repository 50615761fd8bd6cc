import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { describeBrowser, installAdvice, resolveBrowser } from '../../../src/export/browser.js'
import { cacheDir, embeddedSupported } from '../../../src/export/embedded.js'

const dir = mkdtempSync(path.join(os.tmpdir(), 'diapo-unit-browser-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('resolveBrowser', () => {
  it('takes --browser-path before CHROME_PATH, and says where the choice came from', async () => {
    const a = path.join(dir, 'chrome-a')
    const b = path.join(dir, 'chrome-b')
    for (const f of [a, b]) {
      writeFileSync(f, '#!/bin/sh\n')
      chmodSync(f, 0o755)
    }
    expect(await resolveBrowser({ executablePath: a }, { CHROME_PATH: b })).toEqual({ executablePath: a, source: '--browser-path' })
    expect(await resolveBrowser({}, { CHROME_PATH: b, PUPPETEER_EXECUTABLE_PATH: a })).toEqual({ executablePath: b, source: 'CHROME_PATH' })
  })

  it('refuses an explicit path that does not exist instead of taking another browser', async () => {
    await expect(resolveBrowser({}, { CHROME_PATH: '/nonexistent/chrome' })).rejects.toMatchObject({
      code: 'E_BROWSER_NOT_FOUND',
      message: 'the browser given by CHROME_PATH does not exist',
    })
  })
})

describe('describeBrowser', () => {
  it('names the headless shell, Chromium, Chrome and Edge', () => {
    expect(describeBrowser({ executablePath: '/usr/bin/chromium-headless-shell', source: 'installed' })).toBe(
      'Chromium headless shell (/usr/bin/chromium-headless-shell)',
    )
    expect(describeBrowser({ executablePath: '/usr/bin/chromium', source: 'installed' })).toBe('Chromium (/usr/bin/chromium)')
    expect(describeBrowser({ executablePath: '/usr/bin/google-chrome', source: 'installed' })).toMatch(/^Google Chrome/)
    expect(describeBrowser({ executablePath: '/usr/bin/microsoft-edge', source: 'installed' })).toMatch(/^Microsoft Edge/)
  })
})

describe('installAdvice', () => {
  it('says what to install where no browser can be had', () => {
    expect(installAdvice('darwin', 'arm64')).toMatch(/Google Chrome .* Microsoft Edge.*brew install --cask chromium/)
    expect(installAdvice('win32', 'x64')).toMatch(/Google Chrome .* Microsoft Edge/)
    expect(installAdvice('linux', 'arm64')).toMatch(/sudo apt-get install chromium.*Linux x64 only/)
    expect(installAdvice('linux', 'x64')).toMatch(/npm install.*@sparticuz\/chromium.*sudo apt-get install chromium/)
  })
})

describe('the embedded browser', () => {
  it('runs on Linux x64 only', () => {
    expect(embeddedSupported('linux', 'x64')).toBe(true)
    expect(embeddedSupported('linux', 'arm64')).toBe(false)
    expect(embeddedSupported('darwin', 'x64')).toBe(false)
  })

  it('is unpacked into a per-user cache folder, never a shared one', () => {
    expect(cacheDir({ HOME: '/home/camille' })).toBe('/home/camille/.cache/diapo')
    expect(cacheDir({ HOME: '/home/camille', XDG_CACHE_HOME: '/home/camille/.cache2' })).toBe('/home/camille/.cache2/diapo')
    // A relative XDG_CACHE_HOME is invalid by the spec: ignored.
    expect(cacheDir({ HOME: '/home/camille', XDG_CACHE_HOME: 'cache' })).toBe('/home/camille/.cache/diapo')
    expect(cacheDir({ HOME: '/home/camille', DIAPO_CACHE_DIR: '/srv/diapo-cache' })).toBe('/srv/diapo-cache')
  })
})
