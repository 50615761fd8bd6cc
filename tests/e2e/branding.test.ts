// An association's branding, as the audience sees it, in each installed browser: the palette made from
// a light colour, the tools table that uses the room it has, the contacts, and French typography.
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { converter, wcagContrast } from 'culori'
import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loadDiagnosticMetrics, MEASURED_THEMES } from '../../src/render/diagnostic-metrics.js'
import { cleanup, closeBrowser, findBrowser, launchBrowser, openDeck, REPO_ROOT, runCli, tempDir } from './helpers.js'

const TURQUOISE = 'tests/fixtures/associations/turquoise.yml'
const ASKED = '#5cc8b8'
/** Tools typed as volunteers type them, and how the catalogue spells them. */
const SPELLED = ['Excel', 'WhatsApp', 'Google Drive', 'Doodle', 'Instagram', 'Padlet', 'Mapotempo Pro']
const LONG_TOOLS = [
  'Gmail',
  'Outlook',
  'Word',
  'Excel',
  'PowerPoint',
  'Google Docs',
  'Google Drive',
  'Dropbox',
  'Google Forms',
  'Doodle',
  'Zoom',
  'Microsoft Teams',
  'WhatsApp',
  'Slack',
  'Facebook',
  'Instagram',
]

const found = await findBrowser()
const BROWSERS = found ? [...new Set([found, '/usr/bin/chromium', '/usr/bin/chromium-headless-shell'].filter((b) => existsSync(b)))] : []
const oklch = converter('oklch')
const hueGap = (a: string, b: string): number => {
  const d = Math.abs((oklch(a)!.h ?? 0) - (oklch(b)!.h ?? 0))
  return Math.min(d, 360 - d)
}

let out: string
let build: { code: number; stderr: string }
let defaultDeck: string

beforeAll(async () => {
  if (BROWSERS.length === 0) return
  out = await tempDir('diapo-e2e-branding-')
  const tools = LONG_TOOLS.map((t, i) => `  - { need: "Un besoin numéro ${i + 1} écrit assez longuement", current: "${t}" }`).join('\n')
  await writeFile(path.join(out, 'nombreux.yml'), `name: Beaucoup d'outils\ntools:\n${tools}\n`)
  build = await runCli([
    'build',
    '--asso',
    TURQUOISE,
    '--asso',
    'associations/jardins-partages.yml',
    '--asso',
    path.join(out, 'nombreux.yml'),
    '--out',
    out,
  ])
  defaultDeck = path.join(out, 'generic')
  const generic = await runCli(['build', '--out', defaultDeck])
  const contrast = await runCli([
    'build',
    '--asso',
    path.join(out, 'nombreux.yml'),
    '--theme',
    'contrast',
    '--out',
    path.join(out, 'contrast'),
  ])
  if (build.code !== 0 || generic.code !== 0 || contrast.code !== 0)
    throw new Error(`build failed:\n${build.stderr}\n${generic.stderr}\n${contrast.stderr}`)
}, 120_000)

afterAll(() => cleanup(out))

