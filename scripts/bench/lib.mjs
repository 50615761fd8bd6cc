// Shared helpers of `npm run bench` (scripts/bench.mjs). Every part (html, pdf, profiles, dev) times
// whole processes or async functions with `timeRuns`, interleaved so that the machine's load (2 cores shared
// with other work) weighs on every contender alike, and hands its ratios to `report`.
//
// Speed is measured here, never asserted in tests: figures depend on the machine.
import { spawn } from 'node:child_process'
import { access, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

/** The diapo repository (the folder holding package.json). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** Bench scratch space, git-ignored; the competitors are installed once into `.bench/tools`. */
export const BENCH_DIR = path.join(ROOT, '.bench')
/** diapo's own command line, as a user runs it. */
export const DIAPO_BIN = path.join(ROOT, 'bin', 'diapo.js')

/** Versions of the tools diapo is compared with (installed at bench time, never as dependencies). */
export const COMPETITORS = { marp: '@marp-team/marp-cli@4', revealMd: 'reveal-md@6' }

/**
 * Environment for competitor tools: no browser download, no update check, no colours, no telemetry.
 * Neither tool needs a browser to write HTML.
 */
export const QUIET_ENV = {
  PUPPETEER_SKIP_DOWNLOAD: '1',
  PUPPETEER_SKIP_CHROMIUM_DOWNLOAD: '1',
  NO_UPDATE_NOTIFIER: '1',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  npm_config_update_notifier: 'false',
}

const reported = []

/** Median of a list of numbers (mean of the two middle ones for an even count). */
export function median(numbers) {
  if (numbers.length === 0) return NaN
  const sorted = [...numbers].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * Spawns `cmd args`, resolves `{ stdout, stderr }` when it exits 0, rejects with its stderr otherwise.
 * `opts`: `cwd`, `env` (added to process.env), `timeout` in ms (default 10 min), `input` (written to stdin).
 */
export function runCommand(cmd, args = [], opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, ...opts.env },
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    if (opts.input !== undefined) child.stdin.end(opts.input)
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeout ?? 600_000)
    child.on('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) return resolve({ stdout, stderr })
      const why = signal ? `killed by ${signal}` : `exit ${code}`
      reject(new Error(`${[cmd, ...args].join(' ')}: ${why}\n${(stderr || stdout).trim()}`))
    })
  })
}

/**
 * Times each command `runs` times, interleaved (a, b, c, a, b, c, ...), after `warmup` untimed rounds
 * (default 0), and returns `{ name: medianMs }`. A command is either a function (its returned promise is
 * awaited; if it returns `{ cmd, args, cwd, env }` that process is run and timed too) or such an object.
 * Prints one line per command: median, min and max.
 */
export async function timeRuns(label, cmds, { runs = 5, warmup = 0, quiet = false } = {}) {
  const names = Object.keys(cmds)
  const samples = Object.fromEntries(names.map((n) => [n, []]))
  for (let round = 0; round < warmup + runs; round++) {
    for (const name of names) {
      const ms = await timeOne(cmds[name])
      if (round >= warmup) samples[name].push(ms)
    }
  }
  const medians = Object.fromEntries(names.map((n) => [n, median(samples[n])]))
  if (!quiet) {
    console.log(`\n${label} (median of ${runs} interleaved runs${warmup ? `, after ${warmup} warm-up` : ''})`)
    const width = Math.max(...names.map((n) => n.length))
    for (const name of names) {
      const s = samples[name]
      console.log(
        `  ${name.padEnd(width)}  ${formatMs(medians[name]).padStart(9)}   (min ${formatMs(Math.min(...s))}, max ${formatMs(Math.max(...s))})`,
      )
    }
  }
  return medians
}

/**
 * Installs Marp CLI and reveal-md ONCE into `.bench/tools` (reused by later runs), without any browser
 * download, and returns the paths of their binaries `{ marp, revealMd }`.
 */
export async function installCompetitors() {
  const dir = path.join(BENCH_DIR, 'tools')
  const bins = { marp: path.join(dir, 'node_modules', '.bin', 'marp'), revealMd: path.join(dir, 'node_modules', '.bin', 'reveal-md') }
  if ((await exists(bins.marp)) && (await exists(bins.revealMd))) return bins
  console.log(`installing ${Object.values(COMPETITORS).join(' and ')} into ${path.relative(ROOT, dir)}/ (once)…`)
  await mkdir(dir, { recursive: true })
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'diapo-bench-tools', private: true }, null, 2))
  // --omit=optional: reveal-md's optional puppeteer (only for its --print) is not wanted.
  await runCommand('npm', ['install', '--no-audit', '--no-fund', '--omit=optional', '--loglevel=error', ...Object.values(COMPETITORS)], {
    cwd: dir,
    env: QUIET_ENV,
  })
  return bins
}

