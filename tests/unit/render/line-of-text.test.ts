import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { compileDeck } from '../../../src/compile.js'
import { lineOfText } from '../../../src/render/deck.js'

describe('lineOfText', () => {
  it('finds a dead link below a template loop at its own line, as the build does', async () => {
    // Six tools rendered by {{#each}} above the link (the same deck diapo check is tested with).
    const fixture = path.resolve('tests/fixtures/decks/template-loop/slides.md')
    const lines = (await readFile(fixture, 'utf8')).split('\n')
    const { deck } = await compileDeck({ cwd: path.dirname(fixture), deck: 'slides.md' })
    const slide = deck.stacks[0]!.slides[0]!
    expect(slide.markdown).toContain('- Zoom')
    expect(lineOfText(slide, 'docs/programme.pdf')).toBe(lines.indexOf('Voir [le programme](docs/programme.pdf)') + 1)
    expect(lineOfText(slide, 'six outils')).toBe(13)
  })
})