describe.skipIf(BROWSERS.length === 0)('building for a profile with a light colour', () => {
  it('warns once, at the colour line of the profile, with the colour asked, the one used and the ratios', async () => {
    const warnings = build.stderr.split('\n').filter((l) => l.startsWith('warning'))
    expect(warnings).toHaveLength(1)
    const line = (await readFile(path.join(REPO_ROOT, TURQUOISE), 'utf8')).split('\n').findIndex((l) => l.includes(ASKED)) + 1
    expect(warnings[0]).toMatch(
      new RegExp(
        `^warning ${TURQUOISE.replace(/\./g, '\\.')}:${line}: colors\\.primary "${ASKED}" is too light .* \\(1\\.\\d\\d:1, under 4\\.5:1\\): the deck uses #[0-9a-f]{6} instead, the same hue darker \\(\\d\\.\\d\\d:1\\)$`,
      ),
    )
  })

  it('diapo check --asso blames the profile for colours, never the shared slides', async () => {
    const result = await runCli(['check', '--asso', TURQUOISE, '--json'])
    const report = JSON.parse(result.stdout) as { issues: { rule: string; file?: string; line?: number; severity: string }[] }
    const contrast = report.issues.filter((i) => i.rule === 'contrast')
    expect(contrast).toHaveLength(1)
    expect(contrast[0]).toMatchObject({ file: TURQUOISE, line: 6, severity: 'warning' })
    expect(report.issues.filter((i) => i.file?.startsWith('slides/') && i.rule === 'contrast')).toEqual([])
  }, 120_000)

  it('diapo check --asso puts a profile colour measured too pale on a slide at the colour line of the profile', async () => {
    await writeFile(
      path.join(out, 'sombre.md'),
      '<!-- .slide: data-background-color="#3a3a3a" -->\n\n## Nos liens\n\n- <https://exemple.org>\n\nNote:\nx\n',
    )
    await writeFile(
      path.join(out, 'sombre.yml'),
      'name: Sombre\ncolors:\n  primary: "#0a5c8a"\nextraSlides:\n  - { file: sombre.md, after: titre }\n',
    )
    const result = await runCli(['check', '--asso', path.join(out, 'sombre.yml'), '--json'])
    const report = JSON.parse(result.stdout) as { issues: { rule: string; file?: string; line?: number; message: string }[] }
    const contrast = report.issues.filter((i) => i.rule === 'contrast')
    expect(contrast.length).toBeGreaterThan(0)
    for (const issue of contrast) {
      expect(issue).toMatchObject({ file: path.join(out, 'sombre.yml'), line: 3 })
      expect(issue.message).toContain('colors.primary')
    }
  }, 120_000)
})

