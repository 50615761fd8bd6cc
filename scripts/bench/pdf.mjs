// PDF part of the bench (issue 3, "Speed"): the time to write slides.pdf of the default deck and of a
// 1000-slide deck, beside the floor (bare `chromium --headless --print-to-pdf` of the same built deck's print
// view) and beside Marp CLI's `--pdf` on the same content; the whole `diapo build --pdf` (HTML and both
// PDFs) beside the floor; and the size of slides.pdf a slide. All whole processes, interleaved.
//
//   node scripts/bench.mjs pdf          BENCH_RUNS=N timed runs (default 5; 3 for 1000 slides)
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { DIAPO_BIN, generateDeck, installCompetitors, QUIET_ENV, report, ROOT, runCommand, timeRuns } from './lib.mjs'

const RUNS = Number(process.env.BENCH_RUNS) || 5
const BIG_RUNS = Number(process.env.BENCH_RUNS) || 3
/** The floor's browser, as the issue names it: Chromium. */
const FLOOR_BROWSER = process.env.FLOOR_BROWSER || '/usr/bin/chromium'

/** Runs the PDF bench; returns the rows it reported. */
export default async function run() {
  const bins = await installCompetitors()
  // The browser diapo finds (the headless shell where installed); Marp is given the same one.
  const { resolveBrowserPath } = await import(pathToFileURL(path.join(ROOT, 'lib', 'export', 'browser.js')).href)
  bins.browser = await resolveBrowserPath()
  console.log(
    `browser: diapo and Marp ${bins.browser}; floor ${FLOOR_BROWSER}${bins.browser === FLOOR_BROWSER ? '' : ` and ${bins.browser}`}`,
  )
  const work = await mkdtemp(path.join(os.tmpdir(), 'diapo-bench-pdf-'))
  try {
    const talk = { key: 'talk', label: 'default deck', diapo: path.join(ROOT, 'slides'), marp: await marpDefaultDeck(work) }
    const big = await generateDeck(path.join(work, 's1000'), 1000)
    const decks = [talk, { key: 's1000', label: '1000 slides', diapo: big, marp: big }]
    const rows = []
    for (const deck of decks) {
      const deckRows = await benchDeck(deck, bins, work, deck.key === 'talk' ? RUNS : BIG_RUNS)
      console.log(`\nPDF targets, ${deck.label}`)
      report(deckRows)
      rows.push(...deckRows)
    }
    return rows
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

// --- internal ---

/** Times the floor, diapo's slides.pdf, Marp's --pdf and the whole `diapo build --pdf` on one deck. */
async function benchDeck(deck, bins, work, runs) {
  const dir = path.join(work, deck.key)
  // The built deck the floor and diapo's slides.pdf print from.
  await runCommand(process.execPath, [DIAPO_BIN, 'build', deck.diapo, '--out', path.join(dir, 'html')], { env: { CI: '1' } })
  const url = `${pathToFileURL(path.join(dir, 'html', 'index.html')).href}?print-pdf`
  const floorPdf = path.join(dir, 'floor.pdf')
  const slidesScript = path.join(work, 'slides-pdf.mjs')
  await writeFile(slidesScript, SLIDES_ONLY)
  const otherFloor = bins.browser !== FLOOR_BROWSER
  const t = await timeRuns(
    `slides.pdf, ${deck.label}`,
    {
      floor: () => floorCommand(FLOOR_BROWSER, url, floorPdf, path.join(dir, 'floor-profile')),
      ...(otherFloor && {
        'floor, diapo browser': () => floorCommand(bins.browser, url, path.join(dir, 'floor2.pdf'), path.join(dir, 'floor-profile')),
      }),
      'diapo slides.pdf': { cmd: process.execPath, args: [slidesScript, ROOT, deck.diapo, path.join(dir, 'html')], env: { CI: '1' } },
      'marp --pdf': {
        cmd: bins.marp,
        args: [
          '--pdf',
          '--no-stdin',
          '--browser',
          'chrome',
          '--browser-path',
          bins.browser,
          '--browser-timeout',
          '600',
          deck.marp,
          '-o',
          path.join(dir, 'marp.pdf'),
        ],
        env: { ...QUIET_ENV, CHROME_NO_SANDBOX: '1' },
      },
      'diapo build --pdf': {
        cmd: process.execPath,
        args: [DIAPO_BIN, 'build', deck.diapo, '--pdf', '--out', path.join(dir, 'full')],
        env: { CI: '1' },
      },
    },
    { runs, warmup: 1 },
  )
  const slides = await pageCount(path.join(dir, 'html', 'slides.pdf'))
  const bytes = (await stat(path.join(dir, 'html', 'slides.pdf'))).size
  const marpBytes = (await stat(path.join(dir, 'marp.pdf'))).size
  console.log(
    `  pages: diapo ${slides}, floor ${await pageCount(floorPdf)}, Marp ${await pageCount(path.join(dir, 'marp.pdf'))}; ` +
      `slides.pdf ${kb(bytes)} (${kb(bytes / slides)} a slide), Marp ${kb(marpBytes)} (${kb(marpBytes / slides)} a slide)`,
  )
  const rows = [
    { what: `slides.pdf ${deck.label}: diapo/floor`, ratio: t['diapo slides.pdf'] / t.floor, target: 1.2 },
    { what: `slides.pdf ${deck.label}: diapo/Marp`, ratio: t['diapo slides.pdf'] / t['marp --pdf'], target: 0.6 },
    { what: `build --pdf ${deck.label}: diapo/floor`, ratio: t['diapo build --pdf'] / t.floor, target: 1.8 },
  ]
  if (otherFloor) {
    rows.push(
      {
        what: `slides.pdf ${deck.label}: diapo/floor with diapo's browser`,
        ratio: t['diapo slides.pdf'] / t['floor, diapo browser'],
        target: 1.2,
      },
      {
        what: `build --pdf ${deck.label}: diapo/floor with diapo's browser`,
        ratio: t['diapo build --pdf'] / t['floor, diapo browser'],
        target: 1.8,
      },
    )
  }
  if (deck.key === 'talk') rows.push({ what: 'slides.pdf default deck: KB a slide', ratio: bytes / 1024 / slides, target: 8 })
  return rows
}

/**
 * The floor: `browser` alone printing the built deck's print view, with the flags diapo's browser gets.
 * It cannot wait for reveal.js's print layout (see the page counts printed): the least any export can cost.
 */
async function floorCommand(browser, url, out, profile) {
  await rm(profile, { recursive: true, force: true })
  const { BROWSER_ARGS } = await import(pathToFileURL(path.join(ROOT, 'lib', 'export', 'launch.js')).href)
  const sandbox = process.getuid?.() === 0 ? ['--no-sandbox'] : []
  return {
    cmd: browser,
    args: ['--headless', ...sandbox, ...BROWSER_ARGS, `--user-data-dir=${profile}`, '--no-pdf-header-footer', `--print-to-pdf=${out}`, url],
  }
}

/** slides.pdf alone, as `diapo build --pdf` makes it (compile, one browser, print), from a written deck. */
const SLIDES_ONLY = `
const [root, deck, dir] = process.argv.slice(2)
const { compileDeck } = await import(root + '/lib/compile.js')
const { withBrowser } = await import(root + '/lib/export/session.js')
const { exportPdfs } = await import(root + '/lib/export/pdf.js')
await withBrowser({}, async (session) => {
  const compiled = await compileDeck({ cwd: root, deck, withPdf: true })
  await exportPdfs(session, { dir, compiled, only: ['slides.pdf'] })
})
`

/** slides/*.md as one file for Marp (which has no vertical slides and reads one file). */
async function marpDefaultDeck(work) {
  const dir = path.join(work, 'talk-marp')
  await mkdir(dir, { recursive: true })
  const files = (await readdir(path.join(ROOT, 'slides'))).filter((f) => f.endsWith('.md')).sort()
  const bodies = await Promise.all(
    files.map(async (f) =>
      (await readFile(path.join(ROOT, 'slides', f), 'utf8')).replace(/^---\r?\n[\s\S]*?\r?\n---[ \t]*\r?\n/, '').trim(),
    ),
  )
  const file = path.join(dir, 'deck.md')
  const body = bodies.join('\n\n---\n\n').replace(/^(?:----|--)[ \t]*$/gm, '---')
  await writeFile(file, `---\nmarp: true\ntitle: Emancip'asso\n---\n\n${body}\n`)
  return file
}

async function pageCount(file) {
  const { stdout } = await runCommand('pdfinfo', [file])
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1])
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`
}

// `node scripts/bench/pdf.mjs` runs this part alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run()
