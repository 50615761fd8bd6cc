import { describe, expect, it } from 'vitest'

import { collectLinks } from '../../../src/export/links.js'
import type { RenderedDeck, RenderedSlide } from '../../../src/types.js'

function slide(html: string, links: RenderedSlide['links'] = [], notesHtml = ''): RenderedSlide {
  return { loc: { file: 'a.md', line: 1 }, section: 'a', html, notesHtml, attributes: {}, assets: [], links }
}

function deck(...stacks: RenderedSlide[][]): RenderedDeck {
  return { meta: { lang: 'fr' }, stacks: stacks.map((slides) => ({ slides })) }
}

describe('collectLinks', () => {
  it('numbers slides as the deck shows them, vertical slides included', () => {
    const links = collectLinks(
      deck([slide('')], [slide(''), slide('', [{ href: 'https://a.org', text: 'A' }])], [slide('', [{ href: 'https://b.org', text: 'B' }])]),
    )
    expect(links).toEqual([
      { href: 'https://a.org', text: 'A', slides: [3] },
      { href: 'https://b.org', text: 'B', slides: [4] },
    ])
  })

  it('lists a link once with every slide it appears on, in order of first appearance', () => {
    const a = { href: 'https://a.org', text: 'A' }
    const links = collectLinks(deck([slide('', [a, a])], [slide('', [{ href: 'https://b.org', text: 'B' }])], [slide('', [a])]))
    expect(links.map((l) => [l.href, l.slides])).toEqual([
      ['https://a.org', [1, 3]],
      ['https://b.org', [2]],
    ])
  })

  it('finds the links of raw HTML in slides and notes, decoding entities', () => {
    const links = collectLinks(
      deck([slide('<p><a class="x" href="https://e.org/?a=1&amp;b=2">Raw <b>link</b></a></p>', [], '<a href="mailto:x@e.org">mail</a>')]),
    )
    expect(links).toEqual([
      { href: 'https://e.org/?a=1&b=2', text: 'Raw link', slides: [1] },
      { href: 'mailto:x@e.org', text: 'mail', slides: [1] },
    ])
  })

  it('leaves out local links and fragments', () => {
    expect(collectLinks(deck([slide('<a href="handout.pdf">PDF</a> <a href="#/2">2</a>')]))).toEqual([])
  })
})
