// The pictures of the layouts in the README (docs/layouts/*.png), made from a real build of the fixture
// deck that uses every layout (tests/fixtures/decks/layouts). Run after `npm run compile`:
//
//   node scripts/layout-pictures.mjs            # → docs/layouts/<layout>.png, 480 px wide
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { screenshotDeck } from './screenshots.mjs'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const DECK = path.join(ROOT, 'tests', 'fixtures', 'decks', 'layouts')
const OUT = path.join(ROOT, 'docs', 'layouts')
/** The picture of each slide of the fixture deck, in order (slide 7, the white photo of the scrim test, is left out). */
const NAMES = [
  'title-slide',
  'section-title',
  'statement',
  'quote',
  'image-right',
  'image-left',
  null,
  'photo',
  'columns',
  'cards',
  'closing',
]
const WIDTH = 480

const tmp = await mkdtemp(path.join(os.tmpdir(), 'diapo-layouts-'))
try {
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'diapo.js'), 'build', DECK, '--out', path.join(tmp, 'deck')], { stdio: 'inherit' })
  const shots = await screenshotDeck(path.join(tmp, 'deck'), path.join(tmp, 'shots'), { sheet: false })
  if (shots.length !== NAMES.length) throw new Error(`expected ${NAMES.length} slides in ${DECK}, found ${shots.length}`)
  await mkdir(OUT, { recursive: true })
  for (const [i, file] of shots.entries()) {
    const name = NAMES[i]
    if (!name) continue
    // Small pictures: 480 px wide, 96 colours, no metadata.
    execFileSync('convert', [file, '-resize', `${WIDTH}x`, '-strip', '-colors', '96', `PNG8:${file}`])
    await rename(file, path.join(OUT, `${name}.png`))
  }
  console.log(`${NAMES.filter(Boolean).length} pictures → ${path.relative(ROOT, OUT)}/`)
} finally {
  await rm(tmp, { recursive: true, force: true })
}
