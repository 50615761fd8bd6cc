// Decks written for reveal.js and reveal-md render in diapo as reveal.js renders them: each case of
// tests/fixtures/reveal-compat/cases is rendered by reveal.js's own Markdown plugin and by diapo, and
// compared slide by slide (see reveal-compat.ts). Differences diapo makes on purpose (French
// typography's no-break spaces, highlighting markup) are normalised there, and listed in the README.
import { readdir } from 'node:fs/promises'
import path from 'node:path'

import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { cleanup, closeBrowser, findBrowser, launchBrowser, REPO_ROOT, tempDir } from './helpers.js'
import { buildWithDiapo, type DeckView, missingMedia, nameMedia, readDeck, withoutEmptySlides, writeOraclePage } from './reveal-compat.js'

const browserPath = await findBrowser()
const CASES = path.join(REPO_ROOT, 'tests', 'fixtures', 'reveal-compat', 'cases')
const all = (await readdir(CASES)).filter((f) => f.endsWith('.md')).sort()
/**
 * Where diapo differs on purpose (README, "Venir de reveal-md"), and what diapo does instead: reveal.js
 * cuts slides and notes on lines inside fenced code, diapo keeps the code whole; reveal.js reads only
 * the first line of a `.slide` comment written over several lines, diapo reads them all.
 */
const codeKeeps = (line: string) => (deck: DeckView) => {
  const code = deck.flat().flatMap((s) => s.code.flat().map((c) => c.lines))
  expect(code).toHaveLength(1)
  expect(code[0]).toContain(line)
}
const DELIBERATE: Record<string, (deck: DeckView) => void> = {
  '04-separator-in-code.md': codeKeeps('---'),
  '15-notes-in-code-are-code.md': codeKeeps('Note: this is code'),
  '85-multiline-slide-comment.md': (deck) => expect(deck[0]![0]!.attributes).toEqual({ class: 'center', 'data-background-color': '#222' }),
}
const cases = all.filter((name) => !(name in DELIBERATE))

describe.skipIf(!browserPath)('reveal.js Markdown, rendered by reveal.js and by diapo', () => {
  let browser: Browser
  const dirs: string[] = []

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await closeBrowser(browser)
    await cleanup(...dirs)
  })

  it('has enough cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60)
  })

  it.each(Object.keys(DELIBERATE))('%s: differs from reveal.js on purpose', async (name) => {
    const dir = await tempDir('diapo-compat-')
    dirs.push(dir)
    await buildWithDiapo(path.join(CASES, name), dir)
    DELIBERATE[name]!(await readDeck(browser, path.join(dir, 'index.html'), 'window.Reveal?.isReady()'))
  })

  it.each(cases)('%s', async (name) => {
    const file = path.join(CASES, name)
    const [oracleDir, diapoDir] = [await tempDir('diapo-oracle-'), await tempDir('diapo-compat-')]
    dirs.push(oracleDir, diapoDir)
    const oraclePage = await writeOraclePage(file, oracleDir)
    await buildWithDiapo(file, diapoDir)
    const expected = nameMedia(withoutEmptySlides(await readDeck(browser, oraclePage, 'window.oracleReady')))
    const actual = nameMedia(await readDeck(browser, path.join(diapoDir, 'index.html'), 'window.Reveal?.isReady()'))
    expect(await missingMedia(diapoDir)).toEqual([])
    // As text, so that a failure shows the lines that differ.
    expect(JSON.stringify(actual, null, 1)).toBe(JSON.stringify(expected, null, 1))
  })
})
