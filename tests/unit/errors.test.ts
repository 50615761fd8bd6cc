import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { DeckError, formatLocation, isDeckError } from '../../src/errors.js'

describe('DeckError.format', () => {
  it('prints path:line: message with the path relative to cwd, then the hint', () => {
    const cwd = path.resolve('/home/camille/atelier')
    const err = new DeckError('image not found: logo.png', 'E_IMAGE', {
      loc: { file: path.join(cwd, 'slides', '03-outils.md'), line: 12 },
      hint: 'check the file name',
    })
    expect(err.format(cwd)).toBe(`${path.join('slides', '03-outils.md')}:12: image not found: logo.png\n  → check the file name`)
  })

  it('keeps an absolute path for a file outside cwd', () => {
    const err = new DeckError('broken', 'E_DECK', { loc: { file: '/elsewhere/a.md', line: 3 } })
    expect(err.format('/home/camille')).toBe('/elsewhere/a.md:3: broken')
  })

  it('prints only the message when there is no location', () => {
    expect(new DeckError('unknown theme "x"', 'E_THEME').format()).toBe('unknown theme "x"')
  })

  it('adds the column when there is one', () => {
    expect(formatLocation({ file: '/a/b.md', line: 2, column: 5 }, '/a')).toBe('b.md:2:5')
  })

  it('is told apart from bugs', () => {
    expect(isDeckError(new DeckError('x', 'E_DECK'))).toBe(true)
    expect(isDeckError(new Error('x'))).toBe(false)
  })
})
