import { afterEach, describe, expect, it } from 'vitest'

import { diagnosticJson, formatDiagnostic } from '../../src/diagnostics.js'
import { commands as enCommands } from '../../src/i18n/en/commands.js'
import { en } from '../../src/i18n/en/index.js'
import { sources as enSources } from '../../src/i18n/en/sources.js'
import { commands as frCommands } from '../../src/i18n/fr/commands.js'
import { fr } from '../../src/i18n/fr/index.js'
import { sources as frSources } from '../../src/i18n/fr/sources.js'
import { detectLang, parseLang, setLang, t } from '../../src/i18n/index.js'

afterEach(() => setLang(undefined))

describe('the language diapo speaks', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG, the first one set', () => {
    expect(detectLang({ LANG: 'fr_FR.UTF-8' })).toBe('fr')
    expect(detectLang({ LANG: 'C.UTF-8' })).toBe('en')
    expect(detectLang({ LC_ALL: 'en_GB.UTF-8', LANG: 'fr_FR.UTF-8' })).toBe('en')
    expect(detectLang({ LC_MESSAGES: 'fr_CA.UTF-8', LANG: 'en_US.UTF-8' })).toBe('fr')
    expect(detectLang({ LC_ALL: '', LC_MESSAGES: '', LANG: 'fr_BE@euro' })).toBe('fr')
    expect(detectLang({})).toBe('en')
    expect(detectLang({ LANG: 'de_DE.UTF-8' })).toBe('en')
  })

  it('reads --lang values as people write them', () => {
    expect(parseLang('fr')).toBe('fr')
    expect(parseLang('FR-fr')).toBe('fr')
    expect(parseLang('en')).toBe('en')
    expect(parseLang('klingon')).toBeUndefined()
  })

  it('fills in a message in the language set', () => {
    setLang('fr')
    expect(t('check.summary', { deck: 'slides', slides: 1, errors: 0, warnings: 2 })).toBe(
      'slides : 1 diapositive, 0 erreur, 2 avertissements',
    )
    setLang('en')
    expect(t('check.summary', { deck: 'slides', slides: 1, errors: 0, warnings: 2 })).toBe('slides: 1 slide, 0 errors, 2 warnings')
  })

  it('never has one key in both parts of a catalogue (the second would silently win)', () => {
    expect(Object.keys(enCommands).filter((k) => k in enSources)).toEqual([])
    expect(Object.keys(frCommands).filter((k) => k in frSources)).toEqual([])
  })

  it('has every English message in French, translated', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort())
    const same = Object.keys(en).filter(
      (k) => typeof en[k as keyof typeof en] === 'string' && en[k as keyof typeof en] === fr[k as keyof typeof fr],
    )
    expect(same).toEqual([])
  })
})

describe('a diagnostic', () => {
  const d = {
    severity: 'error' as const,
    rule: 'image-alt',
    loc: { file: '/home/camille/talk/slides/a.md', line: 4 },
    slide: 2,
    message: 'image without alternative text: logo.png',
    hint: 'describe it',
  }

  it('prints as severity, place, message and hint, in the language set', () => {
    setLang('en')
    expect(formatDiagnostic(d, { cwd: '/home/camille/talk' })).toBe(
      'error slides/a.md:4 (slide 2): image without alternative text: logo.png\n  → describe it',
    )
    setLang('fr')
    expect(formatDiagnostic({ ...d, severity: 'warning', hint: undefined }, { cwd: '/elsewhere' })).toBe(
      'attention /home/camille/talk/slides/a.md:4 (diapositive 2): image without alternative text: logo.png',
    )
  })

  it('gives tools flat keys with the file relative to the working folder', () => {
    expect(diagnosticJson(d, '/home/camille/talk')).toEqual({
      severity: 'error',
      rule: 'image-alt',
      slide: 2,
      file: 'slides/a.md',
      line: 4,
      message: d.message,
      hint: 'describe it',
    })
  })
})
