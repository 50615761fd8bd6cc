import { describe, expect, it } from 'vitest'

import { findMissingGlyphs, parseUnicodeRange } from '../../../src/export/glyphs.js'
import type { RenderedDeck, RenderedSlide } from '../../../src/types.js'

function slide(line: number, extra: Partial<RenderedSlide>): RenderedSlide {
  return { loc: { file: 'a.md', line }, section: 'a', html: '', notesHtml: '', attributes: {}, assets: [], links: [], ...extra }
}

describe('parseUnicodeRange', () => {
  it('reads ranges, single code points and wildcards, as Vite minifies them', () => {
    expect(parseUnicodeRange('U+??,U+131,U+152-153,U+2000-206F')).toEqual([
      [0, 0xff],
      [0x131, 0x131],
      [0x152, 0x153],
      [0x2000, 0x206f],
    ])
  })
})

describe('findMissingGlyphs', () => {
  const ranges = parseUnicodeRange('U+0000-00FF,U+2000-206F')
  it("names the characters no font draws, slide by slide, in the slide, its notes and its attendees' text", () => {
    const deck: RenderedDeck = {
      meta: { lang: 'fr' },
      stacks: [
        { slides: [slide(1, { html: '<h2>« Bien » – déjà…</h2>' })] },
        { slides: [slide(5, { html: '<p>Avant &#8594; après</p>', notesHtml: '<p>🌱</p>', handoutHtml: '<p>→ ✓</p>' })] },
      ],
    }
    expect(findMissingGlyphs(deck, ranges)).toEqual([{ loc: { file: 'a.md', line: 5 }, chars: ['→', '🌱', '✓'] }])
  })

  it('leaves out what is not printed as text: tags, attributes, inline SVG', () => {
    const deck: RenderedDeck = {
      meta: { lang: 'fr' },
      stacks: [{ slides: [slide(1, { html: '<img alt="→"><svg><text>✓</text></svg>' })] }],
    }
    expect(findMissingGlyphs(deck, ranges)).toEqual([])
  })
})