/**
 * Writes a Markdown deck of `slideCount` slides into `dir/deck.md` and returns its path: a heading on every
 * slide, lists, and every few slides a table or a code block, speaker notes (`Note:`). One file with `---`
 * between slides and front matter `marp: true`, so diapo, Marp and reveal-md all read it unchanged.
 */
export async function generateDeck(dir, slideCount) {
  await mkdir(dir, { recursive: true })
  const slides = Array.from({ length: slideCount }, (_, i) => generateSlide(i + 1))
  const front = `---\nmarp: true\ntitle: "Banc d'essai : ${slideCount} diapositives"\nlang: fr\n---\n\n`
  const file = path.join(dir, 'deck.md')
  await writeFile(file, front + slides.join('\n\n---\n\n') + '\n')
  return file
}

/**
 * Prints a table of ratios against their targets with PASS/MISS and records the rows for the summary of
 * `scripts/bench.mjs`. A row: `{ what, ratio, target, cmp: '<=' | '>=' }`. Returns true when all pass.
 */
export function report(rows) {
  const checked = rows.map((row) => ({ ...row, cmp: row.cmp ?? '<=', pass: passes(row) }))
  reported.push(...checked)
  printRows(checked)
  return checked.every((r) => r.pass)
}

/** Every row given to `report` so far (for the final summary). */
export function reportedRows() {
  return [...reported]
}

/** Prints rows as a table, without recording them. */
export function printRows(rows) {
  if (rows.length === 0) return
  const width = Math.max(...rows.map((r) => r.what.length))
  for (const r of rows) {
    const pass = r.pass ?? passes(r)
    const ratio = Number.isFinite(r.ratio) ? r.ratio.toFixed(2) : String(r.ratio)
    console.log(`  ${r.what.padEnd(width)}  ${ratio.padStart(6)}  target ${r.cmp ?? '<='} ${r.target}  ${pass ? 'PASS' : 'MISS'}`)
  }
}

/** `1234.5` → `1.23 s`, `87.2` → `87 ms`. */
export function formatMs(ms) {
  if (!Number.isFinite(ms)) return String(ms)
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`
}

// --- internal ---

async function timeOne(command) {
  const started = performance.now()
  let spec = command
  if (typeof command === 'function') spec = await command()
  if (spec && typeof spec === 'object' && typeof spec.cmd === 'string') {
    await runCommand(spec.cmd, spec.args ?? [], { cwd: spec.cwd, env: spec.env, timeout: spec.timeout })
  }
  return performance.now() - started
}

function passes({ ratio, target, cmp = '<=' }) {
  if (!Number.isFinite(ratio)) return false
  return cmp === '>=' ? ratio >= target : cmp === '<' ? ratio < target : cmp === '>' ? ratio > target : ratio <= target
}

async function exists(file) {
  return access(file).then(
    () => true,
    () => false,
  )
}

// prettier-ignore
const WORDS = [
  'association', 'logiciel', 'libre', 'données', 'hébergement', 'courriel', 'agenda', 'partage', 'bénévoles',
  'confidentialité', 'sauvegarde', 'formation', 'adhérents', 'visioconférence', 'tableur', 'réseau',
]

function phrase(seed, length) {
  return Array.from({ length }, (_, k) => WORDS[(seed * 7 + k * 3) % WORDS.length]).join(' ')
}

/** Slide `n`: a heading and a list; every 5th a table, every 5th (offset) a code block; notes on most. */
function generateSlide(n) {
  const parts = [`## ${n}. ${capitalize(phrase(n, 3))}`]
  parts.push(`Pourquoi changer : ${phrase(n + 1, 8)} ? Parce que « ${phrase(n + 2, 4)} » !`)
  parts.push([1, 2, 3, 4].map((k) => `- ${capitalize(phrase(n + k, 5))} : **${WORDS[(n + k) % WORDS.length]}**`).join('\n'))
  if (n % 5 === 0) {
    parts.push(
      [
        '| Outil | Alternative libre | Hébergement |',
        '|---|---|---|',
        ...[0, 1, 2].map((k) => `| ${WORDS[(n + k) % 16]} | ${WORDS[(n + k + 5) % 16]} | ${WORDS[(n + k + 9) % 16]} |`),
      ].join('\n'),
    )
  }
  if (n % 5 === 3) {
    parts.push(
      [
        '```js',
        `// diapositive ${n}`,
        `export function total${n}(items) {`,
        '  return items.reduce((sum, x) => sum + x.count, 0)',
        '}',
        '```',
      ].join('\n'),
    )
  }
  if (n % 3 !== 0) parts.push(`Note:\nPrésentez ${phrase(n + 3, 6)} ; demandez à la salle : « ${phrase(n, 3)} ? »`)
  return parts.join('\n\n')
}

function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
