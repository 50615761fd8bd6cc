// HTML part of the bench (issue 2, "Speed"): whole-process wall time of `diapo build` beside Marp CLI (which
// renders Markdown at build time, like diapo) and `reveal-md --static` (which only copies files and leaves the
// Markdown to the browser) on the same content, then the time a built 1000-slide deck takes to show its first
// slide in headless Chromium, diapo's beside reveal-md's.
//
//   node scripts/bench.mjs html          BENCH_RUNS=N to change the number of timed runs (default 7)
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { DIAPO_BIN, formatMs, generateDeck, installCompetitors, median, QUIET_ENV, report, ROOT, timeRuns } from './lib.mjs'

const RUNS = Number(process.env.BENCH_RUNS) || 7
const PAGE_RUNS = Number(process.env.BENCH_PAGE_RUNS) || RUNS

/** Runs the HTML bench; returns the rows it reported. */
export default async function run() {
  const bins = await installCompetitors()
  const work = await mkdtemp(path.join(os.tmpdir(), 'diapo-bench-html-'))
  try {
    const decks = await prepareDecks(work)
    const builds = {}
    for (const deck of decks) builds[deck.key] = await benchBuild(deck, bins, work)
    const shown = await benchFirstSlide(work)

    const rows = []
    for (const deck of decks) {
      const t = builds[deck.key]
      rows.push({ what: `build ${deck.label}: diapo/Marp`, ratio: t.diapo / t.marp, target: 0.5, cmp: '<=' })
      rows.push({ what: `build ${deck.label}: diapo/reveal-md`, ratio: t.diapo / t['reveal-md'], target: 1.0, cmp: '<=' })
    }
    rows.push({ what: 'diapo build 1000 slides / 100 slides', ratio: builds.s1000.diapo / builds.s100.diapo, target: 8, cmp: '<=' })
    rows.push({ what: '1000-slide deck first slide: diapo/reveal-md', ratio: shown.diapo / shown['reveal-md'], target: 0.5, cmp: '<=' })
    console.log(
      `\n  for reference, 1000/100 slides: Marp ${(builds.s1000.marp / builds.s100.marp).toFixed(2)}×, reveal-md ${(builds.s1000['reveal-md'] / builds.s100['reveal-md']).toFixed(2)}×`,
    )
    console.log('\nHTML targets')
    report(rows)
    return rows
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

// --- internal ---

/** The three decks: the default talk (slides/, and one concatenated file for the others), 100 and 1000 slides. */
async function prepareDecks(work) {
  const talk = await concatenateDefaultDeck(path.join(ROOT, 'slides'), path.join(work, 'talk'))
  const decks = [{ key: 'talk', label: 'default deck', diapo: path.join(ROOT, 'slides'), ...talk }]
  for (const count of [100, 1000]) {
    const file = await generateDeck(path.join(work, `s${count}`), count)
    decks.push({ key: `s${count}`, label: `${count} slides`, diapo: file, marp: file, revealMd: file })
  }
  return decks
}

/**
 * slides/*.md as one Markdown file for Marp and reveal-md: each file's front matter dropped (the first one's
 * title kept), `---` between files, `marp: true` for Marp. Vertical separators (`----`, `--`) become `---`
 * for Marp, which has no vertical slides, and `----` (reveal-md's default) for reveal-md.
 */
async function concatenateDefaultDeck(slidesDir, dir) {
  await mkdir(dir, { recursive: true })
  const files = (await readdir(slidesDir)).filter((f) => f.endsWith('.md')).sort()
  const bodies = []
  let title = 'Diapo'
  for (const [i, file] of files.entries()) {
    const text = await readFile(path.join(slidesDir, file), 'utf8')
    const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*\r?\n/.exec(text)
    if (i === 0 && m) title = /^title:\s*(.*)$/m.exec(m[1])?.[1] ?? title
    bodies.push((m ? text.slice(m[0].length) : text).trim())
  }
  const body = bodies.join('\n\n---\n\n')
  const vertical = /^(?:----|--)[ \t]*$/gm
  const marp = path.join(dir, 'marp.md')
  const revealMd = path.join(dir, 'reveal-md.md')
  await writeFile(marp, `---\nmarp: true\ntitle: ${title}\n---\n\n${body.replace(vertical, '---')}\n`)
  await writeFile(revealMd, `---\ntitle: ${title}\n---\n\n${body.replace(vertical, '----')}\n`)
  return { marp, revealMd }
}

/** Times the three builds of one deck, interleaved; each writes into the same folder on every run. */
async function benchBuild(deck, bins, work) {
  const out = (tool) => path.join(work, 'out', deck.key, tool)
  const env = QUIET_ENV
  const cmds = {
    diapo: { cmd: process.execPath, args: [DIAPO_BIN, 'build', deck.diapo, '--out', out('diapo')], cwd: work, env },
    // --html: raw HTML passes through, as it does in diapo and reveal-md.
    marp: { cmd: bins.marp, args: ['--no-stdin', '--html', deck.marp, '-o', path.join(out('marp'), 'index.html')], cwd: work, env },
    'reveal-md': { cmd: bins.revealMd, args: [deck.revealMd, '--static', out('reveal-md')], cwd: work, env },
  }
  return timeRuns(`build ${deck.label} (whole process)`, cmds, { runs: RUNS, warmup: 1 })
}

/**
 * Opens each built 1000-slide deck in headless Chromium (a fresh page per run, interleaved) and measures,
 * in the page, the time from navigation start to the first frame where reveal.js is ready (its `ready` class,
 * set with the `ready` event), the page's fonts are loaded and the first slide is laid out and visible.
 * Same probe for both decks.
 */
async function benchFirstSlide(work) {
  const { closeBrowser, launchBrowser } = await import(pathToFileURL(path.join(ROOT, 'lib', 'export', 'launch.js')).href)
  const urls = {
    diapo: pathToFileURL(path.join(work, 'out', 's1000', 'diapo', 'index.html')).href,
    'reveal-md': pathToFileURL(path.join(work, 'out', 's1000', 'reveal-md', 'index.html')).href,
  }
  const browser = await launchBrowser()
  try {
    const samples = { diapo: [], 'reveal-md': [] }
    for (let round = 0; round < PAGE_RUNS + 1; round++) {
      for (const [name, url] of Object.entries(urls)) {
        const ms = await timeFirstSlide(browser, url)
        if (round > 0) samples[name].push(ms) // round 0 warms the browser's disk cache
      }
    }
    console.log(
      `\n1000-slide deck, navigation → first slide shown in headless Chromium (median of ${PAGE_RUNS} interleaved runs, fresh page each)`,
    )
    const medians = {}
    for (const [name, s] of Object.entries(samples)) {
      medians[name] = median(s)
      console.log(
        `  ${name.padEnd(9)}  ${formatMs(medians[name]).padStart(9)}   (min ${formatMs(Math.min(...s))}, max ${formatMs(Math.max(...s))})`,
      )
    }
    return medians
  } finally {
    await closeBrowser(browser)
  }
}

async function timeFirstSlide(browser, url) {
  const page = await browser.newPage()
  try {
    await page.setViewport({ width: 1280, height: 720 })
    await page.evaluateOnNewDocument(firstSlideProbe)
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 })
    await page.waitForFunction(() => window.__benchShown !== undefined, { timeout: 120_000, polling: 50 })
    return await page.evaluate(() => window.__benchShown)
  } finally {
    await page.close()
  }
}

/** Runs in the page before its own scripts: records `performance.now()` at the first frame the slide shows. */
function firstSlideProbe() {
  const check = () => {
    const wrapper = document.querySelector('.reveal')
    let slide = document.querySelector('.reveal .slides > section.present')
    const inner = slide?.querySelector(':scope > section.present')
    if (inner) slide = inner
    // Fonts count: with `font-display: block` text stays invisible until its font is ready.
    if (wrapper?.classList.contains('ready') && slide && document.fonts.status === 'loaded') {
      const box = slide.getBoundingClientRect()
      const style = getComputedStyle(slide)
      if (box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' && slide.textContent.trim()) {
        window.__benchShown = performance.now()
        return
      }
    }
    requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run()
