import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { ProfileSchema } from '../../../src/config/schema.js'
import { parseYamlWithSchema } from '../../../src/config/validate.js'
import { DeckError } from '../../../src/errors.js'
import { parseFrontMatter } from '../../../src/parse/frontmatter.js'
import { deckErrorOf } from '../deck-error.js'

const PROFILE = '/asso/amis.yml'
const DECK = '/deck/01-titre.md'

function profileError(text: string): DeckError {
  return deckErrorOf(() => parseYamlWithSchema(text, PROFILE, ProfileSchema, { code: 'E_CONFIG', hint: 'see the README' }))
}

describe('YAML slips a volunteer makes, at their own line, with the fix', () => {
  it('an unquoted ":" in a value on line 5: the line, and the value put in quotes', () => {
    const err = profileError('name: Amis\nworkshop:\n  date: 2026-12-10\n# lieu\n  place: Maison des assos: salle 2\n')
    expect(err.detail.loc).toMatchObject({ file: PROFILE, line: 5 })
    expect(err.message).toContain('": "')
    expect(err.detail.hint).toContain('place: "Maison des assos: salle 2"')
  })

  it('a tab used to indent', () => {
    const err = profileError('name: Amis\ncolors:\n\tprimary: "#0a7d5c"\n')
    expect(err.detail.loc?.line).toBe(3)
    expect(err.message).toMatch(/tab/)
    expect(err.detail.hint).toMatch(/spaces/)
  })

  it('a missing space after ":"', () => {
    const err = profileError('name: Amis\nshortName:Amis\n')
    expect(err.detail.loc?.line).toBe(2)
    expect(err.message).toBe('a space is missing after "shortName:"')
    expect(err.detail.hint).toBe('write: shortName: Amis')
  })

  it('a colour after an unquoted "#", which YAML reads as a comment', () => {
    const err = profileError('name: Amis\ncolors:\n  primary: #2a9d8f\n')
    expect(err.detail.loc?.line).toBe(3)
    expect(err.detail.hint).toContain('primary: "#2a9d8f"')
  })

  it('a list written as text, or with no space after the dashes', () => {
    for (const tools of ['tools: WhatsApp, Google Drive', 'tools:\n  -WhatsApp\n  -Google Drive']) {
      const err = profileError(`name: Amis\n${tools}\n`)
      expect(err.detail.loc?.line, tools).toBe(2)
      expect(err.detail.hint, tools).toContain('tools:\n')
      expect(err.detail.hint, tools).toContain('  - WhatsApp\n')
      expect(err.detail.hint, tools).toContain('  - Google Drive')
    }
  })

  it('a value starting with "*" (bold, or a star) is a located error, not a crash', () => {
    for (const name of ['*Atelier', '**Emancip’asso**']) {
      const err = profileError(`slug: amis\nname: ${name}\n`)
      expect(err.detail.loc?.line, name).toBe(2)
      expect(err.detail.hint, name).toContain(`name: "${name}"`)
    }
  })

  it('an alias bomb is refused, not expanded', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
      'name: Amis',
    ]
    const err = profileError(`${bomb.join('\n')}\n`)
    expect(err.message).toMatch(/too many times/)
  })

  it('a key written twice and an unclosed quote, at the line to fix', () => {
    expect(profileError('name: A\nslug: a\nname: B\n').detail.loc?.line).toBe(3)
    const quote = profileError('slug: a\nname: "Amis\nshortName: A\n')
    expect([quote.message, quote.detail.loc?.line]).toEqual(['a quote opened on this line is never closed', 2])
  })

  it('front matter: the same slips at their line in the Markdown file', () => {
    const err = deckErrorOf(() => parseFrontMatter('---\ntitle: Atelier\nauthor: Libérons: nos ordis\n---\n# A\n', DECK))
    expect(err.detail.loc).toMatchObject({ file: DECK, line: 3 })
    expect(err.detail.hint).toContain('author: "Libérons: nos ordis"')
    const star = deckErrorOf(() => parseFrontMatter('---\nlang: fr\ntitle: **Emancip’asso**\n---\n# A\n', DECK))
    expect(star.detail.loc?.line).toBe(3)
  })

  it('any text is read or refused with a DeckError at a line of the file', () => {
    const line = fc.constantFrom(
      'name: A',
      'slug: a',
      '  - x',
      'tools:',
      '\t',
      ': b',
      '"',
      "'",
      '[',
      '{',
      '*x',
      '&a',
      '#',
      '- ',
      'a: *a',
      '? k',
      '%',
      '@',
    )
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const text = lines.join('\n')
        try {
          parseYamlWithSchema(text, PROFILE, ProfileSchema, { code: 'E_CONFIG', hint: 'h' })
        } catch (err) {
          expect(err).toBeInstanceOf(DeckError)
          const at = (err as DeckError).detail.loc?.line ?? 0
          expect(at).toBeGreaterThanOrEqual(1)
          expect(at).toBeLessThanOrEqual(Math.max(lines.length, 1))
        }
      }),
      { numRuns: 1000 },
    )
  }, 60_000)
})
