// Bench part "profiles": building 10 association profiles (with their PDFs) takes at most 4× the time of
// one, because they share one browser and export in parallel pages. Whole-process wall times, interleaved.
//
//   node scripts/bench.mjs profiles        (or, alone: node scripts/bench/profiles.mjs)
import { access, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { DIAPO_BIN, QUIET_ENV, report, ROOT, timeRuns } from './lib.mjs'

const EXAMPLE = path.join(ROOT, 'associations', 'jardins-partages.yml')
const PROFILE_COUNT = 10
const TARGET = 4

const RUNS = Number(process.env.BENCH_RUNS) || 5

/** Runs the part; returns the rows of the summary. */
export async function run({ runs = RUNS } = {}) {
  const work = await mkdtemp(path.join(os.tmpdir(), 'diapo-bench-profiles-'))
  try {
    const { one, all } = await writeProfiles(work)
    // PDFs come with issue 3: measured with --pdf once the build has it, on the HTML alone before.
    const pdf = await hasPdfExport()
    const flags = pdf ? ['--pdf'] : []
    const build = (profiles, out) => ({
      cmd: process.execPath,
      args: [DIAPO_BIN, 'build', path.join(ROOT, 'slides'), ...profiles.flatMap((p) => ['--asso', p]), ...flags, '--out', out],
      cwd: work,
      env: QUIET_ENV,
    })
    const times = await timeRuns(
      `profiles${pdf ? ' with PDFs' : ' (HTML only: --pdf not available yet)'}`,
      {
        one: () => build([one], path.join(work, 'out-one')),
        ten: () => build([all], path.join(work, 'out-ten')),
      },
      { runs },
    )
    console.log(`  1 profile: ${(times.one / 1000).toFixed(2)} s, ${PROFILE_COUNT} profiles: ${(times.ten / 1000).toFixed(2)} s`)
    return [
      {
        what: `${PROFILE_COUNT} profiles${pdf ? ' + PDFs' : ' (HTML only)'} / 1 profile`,
        ratio: times.ten / times.one,
        target: TARGET,
        cmp: '<=',
      },
    ]
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

// --- internal ---

/** Ten copies of the example profile (logo, tools, extra slides), each with its own name. */
async function writeProfiles(work) {
  const dir = path.join(work, 'associations')
  await mkdir(dir, { recursive: true })
  await cp(path.join(ROOT, 'associations', 'jardins-partages'), path.join(dir, 'jardins-partages'), { recursive: true })
  const example = await readFile(EXAMPLE, 'utf8')
  for (let i = 1; i <= PROFILE_COUNT; i++) {
    const text = example.replace(/^name: .*$/m, `name: "Association numéro ${i}"`)
    await writeFile(path.join(dir, `asso-${String(i).padStart(2, '0')}.yml`), text)
  }
  return { one: path.join(dir, 'asso-01.yml'), all: dir }
}

async function hasPdfExport() {
  return access(path.join(ROOT, 'lib', 'export', 'pdf.js')).then(
    () => true,
    () => false,
  )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  report(await run())
}
