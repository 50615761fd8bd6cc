import { describe, expect, it } from 'vitest'

import { deckTitle } from '../../../src/render/page.js'
import type { RenderedDeck } from '../../../src/types.js'

function deckWith(html: string, title?: string): RenderedDeck {
  const slide = { loc: { file: 'a.md', line: 1 }, section: 'a', html, notesHtml: '', attributes: {}, assets: [], links: [] }
  return { meta: { lang: 'fr', ...(title ? { title } : {}) }, stacks: [{ slides: [slide] }] }
}

describe('deckTitle', () => {
  it('takes the front matter title first', () => {
    expect(deckTitle(deckWith('<h1>Autre</h1>', 'Atelier'))).toBe('Atelier')
  })

  it('falls back to the first heading as plain text, entities decoded', () => {
    expect(deckTitle(deckWith('<h2>Libre <em>&amp;</em> éthique</h2>'))).toBe('Libre & éthique')
  })

  it('is "Diapo" for a deck without title or heading', () => {
    expect(deckTitle(deckWith('<p>texte</p>'))).toBe('Diapo')
  })
})
