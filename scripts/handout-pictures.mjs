#!/usr/bin/env node
// Makes the README's pictures of a handout: the cover, a page of slides and the tools table of the
// example profile associations/jardins-partages.yml, as small PNGs in docs/. Needs poppler-utils.
//
//   node scripts/handout-pictures.mjs
import { execFile } from 'node:child_process'
import { mkdtemp, rename, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const ROOT = fileURLToPath(new URL('../', import.meta.url))
/** Width of each picture, in px: readable in the README, a few tens of KB. */
const WIDTH = 520

const work = await mkdtemp(path.join(os.tmpdir(), 'diapo-pictures-'))
try {
  await run(
    process.execPath,
    [path.join(ROOT, 'bin', 'diapo.js'), 'build', '--asso', 'associations/jardins-partages.yml', '--pdf', '--out', work],
    { cwd: ROOT, env: { ...process.env, CI: '1' } },
  )
  const pdf = path.join(work, 'jardins-partages', 'handout.pdf')
  const pages = Number(/^Pages:\s+(\d+)/m.exec((await run('pdfinfo', [pdf])).stdout)[1])
  let table = 0
  for (let page = 2; page <= pages && !table; page++) {
    const { stdout } = await run('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'])
    if (stdout.includes('Alternatives libres et éthiques')) table = page
  }
  const pictures = { 'handout-cover': 1, 'handout-slides': 3, 'handout-table': table }
  for (const [name, page] of Object.entries(pictures)) {
    const base = path.join(work, name)
    await run('pdftoppm', ['-png', '-singlefile', '-scale-to', String(WIDTH), '-f', String(page), '-l', String(page), pdf, base])
    await rename(`${base}.png`, path.join(ROOT, 'docs', `${name}.png`))
    console.log(`docs/${name}.png: page ${page} of ${pages}`)
  }
} finally {
  await rm(work, { recursive: true, force: true })
}
