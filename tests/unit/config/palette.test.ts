import { converter, wcagContrast } from 'culori'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { derivePalette, describeAdjustment, fitContrast, readThemeColours } from '../../../src/config/palette.js'

const CREAM = { background: '#fbf6ee' }
const BLACK = { background: '#000000' }
const oklch = converter('oklch')
const hueOf = (colour: string): number => oklch(colour)!.h ?? 0
const hueDistance = (a: number, b: number): number => Math.min(Math.abs(a - b), 360 - Math.abs(a - b))

describe('derivePalette', () => {
  it('keeps a readable primary, and derives headings, tint, rules and accent from its hue', () => {
    const { vars, adjustments } = derivePalette({ primary: '#2e6b34', accent: null }, CREAM)
    expect(adjustments).toEqual([])
    expect(vars['--diapo-primary']).toBe('#2e6b34')
    expect(vars['--diapo-link']).toBe('#2e6b34')
    for (const key of ['--diapo-heading', '--diapo-tint', '--diapo-table-border', '--diapo-accent']) {
      expect(hueDistance(hueOf(vars[key]!), hueOf('#2e6b34')), key).toBeLessThan(12)
    }
    expect(wcagContrast(vars['--diapo-heading']!, CREAM.background)).toBeGreaterThanOrEqual(8)
    expect(wcagContrast(vars['--diapo-heading']!, vars['--diapo-tint']!)).toBeGreaterThanOrEqual(7)
  })

  it('darkens a light teal to the nearest shade of its hue that reads at 4.5:1, and says so once', () => {
    const { vars, adjustments } = derivePalette({ primary: '#5cc8b8', accent: '#f4a261' }, CREAM)
    const used = vars['--diapo-primary']!
    expect(wcagContrast(used, CREAM.background)).toBeGreaterThanOrEqual(4.5)
    expect(wcagContrast(used, CREAM.background)).toBeLessThan(5.3)
    expect(hueDistance(hueOf(used), hueOf('#5cc8b8'))).toBeLessThan(8)
    expect(vars['--diapo-accent']).toBe('#f4a261')
    expect(adjustments).toHaveLength(1)
    const { message, hint } = describeAdjustment(adjustments[0]!)
    expect(message).toBe(
      `colors.primary "#5cc8b8" is too light to read on the slides' background #fbf6ee (1.87:1, under 4.5:1): the deck uses ${used} instead, the same hue darker (${(Math.floor(wcagContrast(used, CREAM.background) * 100) / 100).toFixed(2)}:1)`,
    )
    expect(hint).toContain(`primary: "${used}"`)
  })

  it('lightens a dark colour on a dark theme', () => {
    const { vars, adjustments } = derivePalette({ primary: '#2e6b34', accent: null }, BLACK)
    expect(wcagContrast(vars['--diapo-primary']!, '#000000')).toBeGreaterThanOrEqual(4.5)
    expect(describeAdjustment(adjustments[0]!).message).toMatch(/too dark .* the same hue lighter/)
  })

  it('gives every text colour 4.5:1 or more on its backgrounds, whatever the colours asked', () => {
    const hex = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`)
    fc.assert(
      fc.property(hex, fc.constantFrom(CREAM, BLACK, { background: '#ffffff' }, { background: '#1d2433' }), (primary, theme) => {
        const { vars, adjustments } = derivePalette({ primary, accent: null }, theme)
        expect(wcagContrast(vars['--diapo-primary']!, theme.background)).toBeGreaterThanOrEqual(4.5)
        expect(wcagContrast(vars['--diapo-heading']!, theme.background)).toBeGreaterThanOrEqual(4.5)
        expect(wcagContrast(vars['--diapo-heading']!, vars['--diapo-tint']!)).toBeGreaterThanOrEqual(4.5)
        expect(adjustments.length).toBe(wcagContrast(primary, theme.background) < 4.5 ? 1 : 0)
      }),
      { numRuns: 300 },
    )
  })

  it("holds a theme's own higher minimum (the contrast theme's 7:1)", () => {
    const { vars, adjustments } = derivePalette({ primary: '#4f9d57', accent: null }, { background: '#000000', minContrast: 7 })
    expect(wcagContrast(vars['--diapo-primary']!, '#000000')).toBeGreaterThanOrEqual(7)
    expect(describeAdjustment(adjustments[0]!).message).toContain('under 7:1')
    expect(readThemeColours(':root { --diapo-bg: #000000; --diapo-min-contrast: 7; }')).toEqual({ background: '#000000', minContrast: 7 })
  })

  it('changes nothing without colours', () => {
    expect(derivePalette({ primary: null, accent: null }, CREAM)).toMatchObject({ vars: {}, adjustments: [] })
  })
})

describe('fitContrast', () => {
  it('returns a passing colour unchanged, as #rrggbb', () => {
    expect(fitContrast('rgb(10 92 138)', '#fbf6ee', 4.5)).toBe('#0a5c8a')
  })
})

describe('readThemeColours', () => {
  it("reads the theme's background, white when it has none", () => {
    expect(readThemeColours(':root {\n  --diapo-bg: #fbf6ee;          /* warm paper */\n}')).toEqual({ background: '#fbf6ee' })
    expect(readThemeColours('body { color: red }')).toEqual({ background: '#ffffff' })
  })
})
