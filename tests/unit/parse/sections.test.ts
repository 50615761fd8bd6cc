import { describe, expect, it } from 'vitest'

import { parseSource } from '../../../src/parse/deck.js'
import { arrangeSections } from '../../../src/parse/sections.js'
import type { SourceFile } from '../../../src/types.js'

const src = (id: string, text = `## ${id}\n`): SourceFile => parseSource(`/d/${id}.md`, text)

describe('arrangeSections', () => {
  it('leaves out excluded sections and inserts extra files after their section', () => {
    const out = arrangeSections([src('titre'), src('alternatives'), src('references')], {
      exclude: ['references'],
      extras: [{ source: src('nos-projets'), after: 'alternatives' }],
    })
    expect(Array.isArray(out) && out.map((s) => s.id)).toEqual(['titre', 'alternatives', 'nos-projets'])
  })

  it('knows a section by the id of its front matter', () => {
    const out = arrangeSections([src('titre'), src('x', '---\nid: outils\n---\n## Outils\n')], { exclude: ['outils'], extras: [] })
    expect(Array.isArray(out) && out.map((s) => s.id)).toEqual(['titre'])
  })

  it('keeps the front matter of an excluded first section (the deck title and language)', () => {
    const out = arrangeSections([src('titre', '---\ntitle: T\n---\n# Titre\n'), src('fin')], { exclude: ['titre'], extras: [] })
    expect(Array.isArray(out) && [out[0]!.body, out[0]!.frontMatter]).toEqual(['', { title: 'T' }])
  })

  it('returns an unknown id with where the profile wrote it', () => {
    expect(arrangeSections([src('titre')], { exclude: ['titre', 'nope'], extras: [] })).toEqual({
      id: 'nope',
      list: 'exclude',
      index: 1,
      known: ['titre'],
    })
    expect(arrangeSections([src('titre')], { exclude: [], extras: [{ source: src('a'), after: 'x' }] })).toMatchObject({
      id: 'x',
      list: 'extraSlides',
      index: 0,
    })
  })
})
