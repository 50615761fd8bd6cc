import { describe, expect, it } from 'vitest'

import { deckTiming, loadNotesTemplate, notesMessages, renderNotes } from '../../../src/export/notes.js'
import type { RenderedDeck, RenderedSlide } from '../../../src/types.js'

function slide(n: number, extra: Partial<RenderedSlide> = {}): RenderedSlide {
  return {
    loc: { file: 'a.md', line: n },
    section: 'a',
    html: `<h2>Titre ${n}</h2>`,
    notesHtml: `<p>Note ${n}</p>`,
    attributes: {},
    assets: [],
    links: [],
    ...extra,
  }
}

const DECK: RenderedDeck = {
  meta: { lang: 'fr', title: 'Mon atelier', author: 'Camille' },
  stacks: [
    {
      slides: [
        slide(1, {
          section: 'intro',
          notesHtml: '<p><strong>Accueil (~2 min).</strong> Bonjour.</p>',
          attributes: { class: 'title-slide', 'data-background-color': '#123456' },
        }),
      ],
    },
    {
      slides: [slide(2, { section: 'fond', notesHtml: '<p>Première partie (~ 6 min) : le contexte.</p>' }), slide(3, { section: 'fond' })],
    },
    { slides: [slide(4, { section: 'fin' })] },
  ],
}

describe('renderNotes', async () => {
  const template = await loadNotesTemplate()
  const html = await renderNotes(DECK, { template })

  it('puts three slides a page, each beside its number, planned time and notes', () => {
    const pages = html.split('<div class="handout-page">').slice(1)
    expect(pages).toHaveLength(2)
    expect(pages[0]!.match(/class="handout-row"/g)).toHaveLength(3)
    expect(pages[1]!.match(/class="handout-row"/g)).toHaveLength(1)
    expect(html).toContain('Diapositive 1 <span class="handout-time">· ~2 min</span></p>')
    expect(html).toContain('Diapositive 3</p>')
    for (const n of [3, 4]) expect(html).toContain(`<p>Note ${n}</p>`)
  })

  it('opens with the planned time of each part and the total', () => {
    const timing = html.split('class="handout-page notes-timing"')[1]!.split('class="handout-page"')[0]!
    expect(timing).toContain('<tr><td>Titre 1</td><td>1</td><td class="time">~2 min</td></tr>')
    expect(timing).toContain('<tr><td>Titre 2</td><td>2–3</td><td class="time">~6 min</td></tr>')
    expect(timing).toContain('<tr><td>Titre 4</td><td>4</td><td class="time">—</td></tr>')
    expect(timing).toContain('<td class="time">~8 min</td>')
  })

  it('has no timing page when no note gives a time', () => {
    const plain = { ...DECK, stacks: [{ slides: [slide(1)] }] }
    expect(deckTiming(plain)).toEqual({ parts: [], total: 0 })
  })

  it('keeps slide attributes on the section and the background on the frame', () => {
    expect(html).toContain('<section class="title-slide"><h2>Titre 1</h2></section>')
    expect(html).toContain('style="background: #123456"')
  })

  it('puts two slides a page with their notes below when asked', async () => {
    const two = await renderNotes(DECK, { template, perPage: 2 })
    expect(two.split('<div class="handout-page">')).toHaveLength(3)
    expect(two).toContain('flex-direction: column;')
  })

  it('speaks the deck language', async () => {
    const en = await renderNotes({ ...DECK, meta: { ...DECK.meta, lang: 'en-GB' } }, { template })
    expect(en).toContain('Slide 4</p>')
    expect(en).toContain('<h1>Planned timing</h1>')
    expect(notesMessages('de').speakerCopy).toBe("Speaker's notes")
  })
})
