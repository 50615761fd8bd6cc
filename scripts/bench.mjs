#!/usr/bin/env node
// `npm run bench [-- part...]`: runs the benchmark parts in scripts/bench/ (html, pdf, profiles, dev; all by
// default), then prints every ratio with its target and PASS/MISS. A part is a module that either exports a
// function (`default` or `run`, called with `{ args }`, that may return rows for `report`) or does its work when
// imported; either way it reports its ratios through `report()` from scripts/bench/lib.mjs.
//
// Figures are printed, never written anywhere as results: they depend on the machine and its load.
import { access } from 'node:fs/promises'
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'

import { formatMs, printRows, report, reportedRows } from './bench/lib.mjs'

const PARTS = ['html', 'pdf', 'pdfs', 'profiles', 'dev', 'browsers']

const args = process.argv.slice(2)
if (args.includes('--help') || args.includes('-h')) {
  console.log(`usage: node scripts/bench.mjs [part...]   parts: ${PARTS.join(', ')} (all by default)`)
  process.exit(0)
}
const wanted = args.filter((a) => !a.startsWith('-'))
const unknown = wanted.filter((p) => !PARTS.includes(p))
if (unknown.length > 0) {
  console.error(`unknown bench part: ${unknown.join(', ')} (known: ${PARTS.join(', ')})`)
  process.exit(1)
}

const started = performance.now()
console.log(
  `diapo bench on ${os.cpus().length} CPU(s), Node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
)
const failed = []
const skipped = []
for (const part of wanted.length > 0 ? wanted : PARTS) {
  const file = new URL(`./bench/${part}.mjs`, import.meta.url)
  if (
    !(await access(file).then(
      () => true,
      () => false,
    ))
  ) {
    skipped.push(part)
    console.log(`\n== ${part}: skipped (scripts/bench/${part}.mjs does not exist yet)`)
    continue
  }
  console.log(`\n== ${part}`)
  const before = reportedRows().length
  try {
    const mod = await import(pathToFileURL(file.pathname).href)
    const run = typeof mod.default === 'function' ? mod.default : mod.run
    const rows = typeof run === 'function' ? await run({ args: wanted }) : undefined
    // Rows returned but not given to report() yet.
    if (Array.isArray(rows) && reportedRows().length === before && rows.length > 0) report(rows)
  } catch (err) {
    failed.push(part)
    console.error(`\n${part} failed:`, err)
  }
}

console.log(`\n== summary (${formatMs(performance.now() - started)})`)
const rows = reportedRows()
printRows(rows)
if (skipped.length) console.log(`  skipped: ${skipped.join(', ')}`)
if (failed.length) console.log(`  FAILED: ${failed.join(', ')}`)
const missed = rows.filter((r) => !r.pass).length
console.log(`  ${rows.length - missed} PASS, ${missed} MISS`)
// A missed target is a figure to look at, not a crash; a part that failed to run is an error.
process.exitCode = failed.length > 0 ? 1 : 0
