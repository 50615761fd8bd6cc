import { describe, expect, it } from 'vitest'

import { closestIconNames, iconNames, renderIcon, UnknownIconError } from '../../../src/render/icons.js'

describe('renderIcon', () => {
  it('inlines a Lucide icon as one line of SVG drawn in the text colour, hidden from screen readers', () => {
    const svg = renderIcon('lock')
    expect(svg).toMatch(/^<svg class="icon icon-lock" aria-hidden="true" focusable="false" [^\n]*<\/svg>$/)
    expect(svg).toContain('stroke="currentColor"')
    expect(svg).toContain('viewBox="0 0 24 24"')
    expect(svg).not.toMatch(/width="24"|<!--|lucide/)
  })

  it('names the icon for screen readers when given a label', () => {
    expect(renderIcon('lock', 'Sécurité "forte"')).toContain('role="img" aria-label="Sécurité &quot;forte&quot;"')
  })

  it('throws UnknownIconError for a name the set does not have, with the closest names', () => {
    const err = (() => {
      try {
        renderIcon('shield-chek')
      } catch (e) {
        return e
      }
    })()
    expect(err).toBeInstanceOf(UnknownIconError)
    expect((err as UnknownIconError).suggestions[0]).toBe('shield-check')
    expect((err as UnknownIconError).hint).toContain('did you mean "shield-check"')
  })

  it('refuses a name that is not a plain icon name (no path in the package)', () => {
    expect(() => renderIcon('../package')).toThrow(UnknownIconError)
  })
})

describe('closestIconNames', () => {
  it('finds a typo and a French-looking spelling', () => {
    expect(closestIconNames('locks')).toContain('lock')
    expect(closestIconNames('serveur')).toContain('server')
  })

  it('lists over a thousand icons', () => {
    expect(iconNames().length).toBeGreaterThan(1000)
  })
})
