// Three PDFs part of the bench (issue 12, "Speed"): `diapo build --pdf` of the default deck writing
// slides.pdf, handout.pdf and notes.pdf, beside the same command of the last revision that wrote two
// (slides.pdf and a handout that was the speaker's copy), interleaved in one run. The baseline is
// checked out into a temporary git worktree, sharing this clone's node_modules, and compiled there.
//
//   node scripts/bench.mjs pdfs      BENCH_RUNS=N timed runs (default 7); BENCH_BASE=<commit> the baseline
import { mkdtemp, rm, symlink } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { DIAPO_BIN, report, ROOT, runCommand, timeRuns } from './lib.mjs'

const RUNS = Number(process.env.BENCH_RUNS) || 7
/** The last revision before issue 12: `build --pdf` wrote two PDFs. */
const BASE = process.env.BENCH_BASE || '67d8fa3'

export default async function run() {
  const work = await mkdtemp(path.join(os.tmpdir(), 'diapo-bench-pdfs-'))
  const base = path.join(work, 'base')
  try {
    await runCommand('git', ['worktree', 'add', '--detach', base, BASE])
    await symlink(path.join(ROOT, 'node_modules'), path.join(base, 'node_modules'))
    await runCommand('npm', ['run', 'compile'], { cwd: base })
    const deck = path.join(ROOT, 'slides')
    const build = (bin, out) => ({
      cmd: process.execPath,
      args: [bin, 'build', deck, '--pdf', '--out', path.join(work, out)],
      env: { CI: '1' },
    })
    const t = await timeRuns(
      'build --pdf, default deck',
      { [`two PDFs (${BASE})`]: build(path.join(base, 'bin', 'diapo.js'), 'two'), 'three PDFs (this tree)': build(DIAPO_BIN, 'three') },
      { runs: RUNS, warmup: 1 },
    )
    const rows = [
      {
        what: 'build --pdf default deck: three PDFs / two before',
        ratio: t['three PDFs (this tree)'] / t[`two PDFs (${BASE})`],
        target: 1.3,
      },
    ]
    report(rows)
    return rows
  } finally {
    await runCommand('git', ['worktree', 'remove', '--force', base]).catch(() => undefined)
    await rm(work, { recursive: true, force: true })
  }
}

// `node scripts/bench/pdfs.mjs` runs this part alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run()
