import { describe, expect, it } from 'vitest'

import { isHeadlessShell, knownBrowserPaths } from '../../../src/export/browser.js'
import { slideParts } from '../../../src/export/pdf.js'

/** The slide numbers a list of `FIRST-LAST` ranges covers, in order. */
function covered(parts: (string | undefined)[]): number[] {
  return parts.flatMap((range) => {
    const [first, last] = range!.split('-').map(Number)
    return Array.from({ length: last! - first! + 1 }, (_, i) => first! + i)
  })
}

describe('slideParts', () => {
  it('prints a small deck in one go, whatever the cores', () => {
    expect(slideParts(26, 8)).toEqual([undefined])
    expect(slideParts(299, 2)).toEqual([undefined])
  })

  it('prints a big deck in one go on one core', () => {
    expect(slideParts(1000, 1)).toEqual([undefined])
    expect(slideParts(1000, 0)).toEqual([undefined])
  })

  it('splits a big deck into even ranges, one for each worker', () => {
    expect(slideParts(1000, 2)).toEqual(['1-500', '501-1000'])
    expect(slideParts(1001, 3)).toEqual(['1-333', '334-667', '668-1001'])
  })

  it('never makes parts smaller than 150 slides', () => {
    expect(slideParts(320, 8)).toEqual(['1-160', '161-320'])
  })

  it('covers every slide once, in order', () => {
    for (const count of [300, 301, 449, 450, 1000, 1237]) {
      for (const workers of [2, 3, 4, 16]) {
        const parts = slideParts(count, workers)
        if (parts[0] === undefined) continue
        expect(covered(parts)).toEqual(Array.from({ length: count }, (_, i) => i + 1))
      }
    }
  })
})

describe('the headless shell', () => {
  it('is recognised by its file name on every system', () => {
    expect(isHeadlessShell('/usr/bin/chromium-headless-shell')).toBe(true)
    expect(
      isHeadlessShell('/home/u/.cache/puppeteer/chrome-headless-shell/linux-131/chrome-headless-shell-linux64/chrome-headless-shell'),
    ).toBe(true)
    expect(isHeadlessShell('C:\\puppeteer\\chrome-headless-shell-win64\\chrome-headless-shell.exe')).toBe(true)
    expect(isHeadlessShell('/usr/bin/chromium')).toBe(false)
    expect(isHeadlessShell('/opt/headless-shell/chrome')).toBe(false)
  })

  it('is looked for before the full browsers on Linux', () => {
    const paths = knownBrowserPaths('linux')
    expect(paths[0]).toBe('/usr/bin/chromium-headless-shell')
    expect(paths).toContain('/usr/bin/chromium')
  })
})
