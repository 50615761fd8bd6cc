import { describe, expect, it } from 'vitest'

import { collectLinks, displayAddress, linkKey } from '../../../src/export/links.js'
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
      deck(
        [slide('')],
        [slide(''), slide('', [{ href: 'https://a.org', text: 'A' }])],
        [slide('', [{ href: 'https://b.org', text: 'B' }])],
      ),
    )
    expect(links.map(({ href, slides }) => [href, slides])).toEqual([
      ['https://a.org', [3]],
      ['https://b.org', [4]],
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
    expect(links.map(({ href, text, slides }) => ({ href, text, slides }))).toEqual([
      { href: 'https://e.org/?a=1&b=2', text: 'Raw link', slides: [1] },
      { href: 'mailto:x@e.org', text: 'mail', slides: [1] },
    ])
  })

  it('lists once the addresses that lead to the same page, https and the described text first', () => {
    const links = collectLinks(
      deck(
        [slide('<h2>Le blog</h2>', [{ href: 'http://blog.example.org/', text: 'http://blog.example.org/' }])],
        [
          slide('', [
            { href: 'https://www.blog.example.org', text: 'notre blog' },
            { href: 'mailto:Contact@Example.org', text: 'Contact@Example.org' },
          ]),
        ],
        [
          slide('<a href="mailto:contact@example.org">écrire</a>', [
            { href: 'https://blog.EXAMPLE.org/', text: 'https://blog.EXAMPLE.org/' },
          ]),
        ],
      ),
    )
    expect(links.map(({ href, text, slides, slideTitle }) => ({ href, text, slides, slideTitle }))).toEqual([
      { href: 'https://www.blog.example.org', text: 'notre blog', slides: [1, 2, 3], slideTitle: 'Le blog' },
      { href: 'mailto:Contact@Example.org', text: 'écrire', slides: [2, 3], slideTitle: 'Diapositive 2' },
    ])
  })

  it('keeps apart pages that differ by their path or query', () => {
    expect(linkKey('https://a.org/x/')).toBe(linkKey('http://www.a.org/x'))
    expect(linkKey('https://a.org/x')).not.toBe(linkKey('https://a.org/y'))
    expect(linkKey('https://a.org/?p=1')).not.toBe(linkKey('https://a.org/?p=2'))
  })

  it('shows an address as people type it: no scheme, no trailing slash, mailto: as the e-mail address', () => {
    expect(displayAddress('https://blog.libere-ton-ordi.com/')).toBe('blog.libere-ton-ordi.com')
    expect(displayAddress('mailto:contact%40x.org?subject=Bonjour')).toBe('contact@x.org')
  })

  it('leaves out local links and fragments', () => {
    expect(collectLinks(deck([slide('<a href="handout.pdf">PDF</a> <a href="#/2">2</a>')]))).toEqual([])
  })
})
