import { describe, expect, it } from 'vitest'

import { loadCatalogue, normalizeToolName, parseCatalogue } from '../../../src/config/catalogue.js'
import { DeckError } from '../../../src/errors.js'

const TOOL = (id: string, names: string) => `  - id: ${id}
    names: [${names}]
    need: Courriel
    category: communication-interne
    why: "Une raison."
    alternatives:
      - { name: A, url: https://a.example.org, kind: service }
      - { name: B, url: https://b.example.org, kind: logiciel }
`

describe('loadCatalogue', () => {
  it('loads the shipped catalogue: at least 30 tools, each with two or more free alternatives and a why', async () => {
    const catalogue = await loadCatalogue()
    expect(catalogue.tools.length).toBeGreaterThanOrEqual(30)
    for (const tool of catalogue.tools) {
      expect(tool.alternatives.length, tool.id).toBeGreaterThanOrEqual(2)
      expect(tool.why.length, tool.id).toBeGreaterThan(10)
    }
  })

  it('matches the names associations write, whatever their case, accents and spacing', async () => {
    const catalogue = await loadCatalogue()
    expect(catalogue.match('excel')?.id).toBe('excel')
    expect(catalogue.match('  Google   drive')?.id).toBe('google-drive')
    expect(catalogue.match('WHATSAPP')?.id).toBe('whatsapp')
    expect(catalogue.match('Padlet')).toBeUndefined()
  })
})

describe('parseCatalogue', () => {
  it('reports a missing alternative url at its line', () => {
    const yaml = `tools:\n${TOOL('gmail', 'Gmail')}`.replace('url: https://b.example.org, ', '')
    try {
      parseCatalogue(yaml, '/x/catalogue.yml')
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(DeckError)
      expect((err as DeckError).message).toBe('"tools[1].alternatives[2].url" is missing; it is required')
      expect((err as DeckError).detail.loc).toEqual({ file: '/x/catalogue.yml', line: 9 })
    }
  })

  it('refuses a name given to two tools, at the second one', () => {
    const yaml = `tools:\n${TOOL('gmail', 'Gmail')}${TOOL('outlook', 'Outlook, gmail')}`
    expect(() => parseCatalogue(yaml, '/x/c.yml')).toThrow(/the name "gmail" is already a name of "gmail"/)
    try {
      parseCatalogue(yaml, '/x/c.yml')
    } catch (err) {
      expect((err as DeckError).detail.loc?.line).toBe(11)
    }
  })

  it('refuses an unknown kind of alternative', () => {
    const yaml = `tools:\n${TOOL('gmail', 'Gmail')}`.replace('kind: service', 'kind: cloud')
    expect(() => parseCatalogue(yaml, '/x/c.yml')).toThrow(/must be « logiciel » or « service »/)
  })
})

describe('normalizeToolName', () => {
  it('ignores case, accents, spaces and punctuation', () => {
    expect(normalizeToolName('Google Présentations')).toBe(normalizeToolName('google-presentations'))
  })
})
