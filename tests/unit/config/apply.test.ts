import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { compileDeck } from '../../../src/compile.js'
import { loadProfile } from '../../../src/config/load.js'
import { DeckError } from '../../../src/errors.js'
import { PACKAGE_ROOT } from '../../../src/paths.js'

const SLIDES = path.join(PACKAGE_ROOT, 'slides')
let dir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'diapo-apply-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function profile(yaml: string, name = 'asso.yml') {
  await writeFile(path.join(dir, name), yaml)
  return loadProfile(path.join(dir, name), dir)
}

async function errorOf(promise: Promise<unknown>): Promise<DeckError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(err instanceof DeckError)) throw new Error(`expected a DeckError, got ${String(err)}`)
  return err
}

describe('compileDeck for an audience', () => {
  it('builds the default deck for a generic audience, in French, with no template left', async () => {
    const { html } = await compileDeck({ cwd: PACKAGE_ROOT, deck: 'slides' })
    expect(html).toMatch(/par l’association «\u00A0Libérons nos ordis\u00A0»/)
    expect(html).toContain('Restons en contact')
    expect(html.split('id="diapo-config"')[0]).not.toMatch(/\{\{|\}\}/)
    expect(html).not.toContain('class="diagnostic"')
  })

  it('uses the profile on the title slide, the contact slide, the colours and the sections', async () => {
    await writeFile(path.join(dir, 'nos-projets.md'), '## Nos projets\n\nNote:\nx\n')
    const loaded = await profile(
      'name: Les Amis du Vélo\nworkshop: { date: 2026-12-03, place: Lyon, facilitator: Camille }\n' +
        'contact: { email: contact@example.org }\ncolors: { primary: "#0a7d5c" }\n' +
        'tools:\n  - { need: Membres, current: Excel }\n  - { need: Idées, current: Padlet }\n' +
        'sections: { exclude: [references] }\nextraSlides:\n  - { file: nos-projets.md, after: alternatives }\n',
    )
    const compiled = await compileDeck({ cwd: PACKAGE_ROOT, deck: 'slides', profile: loaded })
    const { html } = compiled
    expect(html).toContain('Atelier pour <strong>Les Amis du Vélo</strong>')
    expect(html).toContain('jeudi 3 décembre 2026, Lyon')
    expect(html).toContain('<a href="mailto:contact@example.org">')
    expect(html).toMatch(/<style>:root \{ --diapo-primary: #0a7d5c; --diapo-link: #0a7d5c; --diapo-heading: #[0-9a-f]{6};/)
    expect(compiled.warnings).toEqual([])
    expect(html).toContain('<span class="diagnostic-unknown">à étudier ensemble</span>')
    const sections = compiled.rendered.stacks.flatMap((s) => s.slides.map((slide) => slide.section))
    expect(sections).not.toContain('references')
    expect(sections.indexOf('nos-projets')).toBe(sections.lastIndexOf('alternatives') + 1)
  })

  it('keeps the source lines of the slides after a generated table right', async () => {
    const loaded = await profile('name: X\ntools:\n' + '  - { current: Excel }\n'.repeat(12))
    const compiled = await compileDeck({ cwd: PACKAGE_ROOT, deck: 'slides', profile: loaded })
    const text = await readFile(path.join(SLIDES, '07-outils.md'), 'utf8')
    const expected = text.split('\n').indexOf('## Deux démarches possibles') + 1
    const slide = compiled.rendered.stacks.flatMap((s) => s.slides).find((s) => s.html.includes('Deux démarches possibles'))
    expect(slide?.loc).toEqual({ file: path.join(SLIDES, '07-outils.md'), line: expected })
  })

  it('reports a missing image at its line, after lines a template added or removed', async () => {
    const deck = path.join(dir, 'deck.md')
    await writeFile(
      deck,
      '---\ntitle: T\n---\n# {{asso.name}}\n\n{{#each asso.tools}}\n- {{current}}\n{{/each}}\n\n---\n\n![](absent.png)\n',
    )
    const loaded = await profile('name: X\ntools:\n  - { current: A }\n  - { current: B }\n  - { current: C }\n')
    const err = await errorOf(compileDeck({ cwd: dir, deck, profile: loaded }))
    expect(err.message).toMatch(/^image not found/)
    expect(err.detail.loc).toEqual({ file: deck, line: 12 })
  })

  it('reports an unknown variable in a slide at its file and line, front matter counted', async () => {
    const deck = path.join(dir, 'deck.md')
    await writeFile(deck, '---\ntitle: T\n---\n# Titre\n\nPour {{asso.nom}}\n')
    const err = await errorOf(compileDeck({ cwd: dir, deck }))
    expect([err.message, err.detail.loc]).toEqual(['unknown variable "asso.nom"', { file: deck, line: 6 }])
  })

  it('reports an unknown section at its line in the profile', async () => {
    const loaded = await profile('name: X\nsections:\n  exclude:\n    - references\n    - referencs\n')
    const err = await errorOf(compileDeck({ cwd: PACKAGE_ROOT, deck: 'slides', profile: loaded }))
    expect(err.message).toBe('unknown section "referencs"')
    expect(err.detail.loc).toEqual({ file: path.join(dir, 'asso.yml'), line: 5 })
    expect(err.detail.hint).toContain('references')
  })
})

describe('loadProfile', () => {
  it('refuses a missing logo at its line and fills in the defaults', async () => {
    const err = await errorOf(profile('name: X\n\nlogo: absent.svg\n'))
    expect([err.message.startsWith('logo not found'), err.detail.loc?.line]).toEqual([true, 3])
    const loaded = await profile('name: La Chorale\n', 'la-chorale.yml')
    expect(loaded.profile).toMatchObject({ name: 'La Chorale', shortName: 'La Chorale', slug: 'la-chorale', logo: null, tools: [] })
    expect(loaded.profile.workshop).toEqual({ date: null, place: null, facilitator: null })
  })
})

describe('the contact slide', () => {
  const contactOf = async (yaml?: string) => {
    const compiled = await compileDeck({ cwd: PACKAGE_ROOT, deck: 'slides', ...(yaml ? { profile: await profile(yaml) } : {}) })
    return compiled.rendered.stacks.flatMap((s) => s.slides).find((s) => s.attributes.class === 'contact')!.html
  }

  it("always gives Libérons nos ordis' addresses, also for a profile with just a name", async () => {
    for (const html of [await contactOf(), await contactOf('name: La Chorale\n')]) {
      expect(html).toContain('href="https://blog.libere-ton-ordi.com"')
      expect(html).toContain('href="https://emancipasso.org"')
      expect(html).not.toContain('class="columns contacts"')
    }
  })

  it("puts the association's addresses beside them when the profile has some", async () => {
    const html = await contactOf('name: Les Amis du Vélo\nshortName: Amis du Vélo\ncontact: { email: contact@example.org }\n')
    expect(html).toContain('class="columns contacts"')
    expect(html).toContain('href="https://blog.libere-ton-ordi.com"')
    expect(html).toMatch(/<strong>Amis du Vélo<\/strong>[\s\S]*href="mailto:contact@example.org"/)
  })
})

describe('a profile named like a folder the deck writes', () => {
  it('is refused at its first line, saying to rename it or give a slug', async () => {
    for (const name of ['assets.yml', 'media.yml']) {
      const err = await errorOf(profile('name: Les Amis\n', name))
      expect(err.detail.loc).toEqual({ file: path.join(dir, name), line: 1 })
      expect(err.message).toContain(`into "${name.slice(0, -4)}/"`)
      expect(err.detail.hint).toContain('slug:')
    }
  })

  it('is refused at the line of an explicit slug of such a folder', async () => {
    const err = await errorOf(profile('name: Les Amis\nslug: media\n'))
    expect(err.detail.loc?.line).toBe(2)
    expect(err.message).toContain('is reserved')
  })

  it('is built when its slug names a free folder', async () => {
    const loaded = await profile('name: Les Amis\nslug: les-amis\n', 'assets.yml')
    expect(loaded.profile.slug).toBe('les-amis')
  })
})
