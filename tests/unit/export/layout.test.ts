import { describe, expect, it } from 'vitest'

import { A4, HANDOUT_MARGIN, handoutLayout, handoutPageCount, paginate } from '../../../src/export/layout.js'

const CONTENT_WIDTH = A4.width - 2 * HANDOUT_MARGIN.side
const CONTENT_HEIGHT = A4.height - HANDOUT_MARGIN.top - HANDOUT_MARGIN.bottom

describe('handoutLayout', () => {
  it('keeps a 4:3 frame in its proportions, as high as a 16:9 one beside the notes', () => {
    const wide = handoutLayout(3)
    const narrow = handoutLayout(3, { width: 960, height: 720 })
    expect(narrow.slideHeight / narrow.slideWidth).toBeCloseTo(3 / 4, 2)
    expect(narrow.slideHeight).toBeCloseTo(wide.slideHeight, 1)
    expect(narrow.scale).toBeCloseTo(wide.scale, 3)
    expect(narrow.notesWidth).toBeGreaterThan(wide.notesWidth)
    expect(narrow).toMatchObject({ frameWidth: 960, frameHeight: 720 })
  })

  for (const perPage of [2, 3] as const) {
    it(`fits ${perPage} rows of a 16:9 slide and its notes inside the A4 margins`, () => {
      const layout = handoutLayout(perPage)
      expect(layout.rowHeight * perPage).toBeCloseTo(CONTENT_HEIGHT, 1)
      expect(layout.slideHeight / layout.slideWidth).toBeCloseTo(9 / 16, 2)
      expect(layout.slideHeight).toBeLessThan(layout.rowHeight)
      if (layout.notes === 'beside') expect(layout.slideWidth + layout.notesWidth).toBeLessThan(CONTENT_WIDTH)
      else expect(layout.slideHeight + layout.notesHeight).toBeLessThan(layout.rowHeight)
      expect(layout.notesHeight).toBeGreaterThan(25)
    })
  }

  it('puts the notes beside three slides and below two', () => {
    expect(handoutLayout(3).notes).toBe('beside')
    expect(handoutLayout(2).notes).toBe('below')
  })

  it('zooms the 1280 px frame to the slide width in millimetres', () => {
    const { slideWidth, scale } = handoutLayout(3)
    expect(1280 * scale).toBeCloseTo((slideWidth * 96) / 25.4, 0)
  })
})

describe('paginate', () => {
  it('fills pages in order and leaves the remainder on the last one', () => {
    expect(paginate([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([[1, 2, 3], [4, 5, 6], [7]])
    expect(paginate([], 3)).toEqual([])
  })
})

describe('handoutPageCount', () => {
  it('counts the slide pages and the links pages', () => {
    expect(handoutPageCount(25, 3, 1)).toBe(10)
    expect(handoutPageCount(24, 3, 0)).toBe(8)
    expect(handoutPageCount(5, 2, 1)).toBe(4)
  })
})
