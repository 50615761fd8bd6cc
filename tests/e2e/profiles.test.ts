import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closeBrowser, launchBrowser } from '../../src/export/launch.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const PROFILE = 'tests/fixtures/associations/evil.yml'
const EVIL_NAME = '<script>window.__pwned = true</script> *Club* [des] _amis_ | Note: x'
const TOOLS = ['Excel', 'WhatsApp', 'Google Drive', 'Doodle', 'Facebook', 'Zoom', 'Mailchimp', 'Padlet', 'Ciel Compta']

let out: string
let browser: Browser
let page: Page

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'diapo-e2e-profiles-'))
  await promisify(execFile)('node', ['bin/diapo.js', 'build', '--asso', PROFILE, '--out', out], { cwd: ROOT })
  browser = await launchBrowser()
  page = await browser.newPage()
  await page.setViewport({ width: 1280, height: 720 })
  await page.goto(pathToFileURL(path.join(out, 'evil', 'index.html')).href)
  await page.waitForFunction(() => window.diapo?.isReady())
})

afterAll(async () => {
  await closeBrowser(browser)
  await rm(out, { recursive: true, force: true })
})

describe('a deck built for an association', () => {
  it('shows the name on the title slide as written, and runs none of it', async () => {
    const title = await page.$eval('section.title-slide', (s) => ({
      text: s.innerText,
      scripts: s.querySelectorAll('script').length,
      emphasis: s.querySelectorAll('em, a').length,
    }))
    expect(title.text).toContain(EVIL_NAME)
    expect(title.text).toContain('jeudi 3 décembre 2026, Maison des associations, Lyon')
    expect(title.text).toContain('Camille')
    expect(title).toMatchObject({ scripts: 0, emphasis: 0 })
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined()
  })

  it('shows the logo, copied into the deck, without running its scripts', async () => {
    const logo = await page.$eval('section.title-slide img.asso-logo', async (img) => {
      const image = img
      await image.decode()
      return { width: image.naturalWidth, src: image.getAttribute('src'), alt: image.alt }
    })
    expect(logo.width).toBeGreaterThan(0)
    expect(logo.src).not.toMatch(/^(?:https?:|file:|\/)/)
    expect(logo.alt).toBe(`Logo de ${EVIL_NAME}`)
    expect(await page.evaluate(() => (window as unknown as { __svgPwned?: boolean }).__svgPwned)).toBeUndefined()
  })

  it('applies the colours of the profile as computed styles', async () => {
    const colours = await page.evaluate(() => {
      const h1 = document.querySelector('section.title-slide h1')!
      const link = document.querySelector('.slides a[href^="http"]')!
      const progress = document.querySelector('.reveal .progress')!
      return [h1, link, progress].map((e) => getComputedStyle(e).color)
    })
    expect(colours).toEqual(['rgb(10, 92, 138)', 'rgb(10, 92, 138)', 'rgb(194, 24, 91)'])
  })

  it('shows the tools diagnostic: one row per tool, alternatives with links, nine short rows on one slide', async () => {
    const slides = await page.$$eval('section.diagnostic', (sections) =>
      sections.map((s) => ({
        title: s.querySelector('h2')!.textContent,
        rows: [...s.querySelectorAll('tbody tr')].map((tr) =>
          [...tr.querySelectorAll('td')].map((td) => ({
            text: (td as HTMLElement).innerText.trim(),
            links: [...td.querySelectorAll('a')].map((a) => a.href),
          })),
        ),
      })),
    )
    expect(slides.map((s) => s.title)).toEqual(['Vos outils et leurs alternatives'])
    const rows = slides.flatMap((s) => s.rows)
    expect(rows.map((r) => r[1]!.text)).toEqual(TOOLS)
    for (const row of rows.filter((r) => r[1]!.text !== 'Padlet')) {
      expect(row[2]!.links.length, row[1]!.text).toBeGreaterThanOrEqual(2)
      for (const href of row[2]!.links) expect(href).toMatch(/^https:\/\//)
    }
    const padlet = rows.find((r) => r[1]!.text === 'Padlet')!
    expect(padlet[2]!.text).toBe('à étudier ensemble')
    expect(padlet[2]!.links).toEqual([])
  })

  it('fits every slide (title with logo, diagnostic, contact) in its 1280×720 frame', async () => {
    const overflows = await page.evaluate(async () => {
      const deck = window.diapo
      const found: string[] = []
      for (const [i, section] of [...document.querySelectorAll<HTMLElement>('.slides > section')].entries()) {
        if (section.classList.contains('stack')) continue
        deck.slide(i)
        await new Promise((resolve) => requestAnimationFrame(() => resolve(null)))
        const frame = section.getBoundingClientRect()
        const scale = deck.getScale()
        // The frame is 720 px high, less the slide's bottom padding (44 px); a picture a layout places
        // out of the flow (image-left/right, photo) may fill the frame to its edge, and no further.
        const past = (c: Element): number => {
          const bleeds = getComputedStyle(c).position === 'absolute'
          return c.getBoundingClientRect().bottom - (frame.top + (bleeds ? 720 : 720 - 44) * scale)
        }
        const worst = Math.max(...[...section.children].filter((c) => c.tagName !== 'ASIDE').map(past))
        if (worst > 1) found.push(`${section.dataset.source}: ${Math.round(worst / scale)} px`)
      }
      return found
    })
    expect(overflows).toEqual([])
  })

  it('leaves out the excluded section and puts the extra slides right after their section', async () => {
    const sections = await page.$$eval('.slides section[data-section]', (all) => all.map((s) => s.dataset.section!))
    expect(sections).not.toContain('references')
    expect(sections).toContain('titre')
    const extra = sections.indexOf('nos-slides')
    expect(extra).toBeGreaterThan(0)
    expect(sections[extra - 1]).toBe('alternatives')
    expect(sections.lastIndexOf('alternatives')).toBe(extra - 1)
    const text = await page.$eval('section[data-section="nos-slides"]', (s) => s.innerText)
    expect(text).toContain('Une diapositive propre à Club des amis.')
  })

  it('shows the contact slide with the addresses of the profile', async () => {
    const links = await page.$eval('section.contact', (s) => [...s.querySelectorAll('a')].map((a) => a.href))
    expect(links).toEqual(expect.arrayContaining(['mailto:contact@example.org', 'https://example.org/']))
  })
})
