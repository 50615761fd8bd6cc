#!/usr/bin/env node
// Pictures of the decks made for association profiles, from a real build, for the README: the title
// slide and a content slide of each profile (with --all, also a section title, its tools table and its
// contact slide).
//
//   npm run compile && node scripts/profile-pictures.mjs                     # associations/*.yml → docs/profiles/
//   node scripts/profile-pictures.mjs --out /tmp/shots --all tests/fixtures/associations/turquoise.yml
import { mkdtemp, mkdir, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** The slides pictured: the first slide each selector finds. */
const SHOTS = {
  titre: 'section.title-slide',
  contenu: 'section[data-section="emancipasso"]',
  partie: 'section.section-title',
  outils: 'section.diagnostic',
  contact: 'section.contact',
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'docs/profiles' },
    all: { type: 'boolean', default: false },
    // Half size by default: small files for the README, still readable.
    scale: { type: 'string', default: '0.5' },
  },
})

const [{ compileDeck }, { loadProfile }, { writeDeck }, { withBrowser }] = await Promise.all([
  import('../lib/compile.js'),
  import('../lib/config/load.js'),
  import('../lib/write.js'),
  import('../lib/export/session.js'),
])
const profiles =
  positionals.length > 0
    ? positionals
    : (await readdir(path.join(ROOT, 'associations'))).filter((n) => n.endsWith('.yml')).map((n) => `associations/${n}`)
const outDir = path.resolve(ROOT, values.out)
await mkdir(outDir, { recursive: true })
const work = await mkdtemp(path.join(os.tmpdir(), 'diapo-pictures-'))
try {
  await withBrowser({}, async (session) => {
    const browser = await session.browser()
    for (const file of profiles) {
      const profile = await loadProfile(file, ROOT)
      const compiled = await compileDeck({ cwd: ROOT, deck: 'slides', profile })
      for (const w of compiled.warnings) console.log(`warning ${path.relative(ROOT, w.loc.file)}:${w.loc.line}: ${w.message}`)
      const dir = path.join(work, profile.profile.slug)
      await writeDeck(compiled, dir)
      const page = await browser.newPage()
      await page.setViewport({ width: 1280, height: 720, deviceScaleFactor: Number(values.scale) })
      await page.goto(`${pathToFileURL(path.join(dir, 'index.html')).href}`, { waitUntil: 'load' })
      await page.waitForFunction(() => window.diapo?.isReady())
      await page.evaluate(() => document.fonts.ready.then(() => undefined))
      // No controls or progress bar in a picture of a slide, and no margin around it.
      await page.evaluate(() =>
        window.diapo.configure({ controls: false, progress: false, slideNumber: false, transition: 'none', margin: 0 }),
      )
      const names = values.all ? Object.keys(SHOTS) : ['titre', 'contenu']
      for (const name of names) {
        const index = await page.evaluate(
          (selector) => [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.matches(selector)),
          SHOTS[name],
        )
        if (index < 0) continue
        await page.evaluate((i) => window.diapo.slide(i), index)
        await new Promise((resolve) => setTimeout(resolve, 300))
        const target = path.join(outDir, `${profile.profile.slug}-${name}.png`)
        await page.screenshot({ path: target, optimizeForSpeed: false })
        console.log(path.relative(ROOT, target))
      }
      await page.close()
    }
  })
} finally {
  await rm(work, { recursive: true, force: true })
}
