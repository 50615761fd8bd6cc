import { describe, expect, it } from 'vitest'

import { numberParts } from '../../../src/render/deck.js'
import { resolveFrame } from '../../../src/render/frame.js'
import type { RenderedSlide } from '../../../src/types.js'
import { deckErrorOf } from '../deck-error.js'

describe('resolveFrame', () => {
  it('gives 1280×720 by default and for 16:9, 960×720 for 4:3', () => {
    expect(resolveFrame(undefined)).toMatchObject({ width: 1280, height: 720 })
    expect(resolveFrame('16:9')).toMatchObject({ width: 1280, height: 720 })
    expect(resolveFrame('4:3')).toMatchObject({ aspect: '4:3', width: 960, height: 720 })
  })

  it('reports an unknown aspect at its front matter line, with the values it takes', () => {
    const err = deckErrorOf(() => resolveFrame('4/3', { file: 'slides/01.md', line: 3 }))
    expect(err.message).toBe('unknown aspect "4/3"')
    expect(err.detail.loc).toEqual({ file: 'slides/01.md', line: 3 })
    expect(err.detail.hint).toContain('"4:3"')
    // YAML 1.1 reads 4:3 as a number in base 60: it is refused too, with the same hint.
    expect(deckErrorOf(() => resolveFrame(243)).message).toBe('unknown aspect 243')
  })
})

describe('numberParts', () => {
  const slide = (cls?: string, part?: string): RenderedSlide => ({
    loc: { file: 'a.md', line: 1 },
    section: 'a',
    html: '',
    notesHtml: '',
    assets: [],
    links: [],
    attributes: { ...(cls ? { class: cls } : {}), ...(part ? { 'data-part': part } : {}) },
  })

  it('numbers the section dividers in deck order, 01, 02..., and keeps a number the slide gives', () => {
    const slides = [
      slide('title-slide'),
      slide('section-title'),
      slide(),
      slide('x section-title'),
      slide('section-title', 'A'),
      slide('section-title'),
    ]
    numberParts(slides)
    expect(slides.map((s) => s.attributes['data-part'])).toEqual([undefined, '01', undefined, '02', 'A', '04'])
    // The number is shown as the divider's first paragraph, text like any other.
    expect(slides.map((s) => /^<p class="diapo-part" aria-hidden="true">([^<]*)<\/p>/.exec(s.html)?.[1])).toEqual([
      undefined,
      '01',
      undefined,
      '02',
      'A',
      '04',
    ])
  })
})
