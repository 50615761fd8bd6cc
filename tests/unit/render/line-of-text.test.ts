import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { lineOfText } from '../../../src/render/deck.js'
import { compileDeck } from '../../../src/compile.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'diapo-line-of-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('lineOfText', () => {
  it('finds a dead link below a template loop at its own line, as the build does', async () => {
    const lines = [
      '---',
      'outils: [Excel, WhatsApp, Gmail, Doodle, Dropbox, Zoom]',
      '---',
      '',
      '## Vos outils',
      '',
      '{{#each deck.outils}}',
      '- {{this}}',
      '{{/each}}',
      '',
      'Voir [le programme](docs/programme.pdf)',
      '',
      'Note: six outils',
    ]
    await writeFile(path.join(dir, 'slides.md'), `${lines.join('\n')}\n`)
    const { deck } = await compileDeck({ cwd: dir, deck: 'slides.md' })
    const slide = deck.stacks[0]!.slides[0]!
    expect(slide.markdown).toContain('- Zoom')
    expect(lineOfText(slide, 'docs/programme.pdf')).toBe(lines.indexOf('Voir [le programme](docs/programme.pdf)') + 1)
    expect(lineOfText(slide, 'six outils')).toBe(13)
  })
})
