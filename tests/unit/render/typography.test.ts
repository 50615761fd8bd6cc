import { describe, expect, it } from 'vitest'

import type { Deck } from '../../../src/types.js'
import { createMarkdownRenderer } from '../../../src/render/markdown.js'
import { renderDeck } from '../../../src/render/deck.js'
import { frenchTypography, NBSP, NNBSP, usesFrenchTypography } from '../../../src/render/typography.js'

const fr = createMarkdownRenderer({ frenchTypography: true })
const html = (md: string) => fr(md).html
/** Makes the invisible spaces visible in failure messages. */
const show = (s: string) => s.replaceAll(NNBSP, '⍽').replaceAll(NBSP, '°')

describe('frenchTypography', () => {
  it('puts a narrow no-break space before ; ! ?', () => {
    expect(show(frenchTypography('Des questions ? Oui ! Bien ; ensuite'))).toBe('Des questions⍽? Oui⍽! Bien⍽; ensuite')
  })

  it('puts a no-break space before : and inside « »', () => {
    expect(show(frenchTypography('Note : « libre » et «libre»'))).toBe('Note°: «°libre°» et «°libre°»')
  })

  it('replaces only the spaces the author typed before punctuation', () => {
    expect(frenchTypography('Quoi? 10:30')).toBe('Quoi? 10:30')
  })

  it('leaves text without French punctuation untouched', () => {
    expect(frenchTypography('plain text.')).toBe('plain text.')
  })
})

describe('usesFrenchTypography', () => {
  it('applies to French and its regional variants only', () => {
    expect(['fr', 'fr-FR', 'FR-ca'].map(usesFrenchTypography)).toEqual([true, true, true])
    expect(['en', 'en-GB', 'frr', undefined].map(usesFrenchTypography)).toEqual([false, false, false, false])
  })
})

describe('French typography in rendered Markdown', () => {
  it('applies to prose, headings, list items, emphasis and link text', () => {
    const out = html('## Pourquoi ?\n\n- Un *outil* ! Et [le site ?](https://exemple.org)\n')
    expect(show(out)).toContain('Pourquoi⍽?')
    expect(show(out)).toContain('<em>outil</em>⍽!')
    expect(show(out)).toContain('le site⍽?</a>')
  })

  it('never touches inline code', () => {
    expect(html('Tapez `a ? b : c` ici')).toContain('<code>a ? b : c</code>')
  })

  it('never touches code written as raw HTML', () => {
    const out = html('Tapez <code>a ? b</code> puis <kbd>Ctrl :</kbd> ! Et <samp>« x »</samp>.')
    expect(out).toContain('<code>a ? b</code>')
    expect(out).toContain('<kbd>Ctrl :</kbd>')
    expect(out).toContain('<samp>« x »</samp>')
    expect(show(out)).toContain('</kbd>⍽!')
    expect(show(html('Un <code>oubli ?\n\nPuis ?'))).toContain('Puis⍽?')
  })

  it('never touches fenced code', () => {
    const out = html('```js\nconst x = a ? b : c; // « ok » !\n```\n')
    expect(out).toContain('a ? b : c; // « ok » !')
    expect(out).not.toMatch(/[\u00A0\u202F]/)
  })

  it('never touches URLs, autolinks or link targets', () => {
    const out = html('Voir <https://exemple.org/a?b=c:d> et https://exemple.org/x?y ou [ici](https://exemple.org/p?q=1 "titre ?")')
    const text = out.replace(/<(?!\/?a\b)[^>]+>/g, '')
    expect(text).toContain('href="https://exemple.org/a?b=c:d">https://exemple.org/a?b=c:d</a>')
    expect(text).toContain('href="https://exemple.org/x?y">https://exemple.org/x?y</a>')
    expect(out).toContain('href="https://exemple.org/p?q=1"')
    expect(out).toContain('title="titre ?"')
  })

  it('writes the typographic apostrophe in prose, never in code, URLs or attributes', () => {
    const out = html(
      "L'association d'en face : `l'outil` et <https://exemple.org/l'a> <abbr title=\"l'a\">l'a</abbr>\n\n```\nit's code\n```",
    )
    expect(out).toContain('L’association d’en face')
    expect(out).toContain('<code>l&#39;outil</code>')
    expect(out).toContain(
      'href="https://exemple.org/l&#39;a"><span class="diapo-url">https://exemple.</span><wbr><span class="diapo-url">org/l\'a</span>',
    )
    expect(out).toContain('title="l\'a">l’a</abbr>')
    expect(out).toContain("it's code")
    expect(frenchTypography("aujourd'hui")).toBe('aujourd’hui')
  })

  it('lets an address shown as text break only after / or ., and keeps its text whole', () => {
    const out = html('Le blog : <https://blog.libere-ton-ordi.com> et <contact@jardins-partages.example.org>')
    expect(out).toContain(
      '<a href="https://blog.libere-ton-ordi.com"><span class="diapo-url">https://blog.</span><wbr><span class="diapo-url">libere-ton-ordi.com</span></a>',
    )
    expect(out).toContain('<span class="diapo-url">contact@jardins-partages.</span><wbr><span class="diapo-url">example.org</span>')
    // A link with words of its own is prose.
    expect(html("[le blog de l'asso](https://blog.libere-ton-ordi.com)")).toContain('>le blog de l’asso</a>')
  })

  it('never touches HTML attributes of raw HTML', () => {
    const out = html('Texte <abbr title="Quoi ? : « »">Q</abbr> ici !')
    expect(out).toContain('title="Quoi ? : « »"')
    expect(show(out)).toContain('ici⍽!')
  })

  it('never touches image paths', () => {
    expect(html('![Logo](<images/a ?.png>)')).toContain('src="images/a%20?.png"')
  })

  it('is not applied when the deck language is English', () => {
    const deck: Deck = {
      meta: { lang: 'en' },
      files: [],
      stacks: [
        {
          slides: [
            { loc: { file: '/d/a.md', line: 1 }, markdown: 'Really ? Yes : « no » !\n', notes: 'Why ?', attributes: {}, section: 'a' },
          ],
        },
      ],
    }
    const slide = renderDeck(deck, { deckRoot: '/d' }).stacks[0]!.slides[0]!
    expect(slide.html).toBe('<p>Really ? Yes : « no » !</p>\n')
    expect(slide.notesHtml).toBe('<p>Why ?</p>\n')
  })

  it('is applied to notes in a French deck', () => {
    const deck: Deck = {
      meta: {},
      files: [],
      stacks: [
        { slides: [{ loc: { file: '/d/a.md', line: 1 }, markdown: '# A\n', notes: 'Des questions ?', attributes: {}, section: 'a' }] },
      ],
    }
    expect(show(renderDeck(deck, { deckRoot: '/d' }).stacks[0]!.slides[0]!.notesHtml)).toContain('questions⍽?')
  })
})
