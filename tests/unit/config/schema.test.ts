import { describe, expect, it } from 'vitest'

import { isCalendarDate, isCssColor, ProfileSchema } from '../../../src/config/schema.js'
import { formatKeyPath, parseYamlWithSchema } from '../../../src/config/validate.js'
import type { DeckError } from '../../../src/errors.js'
import { deckErrorOf } from '../deck-error.js'

const FILE = '/work/associations/x.yml'

function errorOf(yaml: string): DeckError {
  return deckErrorOf(() => parseYamlWithSchema(yaml, FILE, ProfileSchema, { code: 'E_CONFIG', hint: 'h' }))
}

describe('ProfileSchema', () => {
  it('takes aspect "4:3" or "16:9", and says what it takes otherwise', () => {
    expect(parseYamlWithSchema('name: A\naspect: 4:3\n', FILE, ProfileSchema, { code: 'E_CONFIG', hint: 'h' }).data.aspect).toBe('4:3')
    const err = errorOf('name: A\naspect: "4/3"\n')
    expect(err.message).toContain('must be "16:9" or "4:3"')
    expect(err.detail.loc?.line).toBe(2)
  })

  it('accepts the full profile of the issue', () => {
    const yaml = [
      'name: Les Amis du Vélo de Lyon',
      'shortName: Amis du Vélo',
      'slug: amis-du-velo',
      'logo: logo-amis-du-velo.svg',
      'colors: { primary: "#0a7d5c", accent: "#f2a900" }',
      'lang: fr',
      'theme: default',
      'handoutUrl: https://example.org/atelier/support.pdf',
      'workshop: { date: 2026-12-03, place: "Maison des associations, Lyon", facilitator: "Camille" }',
      'contact: { email: contact@example.org, website: https://example.org }',
      'tools:',
      '  - { need: "Gestion des membres", current: "Excel" }',
      'sections: { exclude: [references] }',
      'extraSlides:',
      '  - { file: nos-projets.md, after: alternatives }',
    ].join('\n')
    const { data } = parseYamlWithSchema(yaml, FILE, ProfileSchema, { code: 'E_CONFIG', hint: 'h' })
    expect(data.workshop?.date).toBe('2026-12-03')
    expect(data.tools).toEqual([{ need: 'Gestion des membres', current: 'Excel' }])
  })

  it('refuses an unknown key at its line, listing the keys expected there', () => {
    const err = errorOf('name: X\nworkshop:\n  date: 2026-12-03\n  heure: 10h\n')
    expect(err.detail.loc).toEqual({ file: FILE, line: 4 })
    expect(err.message).toBe('unknown key "heure" in "workshop"; expected one of: date, place, facilitator')
  })

  it('refuses a wrong type with what it got and what is expected', () => {
    const err = errorOf('name: X\ntools: Excel\n')
    expect(err.detail.loc?.line).toBe(2)
    expect(err.message).toMatch(/^"tools" must be a list of tools.*not the text "Excel"$/)
    expect(errorOf('name: 1984\n').message).toMatch(/"name" must be text.*not the number 1984/)
  })

  it('takes a tool written as a plain name, and a tool with its own alternatives', () => {
    const yaml = [
      'name: X',
      'tools:',
      '  - WhatsApp',
      '  - need: Cartes',
      '    current: Mapotempo',
      '    alternatives:',
      '      - { name: uMap, url: https://umap.openstreetmap.fr, kind: service }',
      '      - { name: Framacarte, url: https://framacarte.org, kind: service }',
    ].join('\n')
    const { data } = parseYamlWithSchema(yaml, FILE, ProfileSchema, { code: 'E_CONFIG', hint: 'h' })
    expect(data.tools?.[0]).toEqual({ current: 'WhatsApp' })
    expect(data.tools?.[1]?.alternatives?.map((a) => a.name)).toEqual(['uMap', 'Framacarte'])
  })

  it("checks a profile's alternatives as the catalogue's, at their line", () => {
    const base =
      'name: X\ntools:\n  - current: Mapotempo\n    alternatives:\n      - { name: uMap, url: https://umap.openstreetmap.fr, kind: service }\n'
    const one = errorOf(base)
    expect([one.message, one.detail.loc?.line]).toEqual(['"tools[1].alternatives" must give at least two alternatives', 4])
    const bad = errorOf(`${base}      - { name: Framacarte, url: framacarte.org, kind: cloud }\n`)
    expect(bad.detail.loc?.line).toBe(6)
    expect(bad.message).toMatch(/^"tools\[1\]\.alternatives\[2\]\.url" must be a full web address/)
    const unknown = errorOf('name: X\ntools:\n  - { current: Excel, alternative: LibreOffice }\n')
    expect(unknown.message).toBe('unknown key "alternative" in "tools[1]"; expected one of: need, current, alternatives')
    expect(errorOf('name: X\ntools:\n  - ""\n').message).toBe('"tools[1].current" must not be empty, for example "Excel"')
  })

  it('refuses an invalid CSS colour at its line', () => {
    const err = errorOf('name: X\ncolors:\n  accent: "#f2a900"\n  primary: vert-sapin\n')
    expect(err.detail.loc?.line).toBe(4)
    expect(err.message).toContain('"colors.primary" "vert-sapin" is not a CSS colour')
  })

  it('refuses a date that is not a calendar day', () => {
    expect(errorOf('name: X\nworkshop: { date: 2026-02-30 }\n').message).toContain('"2026-02-30" is not a date; write it YYYY-MM-DD')
    expect(errorOf('name: X\nworkshop:\n  date: 3 décembre\n').detail.loc?.line).toBe(3)
  })

  it('refuses a missing name, a bad item of a list and malformed YAML, each at its line', () => {
    expect(errorOf('shortName: X\n').message).toBe('"name" is missing; it is required')
    const item = errorOf('name: X\ntools:\n  - { need: a, current: b }\n  - { need: c }\n')
    expect([item.message, item.detail.loc?.line]).toEqual(['"tools[2].current" is missing; it is required', 4])
    const yaml = errorOf('name: X\ncolors: { primary: "#fff"\n')
    expect([yaml.message, yaml.detail.loc?.line]).toEqual(['a "{" opened on this line is never closed', 2])
  })

  it('refuses reserved and malformed slugs and logos of other types', () => {
    expect(errorOf('name: X\nslug: assets\n').message).toContain('is reserved')
    expect(errorOf('name: X\nslug: Amis Vélo\n').message).toContain('lower-case letters')
    expect(errorOf('name: X\nlogo: logo.gif\n').message).toContain('svg, png, jpg or webp')
  })
})

describe('isCssColor', () => {
  it('accepts the CSS colour syntaxes and refuses anything else', () => {
    for (const c of ['#0a7d5c', '#fff', 'teal', 'rgb(10 125 92)', 'rgba(10, 125, 92, 0.5)', 'hsl(160 85% 27%)', 'oklch(50% 0.1 160)']) {
      expect(isCssColor(c), c).toBe(true)
    }
    for (const c of ['#zzz', 'vert', 'red; } body { display: none', '', 'url(x)']) expect(isCssColor(c), c).toBe(false)
  })
})

describe('isCalendarDate', () => {
  it('accepts real days only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true)
    expect(isCalendarDate('2026-02-29')).toBe(false)
    expect(isCalendarDate('2026-12-3')).toBe(false)
  })
})

describe('formatKeyPath', () => {
  it('counts list items from 1', () => {
    expect(formatKeyPath(['tools', 2, 'current'])).toBe('tools[3].current')
  })
})
