// A deck of real photos (JPEG, PNG, WebP, GIF, SVG; Markdown images, <img> with and without a size, a CSS
// background, data-background-image) printed end to end with EACH browser of the machine: the full
// Chromium, its headless shell and the embedded one. The full browser once timed out on a single photo.
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findTestBrowsers } from './browsers.js'
import { pdfColourShare, pdfImageObjects, pdfImages, pdfInfo, ROOT, runCli } from './pdf-tools.js'

const PHOTOS = path.join(ROOT, 'tests', 'fixtures', 'decks', 'photos')
/** The raster images of each slide, by their pixel size (each image of the fixture has its own). */
const SLIDE_IMAGES = [['1200x800'], ['480x320'], ['640x360'], ['240x160'], ['1920x1080'], ['640x400']]
const TEAL: [number, number, number] = [0x2a, 0x9d, 0x8f]
const browsers = await findTestBrowsers()
let work: string

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'diapo-e2e-photos-'))
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe.each(browsers)('the photo deck with $name', ({ name, executablePath }) => {
  let out: string

  beforeAll(async () => {
    out = path.join(work, name)
    const result = await runCli(['build', PHOTOS, '--pdf', '--out', out], { CHROME_PATH: executablePath, CI: '1' })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
  })

  it('prints every photo in slides.pdf, each on its slide', async () => {
    const file = path.join(out, 'slides.pdf')
    expect(Number((await pdfInfo(file)).Pages)).toBe(SLIDE_IMAGES.length)
    const images = await pdfImages(file)
    SLIDE_IMAGES.forEach((sizes, i) => {
      expect(
        images.filter((img) => img.page === i + 1).map((img) => `${img.width}x${img.height}`),
        `slide ${i + 1}`,
      ).toEqual(sizes)
    })
    // The JPEGs go in as they are (DCT), not decoded and recompressed.
    expect(images.find((img) => img.width === 1920)?.enc).toBe('jpeg')
  })

  it('draws the SVG beside the GIF', async () => {
    expect(await pdfColourShare(path.join(out, 'slides.pdf'), 4, TEAL)).toBeGreaterThan(0.03)
  })

  it('prints every photo in the handout', async () => {
    const file = path.join(out, 'handout.pdf')
    const images = await pdfImages(file)
    // Every photo, whichever page the handout's layout (cover, then two slides a page) puts it on.
    expect(images.map((i) => `${i.width}x${i.height}`).sort()).toEqual(['1200x800', '1920x1080', '240x160', '480x320', '640x360'])
    // The CSS background, scaled down, is drawn through a pattern, which pdfimages does not list.
    expect(await pdfImageObjects(file)).toContain('640x400')
    const pages = Number((await pdfInfo(file)).Pages)
    const shares = await Promise.all(Array.from({ length: pages }, (_, i) => pdfColourShare(file, i + 1, TEAL)))
    expect(Math.max(...shares)).toBeGreaterThan(0.003)
  })

  it('still ends a page that never gets ready with the time-out error', async () => {
    const hung = path.join(work, `hung-${name}`)
    cpSync(PHOTOS, hung, { recursive: true })
    appendFileSync(path.join(hung, 'slides.md'), '\n---\n\n## Bloquée\n\n<script>for (;;) {}</script>\n')
    const result = await runCli(['build', hung, '--pdf', '--out', path.join(work, `hung-out-${name}`), '--timeout', '2'], {
      CHROME_PATH: executablePath,
      CI: '1',
    })
    expect(result.code).toBe(1)
    // Named at the slide it waits for, the PDF said after.
    expect(result.stderr).toMatch(/slides\.md:\d+: this slide was not ready after 2\.7 s .*: \w+\.pdf was not printed/)
  })

  it('passes diapo check: every photo loads, none overflows its slide', async () => {
    const result = await runCli(['check', PHOTOS], { CHROME_PATH: executablePath })
    expect(result.stdout).toContain('no problem found')
    expect(result.code).toBe(0)
  })
})

describe('diapo doctor', () => {
  it('names the browser it chose, why, the others, and prints a test page', async () => {
    const result = await runCli(['doctor'], { NO_COLOR: '1' })
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^browser: .+\n {2}why: .+/)
    expect(result.stdout).toMatch(/test print: .+ printed a one-page PDF/)
    if (browsers.length > 1) expect(result.stdout).toMatch(/also found:\n {2}\S/)
  })

  it('says what is wrong with a browser that does not exist, and exits 1', async () => {
    const result = await runCli(['doctor', '--browser-path', '/nonexistent/chrome'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('the browser given by --browser-path does not exist')
    expect(result.stderr).toContain('/nonexistent/chrome')
  })
})
