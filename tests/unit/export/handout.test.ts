import { describe, expect, it } from 'vitest'

import { handoutMessages, loadHandoutTemplate, renderHandout, renderHandoutHeaderFooter } from '../../../src/export/handout.js'
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
    { slides: [slide(1, { attributes: { class: 'title-slide', 'data-background-color': '#123456' } })] },
    { slides: [slide(2), slide(3, { links: [{ href: 'https://framasoft.org', text: 'Framasoft' }] })] },
    { slides: [slide(4, { links: [{ href: 'https://framasoft.org', text: 'Framasoft' }] })] },
  ],
}

describe('renderHandout', async () => {
  const template = await loadHandoutTemplate()
  const html = renderHandout(DECK, { template })

  it('puts three slides a page, each with its number and notes', () => {
    const pages = html.split('<div class="handout-page">').slice(1)
    expect(pages).toHaveLength(2)
    expect(pages[0]!.match(/class="handout-row"/g)).toHaveLength(3)
    expect(pages[1]!.match(/class="handout-row"/g)).toHaveLength(1)
    for (const n of [1, 2, 3, 4]) {
      expect(html).toContain(`Diapositive ${n}</p>`)
      expect(html).toContain(`<p>Note ${n}</p>`)
    }
  })

  it('keeps slide attributes on the section and the background on the frame', () => {
    expect(html).toContain('<section class="title-slide"><h2>Titre 1</h2></section>')
    expect(html).toContain('style="background: #123456"')
  })

  it('ends with a Liens page listing each link with its slides', () => {
    const links = html.split('class="handout-page handout-links"')[1]!
    expect(links).toContain('<h1>Liens</h1>')
    expect(links).toContain('<a href="https://framasoft.org">Framasoft</a> — <a href="https://framasoft.org">https://framasoft.org</a>')
    expect(links).toContain('(diapositives 3, 4)')
  })

  it('has no links page when the talk has no link', () => {
    const none = renderHandout({ ...DECK, stacks: [{ slides: [slide(1)] }] }, { template })
    expect(none).not.toContain('class="handout-page handout-links"')
  })

  it('puts two slides a page with their notes below when asked', () => {
    const two = renderHandout(DECK, { template, perPage: 2 })
    expect(two.split('<div class="handout-page">')).toHaveLength(3)
    expect(two).toContain('flex-direction: column;')
  })

  it('speaks the deck language', () => {
    const en = renderHandout({ ...DECK, meta: { ...DECK.meta, lang: 'en-GB' } }, { template })
    expect(en).toContain('Slide 1</p>')
    expect(en).toContain('<h1>Links</h1>')
    expect(handoutMessages('de').links).toBe('Links')
  })
})

describe('renderHandoutHeaderFooter', () => {
  it('shows the escaped title and author, and "n / total"', () => {
    const { headerTemplate, footerTemplate } = renderHandoutHeaderFooter('Outils <libres>', 'Camille')
    expect(headerTemplate).toContain('Outils &lt;libres&gt; — Camille')
    expect(footerTemplate).toContain('<span class="pageNumber"></span> / <span class="totalPages"></span>')
  })
})
