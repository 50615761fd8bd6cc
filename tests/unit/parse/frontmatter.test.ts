import { describe, expect, it } from 'vitest'

import { DeckError } from '../../../src/errors.js'
import { frontMatterKeyLine, parseFrontMatter } from '../../../src/parse/frontmatter.js'

const FILE = '/deck/01-intro.md'

function errorOf(text: string): DeckError {
  try {
    parseFrontMatter(text, FILE)
  } catch (err) {
    if (err instanceof DeckError) return err
    throw err
  }
  throw new Error('expected a DeckError')
}

describe('parseFrontMatter', () => {
  it('reads title, author, date, lang and theme', () => {
    const fm = parseFrontMatter(
      '---\ntitle: "Atelier : libre"\nauthor: Libérons nos ordis\ndate: 2026-03-14\nlang: fr\ntheme: contrast\n---\n# A\n',
      FILE,
    )
    expect(fm.data).toMatchObject({ title: 'Atelier : libre', author: 'Libérons nos ordis', lang: 'fr', theme: 'contrast' })
    expect(fm.data.date).toBeDefined()
    expect(fm.body).toBe('# A\n')
  })

  it('gives the file line where the body starts', () => {
    expect(parseFrontMatter('---\ntitle: a\nlang: fr\n---\n# A', FILE).bodyLine).toBe(5)
    expect(parseFrontMatter('---\n---\n# A', FILE).bodyLine).toBe(3)
  })

  it('returns the whole text when there is no front matter', () => {
    expect(parseFrontMatter('# A\n\n---\n\n# B', FILE)).toEqual({ data: {}, body: '# A\n\n---\n\n# B', bodyLine: 1 })
  })

  it('accepts a byte order mark, Windows line endings and a closing ...', () => {
    expect(parseFrontMatter('\uFEFF---\r\ntitle: a\r\n---\r\nbody', FILE)).toMatchObject({ data: { title: 'a' }, body: 'body' })
    expect(parseFrontMatter('---\ntitle: a\n...\nbody', FILE)).toMatchObject({ data: { title: 'a' }, body: 'body' })
  })

  it('keeps a first slide after a leading separator instead of reading it as YAML comments', () => {
    const fm = parseFrontMatter('---\n\n# Premier\n\n---\n\n# Second\n', FILE)
    expect(fm.data).toEqual({})
    expect(fm.body).toContain('# Premier')
    expect(fm.bodyLine).toBe(1)
  })

  it('points malformed YAML at the faulty line of the file', () => {
    const cases: [string, number][] = [
      ['---\ntitle: a\nauthor: [b\nlang: fr\n---\n', 3],
      ['---\ntitle: a\ntitle: b\n---\n', 3],
      ['---\ntitle: a\nauthor b\nlang: fr\n---\n', 3],
      ['---\ntitle: a\n\tlang: fr\n---\n', 3],
      ['---\ntitle: "x\n---\n', 2],
      ['---\ntitle: x: y\n---\n', 2],
    ]
    for (const [text, line] of cases) {
      const err = errorOf(text)
      expect(err.code, text).toBe('E_FRONTMATTER')
      expect(err.detail.loc, text).toMatchObject({ file: FILE, line })
      expect(err.message, text).toMatch(/^\S/)
      expect(err.detail.hint).toBeTruthy()
    }
  })

  it('reads a first line --- followed by slides as a leading separator, as reveal.js does', () => {
    for (const text of ['---\n- a\n- b\n---\n# A', '---\n# Title\n\n---\n## B', '---\n![logo](logo.png)\n---\n']) {
      expect(parseFrontMatter(text, FILE)).toEqual({ data: {}, body: text, bodyLine: 1 })
    }
  })

  it('still reads front matter that starts with a comment, and reports its YAML slips', () => {
    expect(parseFrontMatter('---\n# theme\ntitle: T\n---\n# A', FILE).data).toEqual({ title: 'T' })
    const err = errorOf('---\ntitle: [a\n---\n# A')
    expect([err.message, err.detail.loc?.line]).toEqual(['a "[" opened on this line is never closed', 2])
  })

  it('rejects a front matter that is never closed', () => {
    const err = errorOf('---\ntitle: a\n# A\n')
    expect(err.message).toMatch(/never closed/)
    expect(err.detail.loc).toEqual({ file: FILE, line: 1 })
  })
})

describe('frontMatterKeyLine', () => {
  it('finds the line of a key in the front matter, or 1', () => {
    const text = '---\ntitle: a\ntheme: fluo\n---\ntheme: not front matter\n'
    expect(frontMatterKeyLine(text, 'theme')).toBe(3)
    expect(frontMatterKeyLine(text, 'lang')).toBe(1)
    expect(frontMatterKeyLine('# no front matter\ntheme: x', 'theme')).toBe(1)
  })
})
