import { describe, expect, it } from 'vitest'

import { createHelpers, wrapTexts } from '../../../src/template/helpers.js'
import { renderTemplate, type TemplateEnv, type TemplateSource } from '../../../src/template/templates.js'
import { deckErrorOf } from '../deck-error.js'

const FILE = '/deck/slides/01-titre.md'
const asso = {
  name: 'Les Amis du Vélo',
  logo: null,
  generic: false,
  workshop: { date: '2026-12-03', place: null },
  tools: [{ current: 'Excel' }],
}
const scope = { asso: wrapTexts(asso, 'fr'), deck: wrapTexts({ title: 'Atelier', lang: 'fr' }, 'fr') }

function env(partials: Record<string, string> = {}): TemplateEnv {
  return {
    helpers: createHelpers('fr'),
    partials: Object.fromEntries(
      Object.entries(partials).map(([name, text]) => [name, { file: `/pkg/templates/partials/${name}.hbs`, text, firstLine: 1 }]),
    ),
  }
}

function render(text: string, options: { firstLine?: number; partials?: Record<string, string>; scope?: Record<string, unknown> } = {}) {
  const source: TemplateSource = { file: FILE, text, firstLine: options.firstLine ?? 1 }
  return renderTemplate(source, options.scope ?? scope, env(options.partials))
}

describe('renderTemplate', () => {
  it('renders asso and deck values, blocks and helpers', () => {
    const out = render(
      '# {{asso.name}}\n\n{{#if asso.workshop.date}}{{date asso.workshop.date}}{{/if}}\n\n{{#each asso.tools}}- {{current}}\n{{/each}}{{deck.title}}',
    )
    expect(out.text).toBe('# Les Amis du V&#233;lo\n\njeudi 3 décembre 2026\n\n- Excel\nAtelier'.replace('&#233;', 'é'))
  })

  it('includes partials from templates/partials', () => {
    expect(render('a\n{{> hello}}\nb', { partials: { hello: 'Bonjour {{asso.name}}\n' } }).text).toBe('a\nBonjour Les Amis du Vélo\nb')
  })

  it('refuses an unknown variable with the file and its line, counting the front matter', () => {
    const err = deckErrorOf(() => render('# Titre\n\nBienvenue {{asso.nom}}', { firstLine: 6 }))
    expect(err.detail.loc).toEqual({ file: FILE, line: 8 })
    expect(err.message).toBe('unknown variable "asso.nom"')
    expect(err.detail.hint).toContain('asso.name')
  })

  it('refuses an unknown variable even where strict mode would make it false (#if) or inside #each', () => {
    expect(deckErrorOf(() => render('a\n{{#if asso.lgo}}x{{/if}}')).detail.loc?.line).toBe(2)
    expect(deckErrorOf(() => render('{{#if nope.x}}x{{/if}}')).message).toBe('unknown variable "nope.x"')
    const inEach = deckErrorOf(() => render('a\n\n{{#each asso.tools}}\n- {{curent}}\n{{/each}}'))
    expect([inEach.message, inEach.detail.loc?.line]).toEqual(['unknown variable "curent"', 4])
  })

  it('refuses an unknown partial or helper at its line', () => {
    const partial = deckErrorOf(() => render('a\n\n{{> absent}}', { partials: { hello: 'x' } }))
    expect([partial.message, partial.detail.loc?.line]).toEqual(['unknown partial "absent"', 3])
    expect(partial.detail.hint).toContain('hello')
    const helper = deckErrorOf(() => render('a\n{{upper asso.name}}'))
    expect([helper.message, helper.detail.loc?.line]).toEqual(['unknown helper "upper"', 2])
  })

  it('renders a partial in the context it is included from', () => {
    expect(render('{{#each asso.tools}}{{> row}}{{/each}}', { partials: { row: '- {{current}} ({{@root.asso.name}})\n' } }).text).toBe(
      '- Excel (Les Amis du Vélo)\n',
    )
  })

  it('reports an error inside a partial at the partial file and line', () => {
    const err = deckErrorOf(() => render('{{#each asso.tools}}{{> row}}{{/each}}', { partials: { row: 'x\n{{need}}' } }))
    expect(err.detail.loc).toEqual({ file: '/pkg/templates/partials/row.hbs', line: 2 })
  })

  it('reports malformed expressions at their line', () => {
    const err = deckErrorOf(() => render('a\nb\n{{asso.name', { firstLine: 3 }))
    expect(err.message).toMatch(/^malformed template expression/)
    expect(err.detail.loc?.line).toBe(5)
  })

  it('leaves code spans and fenced code alone, and writes \\{{ as {{', () => {
    const text = 'Écrivez `{{asso.name}}` ou ``{{ x }}``\n\n```hbs\n{{#if asso.logo}}\n{{/if}}\n```\n\n\\{{asso.name}} = {{asso.name}}'
    expect(render(text).text).toBe(
      'Écrivez `{{asso.name}}` ou ``{{ x }}``\n\n```hbs\n{{#if asso.logo}}\n{{/if}}\n```\n\n{{asso.name}} = Les Amis du Vélo',
    )
  })

  it('escapes profile values for HTML and for Markdown, even in triple braces', () => {
    const evil = { asso: wrapTexts({ name: '<script>alert(1)</script> *Club* [x](y) _a_ | b\n---\nNote: z' }, 'fr') }
    const out = render('{{asso.name}} {{{asso.name}}}', { scope: evil }).text
    expect(out).not.toMatch(/[<>*[\]_|]/)
    expect(out).not.toContain('\n')
    expect(out).not.toContain('Note:')
  })

  it('maps every output line to its source line, through blocks, loops and partials', () => {
    const text = [
      '# {{asso.name}}',
      '{{#if asso.generic}}',
      'generic',
      '{{else}}',
      'for you',
      '{{/if}}',
      '{{#each asso.tools}}',
      '- {{current}}',
      '{{/each}}',
      '{{> two}}',
      'end',
    ].join('\n')
    const several = { asso: wrapTexts({ ...asso, tools: [{ current: 'A' }, { current: 'B' }] }, 'fr') }
    const out = render(text, { firstLine: 5, scope: several, partials: { two: 'p1\np2\n' } })
    expect(out.text.split('\n')).toEqual(['# Les Amis du Vélo', 'for you', '- A', '- B', 'p1', 'p2', 'end'])
    expect(out.lines).toEqual([5, 9, 12, 12, 14, 14, 15])
  })
})
