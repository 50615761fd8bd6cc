import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DeckError } from '../../../src/errors.js'
import { loadDeckSources, parseDeck, type RawSourceFile, sectionIdOf } from '../../../src/parse/deck.js'

const source = (file: string, text: string): RawSourceFile => ({ file, id: sectionIdOf(file), text })

describe('sectionIdOf', () => {
  it('drops the leading number and the extension of the file name', () => {
    expect(sectionIdOf('/d/02-revolution.md')).toBe('revolution')
    expect(sectionIdOf('slides/10_conclusion.md')).toBe('conclusion')
    expect(sectionIdOf('01. titre.md')).toBe('titre')
    expect(sectionIdOf('annexe.md')).toBe('annexe')
  })
})

describe('parseDeck', () => {
  it('takes the deck settings from the first file and the section of each slide from its file', () => {
    const deck = parseDeck([
      source('/d/01-titre.md', '---\ntitle: Atelier\nlang: fr\n---\n# Atelier\n'),
      source('/d/02-outils.md', '---\ntitle: ignored\n---\n# Outils\n\n---\n\n# Plus\n'),
    ])
    expect(deck.meta).toEqual({ title: 'Atelier', lang: 'fr' })
    expect(deck.stacks.map((s) => s.slides[0]!.section)).toEqual(['titre', 'outils', 'outils'])
    expect(deck.stacks.map((s) => s.slides[0]!.loc)).toEqual([
      { file: '/d/01-titre.md', line: 5 },
      { file: '/d/02-outils.md', line: 4 },
      { file: '/d/02-outils.md', line: 8 },
    ])
  })

  it('lets a file choose its section id in front matter', () => {
    const deck = parseDeck([source('/d/01-a.md', '---\nid: accueil\n---\n# A')])
    expect(deck.stacks[0]!.slides[0]!.section).toBe('accueil')
    expect(deck.files[0]!.id).toBe('accueil')
  })

  it('applies the first file separators to the whole deck', () => {
    const deck = parseDeck([
      source('/d/01-a.md', '---\nseparator: "^\\\\*\\\\*\\\\*$"\n---\n# A\n\n***\n\n# B\n'),
      source('/d/02-b.md', '# C\n\n***\n\n# D\n'),
    ])
    expect(deck.stacks).toHaveLength(4)
  })

  it('rejects a deck without any slide, at its first file', () => {
    expect(() => parseDeck([source('/d/01-a.md', '---\ntitle: Vide\n---\n\n'), source('/d/02-b.md', '\n---\n')])).toThrowError(
      expect.objectContaining({
        code: 'E_DECK',
        message: 'the deck has no slide',
        detail: expect.objectContaining({ loc: { file: '/d/01-a.md', line: 1 } }),
      }),
    )
  })

  it('rejects a title that is not text, at its line', () => {
    expect(() => parseDeck([source('/d/01-a.md', '---\nlang: fr\ntitle: [a, b]\n---\n# A')])).toThrowError(
      expect.objectContaining({
        code: 'E_FRONTMATTER',
        message: expect.stringMatching(/"title" must be text, not a list/),
        detail: expect.objectContaining({ loc: { file: '/d/01-a.md', line: 3 } }),
      }),
    )
  })

  it('rejects an invalid separator at the line of the file that sets it', () => {
    const sources = [source('/d/01-a.md', '# A'), source('/d/02-b.md', '---\nid: b\nverticalSeparator: "^(--"\n---\n# B')]
    expect(() => parseDeck(sources)).toThrowError(
      expect.objectContaining({
        message: expect.stringMatching(/"verticalSeparator" is not a valid regular expression/),
        detail: expect.objectContaining({ loc: { file: '/d/02-b.md', line: 3 } }),
      }),
    )
  })
})

describe('loadDeckSources', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'diapo-unit-'))
    await writeFile(path.join(dir, '10-fin.md'), '# Fin')
    await writeFile(path.join(dir, '02-milieu.md'), '# Milieu')
    await writeFile(path.join(dir, 'notes.txt'), 'not a slide')
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('reads the .md files of a folder in name order', async () => {
    const sources = await loadDeckSources(dir)
    expect(sources.map((s) => path.basename(s.file))).toEqual(['02-milieu.md', '10-fin.md'])
    expect(sources.map((s) => s.id)).toEqual(['milieu', 'fin'])
  })

  it('reports a deck that does not exist, with a hint', async () => {
    const err = await loadDeckSources(path.join(dir, 'nowhere')).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DeckError)
    expect((err as DeckError).message).toMatch(/deck not found/)
    expect((err as DeckError).detail.hint).toMatch(/\.md/)
  })

  it('reports a folder without .md files', async () => {
    const empty = await mkdtemp(path.join(dir, 'empty-'))
    await expect(loadDeckSources(empty)).rejects.toThrowError(/no \.md file/)
  })
})
