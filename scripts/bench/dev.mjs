// Bench part "dev": how long from saving a slide file to its new text being in the page, with
// `diapo dev` serving the default deck (25 slides) to headless Chromium. Target: median ≤ 300 ms.
//
//   node scripts/bench/dev.mjs [--runs N]        (or through `npm run bench dev`)
//
// The dev server runs as its own process (`node bin/diapo.js dev`), as a volunteer would start it.
// The clock starts just before the file is written and stops when the reloaded page's DOM holds the
// new text (a binding called on DOMContentLoaded and on DOM changes), so it covers the watcher, the
// rebuild, the message to the page and the page's update (slides swapped in place, or a reload).
import { spawn } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const TARGET_MS = 300
const SLIDE_FILE = '02-revolution.md'

/** Runs the part and returns its rows for the bench's summary. */
export async function run({ runs = 15 } = {}) {
  const { median } = await loadLib()
  const times = await measureReloads(runs)
  const ms = median(times)
  console.log(
    `dev: save → new text in the page, median of ${runs}: ${ms.toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`,
  )
  return [{ what: 'dev: save a slide → new text in the page (ms, median)', ratio: ms, target: TARGET_MS, cmp: '<=' }]
}

// --- internal ---

async function measureReloads(runs) {
  const { launchBrowser, closeBrowser } = await import(pathToFileURL(path.join(ROOT, 'lib', 'export', 'launch.js')).href)
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'diapo-bench-dev-'))
  const deck = path.join(tmp, 'slides')
  await cp(path.join(ROOT, 'slides'), deck, { recursive: true })
  const file = path.join(deck, SLIDE_FILE)
  const original = await readFile(file, 'utf8')
  const server = await startDev(deck, tmp)
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage()
    await page.setViewport({ width: 1280, height: 720 })
    let waiting
    await page.exposeFunction('__diapoBenchLoaded', (text) => {
      if (waiting && text.includes(waiting.marker)) waiting.resolve(performance.now())
    })
    // The new text arrives either by a reload (theme, template) or swapped into the page (a slide's
    // Markdown): report the slides' text when the page loads and after every change of the DOM.
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const report = () => window.__diapoBenchLoaded(document.querySelector('.reveal .slides')?.textContent ?? '')
        new MutationObserver(report).observe(document.body, { childList: true, subtree: true, characterData: true })
        report()
      })
    })
    await page.goto(`${server.url}#/2`, { waitUntil: 'load' })
    await page.waitForFunction(() => window.diapo?.isReady())
    const times = []
    for (let i = 0; i < runs; i++) {
      const marker = `repère-${i}-${Date.now()}`
      const seen = new Promise((resolve) => (waiting = { marker, resolve }))
      const started = performance.now()
      await writeFile(file, original.replace(/^(#+ .*)$/m, `$1 ${marker}`))
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`no reload after 10 s (run ${i})`)), 10_000))
      times.push((await Promise.race([seen, timeout])) - started)
      // Let the page settle, so that runs do not overlap.
      await new Promise((r) => setTimeout(r, 400))
    }
    return times
  } finally {
    await closeBrowser(browser)
    server.child.kill('SIGINT')
    await rm(tmp, { recursive: true, force: true })
  }
}

async function startDev(deck, cwd) {
  const port = await freePort()
  // stdin stays open: Vite stops its server when stdin ends.
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'diapo.js'), 'dev', deck, '--port', String(port)], {
    cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
      if (m) resolve(m[1])
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => reject(new Error(`diapo dev exited (${code}): ${output}`)))
  })
  return { child, url }
}

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * The bench's shared helpers (scripts/bench/lib.mjs, written by the bench engineer). Until it exists,
 * the two this part needs are defined here.
 */
async function loadLib() {
  try {
    return await import('./lib.mjs')
  } catch (err) {
    if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err
    const median = (xs) => {
      const s = [...xs].sort((a, b) => a - b)
      const mid = s.length >> 1
      return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
    }
    const report = (rows) => {
      for (const r of rows) {
        const pass = r.cmp === '<=' ? r.ratio <= r.target : r.ratio >= r.target
        console.log(`${r.what}: ${r.ratio.toFixed(2)} (target ${r.cmp} ${r.target}) ${pass ? 'PASS' : 'MISS'}`)
      }
    }
    return { median, report }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const runsArg = process.argv.indexOf('--runs')
  const rows = await run({ runs: runsArg > 0 ? Number(process.argv[runsArg + 1]) : undefined })
  ;(await loadLib()).report(rows)
}
