import { describe, expect, it } from 'vitest'

import { deckOutline, deckSections, slideTitle } from '../../../src/export/outline.js'
import type { RenderedDeck, RenderedSlide } from '../../../src/types.js'

function slide(section: string, html: string): RenderedSlide {
  return { loc: { file: `${section}.md`, line: 1 }, section, html, notesHtml: '', attributes: {}, assets: [], links: [] }
}

const DECK: RenderedDeck = {
  meta: { lang: 'fr' },
  stacks: [
    { slides: [slide('titre', '<h1>Atelier</h1><h2>Sous-titre</h2>')] },
    { slides: [slide('donnees', '<h2>Où sont vos données ? (1/2)</h2>'), slide('donnees', '<h2>Où sont vos données ? (2/2)</h2>')] },
    { slides: [slide('fin', '<p><strong>Vous utilisez les outils numériques&#8230;</strong></p>')] },
    { slides: [slide('fin', '<img src="a.png">')] },
  ],
}

describe('deckSections', () => {
  it("names each part by its first slide, without a continued slide's (1/2)", () => {
    expect(deckSections(DECK).map((s) => [s.id, s.title, s.slides.map((x) => x.number)])).toEqual([
      ['titre', 'Atelier', [1]],
      ['donnees', 'Où sont vos données ?', [2, 3]],
      ['fin', 'Vous utilisez les outils numériques…', [4, 5]],
    ])
  })
})

describe('deckOutline', () => {
  it('gives sections, then the titles of their other slides, where the target says', () => {
    const outline = deckOutline(DECK, (n) => (n === 5 ? undefined : { page: n - 1 }))
    expect(outline).toEqual([
      { title: 'Atelier', page: 0 },
      { title: 'Où sont vos données ?', page: 1, children: [{ title: 'Où sont vos données ? (2/2)', page: 2 }] },
      { title: 'Vous utilisez les outils numériques…', page: 3 },
    ])
  })
})

describe('slideTitle', () => {
  it('takes the first heading, else the first text, else the slide number in the deck language', () => {
    expect(slideTitle({ html: '<h3>Trois <em>mots</em></h3>' }, 1, 'fr')).toBe('Trois mots')
    expect(slideTitle({ html: `<p>${'mot '.repeat(30)}</p>` }, 1, 'fr')).toMatch(/^mot mot .{50,}…$/)
    expect(slideTitle({ html: '<img src="a.png">' }, 7, 'fr')).toBe('Diapositive 7')
    expect(slideTitle({ html: '' }, 7, 'en')).toBe('Slide 7')
  })
})