describe.skipIf(BROWSERS.length === 0).each(BROWSERS)('what the audience sees, in %s', (executablePath) => {
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    browser = await launchBrowser({ executablePath })
    page = (await openDeck(browser, path.join(out, 'turquoise'))).page
  })
  afterAll(() => closeBrowser(browser))

  it("gives headings, table headers, links and markers the profile's hue, each at 4.5:1 or more on its background", async () => {
    const pairs = await page.evaluate(() => {
      const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!
      const hex = (css: string): string => {
        canvas.fillStyle = css
        canvas.fillRect(0, 0, 1, 1)
        const [r, g, b] = canvas.getImageData(0, 0, 1, 1).data
        return `#${[r!, g!, b!].map((n) => n.toString(16).padStart(2, '0')).join('')}`
      }
      const background = (el: Element): string => {
        for (let e: Element | null = el; e; e = e.parentElement) {
          const bg = getComputedStyle(e).backgroundColor
          if (bg !== 'rgba(0, 0, 0, 0)') return hex(bg)
        }
        return hex(getComputedStyle(document.body).backgroundColor)
      }
      const pick = (what: string, selector: string) => {
        const el = document.querySelector(selector)!
        return { what, colour: hex(getComputedStyle(el).color), background: background(el) }
      }
      return [
        pick('title', 'section.title-slide h1'),
        pick('subtitle', 'section.title-slide h2'),
        pick('heading', 'section[data-section="emancipasso"] h2'),
        pick('section title', 'section.section-title h1'),
        pick('table header', 'section.diagnostic th'),
        pick('link', 'section.diagnostic td a'),
        pick('contact link', 'section.contact a'),
      ]
    })
    for (const { what, colour, background } of pairs) {
      expect(wcagContrast(colour, background), `${what} ${colour} on ${background}`).toBeGreaterThanOrEqual(4.5)
      // The hue is on the text, or on what it stands on (a divider's coloured background, issue 14's layouts).
      expect(Math.min(hueGap(colour, ASKED), hueGap(background, ASKED)), `${what} ${colour} on ${background}`).toBeLessThan(12)
    }
    // The header row sits on a tint of the same hue, not on the page's cream.
    const header = await page.$eval('section.diagnostic th', (th) => getComputedStyle(th).backgroundColor)
    expect(header).not.toBe('rgba(0, 0, 0, 0)')
  })

  it('shows seven tools on one slide, spelled as the catalogue spells them, the header on one line', async () => {
    await page.evaluate(() =>
      window.diapo.slide([...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.classList.contains('diagnostic'))),
    )
    const slides = await page.$$eval('section.diagnostic', (sections) =>
      sections.map((s) => ({
        title: s.querySelector('h2')!.textContent,
        tools: [...s.querySelectorAll('tbody tr td:nth-child(2)')].map((td) => (td as HTMLElement).innerText.trim()),
        headerLines: [...s.querySelectorAll('th')].map((th) => {
          const range = document.createRange()
          range.selectNodeContents(th)
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
        }),
      })),
    )
    expect(slides).toHaveLength(1)
    expect(slides[0]!.title).toBe('Vos outils et leurs alternatives')
    expect(slides[0]!.tools).toEqual(SPELLED)
    expect(slides[0]!.headerLines).toEqual([1, 1, 1])
  })

  it("marks an unknown tool with a badge, and shows the profile's own alternatives", async () => {
    const cells = await page.$$eval('section.diagnostic tbody tr', (rows) =>
      rows.map((tr) => {
        const cell = tr.querySelector('td:nth-child(3)')!
        return {
          text: (cell as HTMLElement).innerText.trim(),
          badge: !!cell.querySelector('.diagnostic-unknown'),
          links: [...cell.querySelectorAll('a')].map((a) => a.textContent),
        }
      }),
    )
    const padlet = cells[SPELLED.indexOf('Padlet')]!
    expect(padlet.badge).toBe(true)
    expect(padlet.text).not.toMatch(/[«»"]/)
    expect(padlet.links).toEqual([])
    expect(cells[SPELLED.indexOf('Mapotempo Pro')]!.links).toEqual(['uMap', 'Framacarte'])
    expect(cells.filter((c) => c.badge)).toHaveLength(1)
    // The badge makes its row no taller than the others (all of one line here).
    const heights = await page.$$eval('section.diagnostic tbody tr', (rows) => rows.map((r) => Math.round((r as HTMLElement).offsetHeight)))
    expect(new Set(heights).size).toBe(1)
  })

  it.each(['nombreux', 'contrast/nombreux'])(
    'fills each slide of a long table as far as it fits, over as few slides as it takes (%s)',
    async (deck) => {
      const { page: many } = await openDeck(browser, path.join(out, deck))
      const pages = await many.evaluate(async () => {
        const deck = window.diapo
        const sections = [...document.querySelectorAll<HTMLElement>('.reveal .slides > section')]
        const result: { rows: number; bottom: number; limit: number; room: number; heights: number[] }[] = []
        for (const [i, s] of sections.entries()) {
          if (!s.classList.contains('diagnostic')) continue
          deck.slide(i)
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
          const scale = deck.getScale()
          const frame = s.getBoundingClientRect()
          const limit = (frame.height - parseFloat(getComputedStyle(s).paddingBottom) * scale) / scale
          const rows = [...s.querySelectorAll('tbody tr')]
          result.push({
            rows: rows.length,
            bottom: (s.querySelector('table')!.getBoundingClientRect().bottom - frame.top) / scale,
            limit,
            room: limit - (s.querySelector('tbody')!.getBoundingClientRect().top - frame.top) / scale,
            heights: rows.map((r) => r.getBoundingClientRect().height / scale),
          })
        }
        return result
      })
      expect(pages.reduce((n, p) => n + p.rows, 0)).toBe(LONG_TOOLS.length)
      for (const p of pages) expect(p.bottom).toBeLessThanOrEqual(p.limit + 0.5)
      // As few slides as the measured rows need: filling each slide in order until the next row would
      // not fit takes as many.
      const room = pages[0]!.room
      let needed = 1
      let used = 0
      for (const h of pages.flatMap((p) => p.heights)) {
        if (used + h > room + 0.5) [needed, used] = [needed + 1, 0]
        used += h
      }
      expect(pages.length).toBe(needed)
      expect(pages.length).toBeGreaterThan(1)
      await many.close()
    },
  )

  it('measures the table as data/diagnostic-metrics.json says (run scripts/measure-diagnostic.mjs after a CSS change)', async () => {
    const { measureDiagnostic } = (await import(path.join(REPO_ROOT, 'scripts', 'measure-diagnostic.mjs'))) as {
      measureDiagnostic: (browser: Browser, theme: string) => Promise<ReturnType<typeof loadDiagnosticMetrics>>
    }
    for (const theme of MEASURED_THEMES) {
      const measured = await measureDiagnostic(browser, theme)
      const shipped = loadDiagnosticMetrics(theme)
      for (const key of ['room', 'rowExtra', 'lineHeight', 'badge', 'fontSize'] as const) {
        expect(measured[key], `${theme}: ${key}`).toBeCloseTo(shipped[key], 0)
      }
      measured.columns.forEach((w, i) => expect(w, `${theme}: column ${i + 1}`).toBeCloseTo(shipped.columns[i]!, 0))
      for (const [char, width] of Object.entries(shipped.chars)) expect(measured.chars[char], `${theme}: ${char}`).toBeCloseTo(width, 2)
    }
  })

  it("shows Libérons nos ordis' contacts beside the association's", async () => {
    const columns = await page.$$eval('section.contact .contacts > div', (divs) =>
      divs.map((d) => [...d.querySelectorAll('a')].map((a) => a.href)),
    )
    expect(columns).toHaveLength(2)
    expect(columns[0]).toContain('https://blog.libere-ton-ordi.com/')
    expect(columns[1]).toEqual(['mailto:bonjour@lagon.example.org'])
  })

  it('breaks addresses only after / or ., and copying one gives the address', async () => {
    const { page: jardins } = await openDeck(browser, path.join(out, 'jardins-partages'))
    const index = await jardins.evaluate(() =>
      [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.classList.contains('contact')),
    )
    await jardins.evaluate((i) => window.diapo.slide(i), index)
    const links = await jardins.$$eval('section.contact a', (anchors) =>
      anchors.map((a) => {
        // Where each line of the link ends: the character before every jump to a new line.
        const text = a.textContent
        const range = document.createRange()
        const tops: number[] = []
        const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let i = 0; i < node.textContent!.length; i++) {
            range.setStart(node, i)
            range.setEnd(node, i + 1)
            tops.push(Math.round(range.getBoundingClientRect().top))
          }
        }
        const breaksAfter = tops.flatMap((top, i) => (i > 0 && top > tops[i - 1]! + 2 ? [text[i - 1]] : []))
        const selection = window.getSelection()!
        selection.selectAllChildren(a)
        const copied = selection.toString()
        selection.removeAllRanges()
        return { href: a.getAttribute('href')!, text, copied, breaksAfter, address: !!a.querySelector('.diapo-url') }
      }),
    )
    const addresses = links.filter((l) => l.address)
    expect(addresses.length).toBeGreaterThanOrEqual(5)
    expect(addresses.filter((l) => l.breaksAfter.length > 0).length).toBeGreaterThan(0)
    for (const link of addresses) {
      for (const char of link.breaksAfter) expect(['/', '.'], `${link.text} breaks after "${char}"`).toContain(char)
      expect(link.copied).toBe(link.text)
      expect(link.href.replace(/^mailto:/, '').replace(/\/$/, '')).toBe(link.copied.replace(/\/$/, ''))
    }
    await jardins.close()
  })

  it("has no straight apostrophe in the default deck's prose, slides and notes", async () => {
    const { page: generic } = await openDeck(browser, defaultDeck)
    const straight = await generic.evaluate(() => {
      const found: string[] = []
      const walker = document.createTreeWalker(document.querySelector('.reveal .slides')!, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement!.closest('code, pre, kbd, samp, .diapo-url, script, style')) continue
        if (node.textContent!.includes("'")) found.push(node.textContent!.trim().slice(0, 60))
      }
      return found
    })
    expect(straight).toEqual([])
    await generic.close()
  })
})
