import { describe, expect, it } from 'vitest'

import { blend, contrastRatio, effectiveBackground, formatRatio, relativeLuminance, toHex } from '../../../src/check/contrast.js'

describe('contrastRatio', () => {
  it('gives 21:1 for black on white and 1:1 for a colour on itself', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5)
    expect(contrastRatio([120, 30, 200], [120, 30, 200])).toBe(1)
  })

  it('does not depend on the order of the two colours', () => {
    expect(contrastRatio([43, 33, 26], [251, 246, 238])).toBe(contrastRatio([251, 246, 238], [43, 33, 26]))
  })

  it('matches the WCAG reference values', () => {
    // #777777 on white is the classic "just below AA" grey: 4.48:1.
    expect(contrastRatio([0x77, 0x77, 0x77], [255, 255, 255])).toBeCloseTo(4.48, 2)
    expect(contrastRatio([0xaa, 0xaa, 0xaa], [255, 255, 255])).toBeCloseTo(2.32, 2)
    // The default theme's text on its paper: 14.6:1 as its comment says.
    expect(contrastRatio([0x2b, 0x21, 0x1a], [0xfb, 0xf6, 0xee])).toBeCloseTo(14.6, 1)
  })

  it('uses the linear part of the sRGB curve for very dark channels', () => {
    expect(relativeLuminance([10, 10, 10])).toBeCloseTo(10 / 255 / 12.92, 10)
  })
})

describe('blend and effectiveBackground', () => {
  it('paints a half-transparent colour halfway over the one below', () => {
    expect(blend([0, 0, 0, 0.5], [255, 255, 255, 1])).toEqual([127.5, 127.5, 127.5, 1])
  })

  it('uses the nearest opaque layer and ignores what is behind it', () => {
    expect(
      effectiveBackground([
        [10, 20, 30, 1],
        [255, 0, 0, 1],
      ]),
    ).toEqual([10, 20, 30, 1])
  })

  it('falls back to white, as a browser canvas does, when no layer is opaque', () => {
    expect(effectiveBackground([])).toEqual([255, 255, 255, 1])
    expect(effectiveBackground([[0, 0, 0, 0.5]])).toEqual([127.5, 127.5, 127.5, 1])
  })
})

describe('toHex and formatRatio', () => {
  it('writes colours as #rrggbb, with alpha only when not opaque', () => {
    expect(toHex([251, 246, 238, 1])).toBe('#fbf6ee')
    expect(toHex([0, 0, 0, 0.5])).toBe('#00000080')
  })

  it('rounds ratios down so a failing 4.499 never reads as 4.50', () => {
    expect(formatRatio(4.499)).toBe('4.49:1')
    expect(formatRatio(21)).toBe('21.00:1')
  })
})
