import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { ProfileSchema } from '../../src/config/schema.js'
import { parseYamlWithSchema } from '../../src/config/validate.js'
import { setLang } from '../../src/i18n/index.js'
import { inspectMedia } from '../../src/media.js'
import { loadDeckSources } from '../../src/parse/deck.js'
import { deckErrorOf } from './deck-error.js'

afterEach(() => setLang(undefined))

const PROFILE = [
  'name: Les Amis',
  'workshop:',
  '  date: 2026-12-03',
  '  facilitator: Camille',
  '  place: Maison des assos: salle 2',
  '',
].join('\n')

describe('the messages of reading a deck, on a French system', () => {
  it('says an image is missing in French', async () => {
    setLang('fr')
    const missing = path.join(import.meta.dirname, 'absent.png')
    const problem = await inspectMedia(
      { source: missing, target: 'media/absent.png', loc: { file: 'a.md', line: 1 } },
      { roots: [import.meta.dirname] },
      'images/absent.png',
    )
    expect(problem?.message).toBe('image introuvable : images/absent.png')
  })

  it('reports an unquoted ":" at its line, in French, with the line to write', () => {
    setLang('fr')
    const err = deckErrorOf(() => parseYamlWithSchema(PROFILE, '/a/amis.yml', ProfileSchema, { code: 'E_CONFIG', hint: 'h' }))
    expect(err.detail.loc?.line).toBe(5)
    expect(err.message).toMatch(/^mettez ce texte entre guillemets, il contient « : »/)
    expect(err.detail.hint).toBe('écrivez :   place: "Maison des assos: salle 2"')
  })

  it('says a deck is missing in French, and in English on an English system', async () => {
    setLang('fr')
    await expect(loadDeckSources('/nulle-part/slides')).rejects.toThrow('présentation introuvable : /nulle-part/slides')
    setLang('en')
    await expect(loadDeckSources('/nulle-part/slides')).rejects.toThrow('deck not found: /nulle-part/slides')
  })
})
