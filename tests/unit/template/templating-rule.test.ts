import { describe, expect, it } from 'vitest'

import { usesTemplating } from '../../../src/template/apply.js'

const NAMES = ['asso', 'deck', 'diagnostic', 'date', 'link']

describe('usesTemplating: which slide files are templates', () => {
  it('is true when a {{ }} uses diapo variables, helpers, blocks, partials or comments', () => {
    for (const text of [
      '# {{asso.name}}',
      '{{#if asso.logo}}x{{/if}}',
      '{{> diagnostic}}',
      '{{date asso.workshop.date}}',
      '{{ @root.asso.name }}',
      '{{{deck.title}}}',
      '{{! note }}',
      '{{~asso.name~}}',
    ]) {
      expect(usesTemplating(text, NAMES), text).toBe(true)
    }
  })

  it('is false for a deck that only shows other braces (Vue, Jinja, Ansible)', () => {
    for (const text of [
      'In Vue: {{ message }}',
      '{{ user.name }} and {{ x }}',
      '"{{ inventory_hostname }}"',
      'no braces',
      '\\{{asso.name}}',
    ]) {
      expect(usesTemplating(text, NAMES), text).toBe(false)
    }
  })
})
