import { describe, expect, it } from 'vitest'

import { GENERIC_PROFILE, type LoadedProfile } from '../../../src/config/defaults.js'
import { resolveDeck } from '../../../src/config/resolve.js'
import { locateNothing } from '../../../src/config/validate.js'
import { parseSource } from '../../../src/parse/deck.js'

const FIRST = parseSource(
  '/deck/slides/01-titre.md',
  '---\ntitle: Atelier\nlang: en\ntheme: contrast\naspect: "4:3"\nhandoutUrl: https://example.org/a.pdf\n---\n# A\n',
)
const OPTIONS = { cwd: '/work', deckRoot: '/deck/slides' }

function loaded(over: Partial<LoadedProfile['profile']>): LoadedProfile {
  const profile = { ...GENERIC_PROFILE, name: 'Les Amis', shortName: 'Amis', slug: 'amis', generic: false, ...over }
  return { profile, source: { ...locateNothing({ name: 'Les Amis' }, '/work/associations/amis.yml'), lineOf: () => 4 } }
}

describe('resolveDeck', () => {
  it('takes the front matter over the defaults', () => {
    const resolved = resolveDeck(FIRST, OPTIONS)
    expect(resolved).toMatchObject({ lang: 'en', title: 'Atelier', handoutUrl: 'https://example.org/a.pdf', frame: { aspect: '4:3' } })
    expect(resolved.theme).toEqual({ name: 'contrast', baseDir: '/deck/slides', loc: { file: FIRST.file, line: 4 } })
    expect(resolveDeck(parseSource('/deck/a.md', '# A\n'), OPTIONS)).toMatchObject({
      lang: 'fr',
      theme: { name: 'default' },
      frame: { aspect: '16:9' },
    })
  })

  it('takes the profile over the front matter, and --theme over both', () => {
    const profile = loaded({ lang: 'fr', theme: 'default', aspect: '16:9', handoutUrl: 'https://amis.org/s.pdf' })
    const resolved = resolveDeck(FIRST, { ...OPTIONS, profile })
    expect(resolved).toMatchObject({ lang: 'fr', title: 'Atelier — Amis', handoutUrl: 'https://amis.org/s.pdf', frame: { aspect: '16:9' } })
    expect(resolved.theme).toEqual({ name: 'default', baseDir: '/deck/slides', loc: { file: '/work/associations/amis.yml', line: 4 } })
    expect(resolveDeck(FIRST, { ...OPTIONS, profile, theme: 'black' }).theme).toEqual({ name: 'black', baseDir: '/work' })
  })
})
