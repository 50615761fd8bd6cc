import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'

import { parseDeck } from '../../../src/parse/deck.js'
import { renderDeck } from '../../../src/render/deck.js'
import { loadHighlighter } from '../../../src/render/highlight.js'
import type { Highlighter } from '../../../src/render/markdown.js'
import { renderPage } from '../../../src/render/page.js'

// Random Markdown decks built from a grammar of what volunteers write: French words with accents and
// punctuation, headings, lists, emphasis, links, code spans and fences, separators, notes, .slide and
// .element comments, raw HTML. Every generated word must come out in the text of a slide or its notes.

// Thousands of documents; a few seconds on an idle machine (shrinking a failure takes longer).
// Thousands of documents: about 3 s on an idle machine (more under load, and shrinking a failure is slower).
const RUNS = 2000
const FILE = '/deck/01-atelier.md'

/** A word: letters (with French accents) only, so it survives as one token of the rendered text. */
const word = fc
  .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéèêàâçôùûïœ'), minLength: 2, maxLength: 9 })
  .filter((w) => !/^notes?$/i.test(w))
const punctuation = fc.constantFrom('', '', '', ',', '.', ' ?', ' !', ' :', ' ;', '?', '!', '…')
const phrase = fc.array(fc.tuple(word, punctuation), { minLength: 1, maxLength: 6 }).map((parts) => parts.map(([w, p]) => w + p).join(' '))

const inline = fc.oneof(
  { weight: 6, arbitrary: phrase },
  phrase.map((p) => `*${p}*`),
  phrase.map((p) => `**${p}**`),
  phrase.map((p) => `~~${p}~~`),
  phrase.map((p) => `\`${p}\``),
  phrase.map((p) => `« ${p} »`),
  phrase.map((p) => `[${p}](https://exemple.org/chemin?a=b:c)`),
  phrase.map((p) => `<span class="mot">${p}</span>`),
  phrase.map((p) => `<kbd>${p}</kbd>`),
  fc.constant('<https://exemple.org/a?b>'),
  fc.constant('<br>'),
  fc.constant('<!-- .element: class="fragment" -->'),
)
const line = fc.array(inline, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '))

const block = fc.oneof(
  { weight: 5, arbitrary: line },
  fc.tuple(fc.integer({ min: 1, max: 4 }), line).map(([level, text]) => `${'#'.repeat(level)} ${text}`),
  fc.array(line, { minLength: 1, maxLength: 5 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
  fc.array(line, { minLength: 1, maxLength: 4 }).map((items) => items.map((i, n) => `${n + 1}. ${i}`).join('\n')),
  fc
    .tuple(
      fc.constantFrom('', 'js', 'python', 'bash', 'yaml', 'inconnu'),
      fc.array(fc.oneof(phrase, fc.constantFrom('---', '----', '--', 'Note: code', '<!-- .slide: class="x" -->')), {
        minLength: 1,
        maxLength: 5,
      }),
    )
    .map(([lang, lines]) => `\`\`\`${lang}\n${lines.join('\n')}\n\`\`\``),
  fc.tuple(phrase, phrase).map(([a, b]) => `| ${a} | ${b} |\n|---|---|\n| ${b} | ${a} |`),
  phrase.map((p) => `> ${p}`),
  line.map((text) => `<div class="columns">\n\n${text}\n\n</div>`),
  fc.array(line, { minLength: 2, maxLength: 4 }).map(([first, ...rest]) => `- ${first}\n${rest.map((r) => `  - ${r}`).join('\n')}`),
  fc.tuple(phrase, phrase).map(([a, b]) => `<p class="lead">${a}</p>\n<!-- .element: class="fragment" -->\n\n${b}`),
  fc.constant('<!-- .slide: class="center" data-background-color="#fff3d6" -->'),
  fc.constant('<!-- .slide:\n  class="two-lines" -->'),
  fc.constant('![Logo](https://exemple.org/logo.png)'),
)
const slide = fc
  .tuple(fc.array(block, { minLength: 1, maxLength: 5 }), fc.option(fc.array(line, { minLength: 1, maxLength: 3 })))
  .map(([blocks, notes]) => blocks.join('\n\n') + (notes ? `\n\n${notes.length > 1 ? 'Notes:' : 'Note:'}\n${notes.join('\n')}` : ''))
const separator = fc.constantFrom('---', '---', '----', '--', '--- ')
const deckText = fc
  .tuple(slide, fc.array(fc.tuple(separator, slide), { maxLength: 6 }))
  .map(([first, rest]) => first + rest.map(([sep, s]) => `\n\n${sep}\n\n${s}`).join('') + '\n')

let highlight: Highlighter
beforeAll(async () => {
  highlight = await loadHighlighter()
})

describe('parseDeck and renderDeck on random Markdown', () => {
  it('never crash and never lose a word of the input', () => {
    fc.assert(
      fc.property(deckText, (text) => {
        const deck = parseDeck([{ file: FILE, id: 'atelier', text }])
        const rendered = renderDeck(deck, { deckRoot: '/deck', highlight })
        renderPage(rendered, { template: '<html lang="{{lang}}">{{{slides}}}<script>{{{config}}}</script></html>' })
        const html = rendered.stacks.flatMap((s) => s.slides.map((sl) => sl.html + sl.notesHtml)).join('\n')
        const words = new Set(textContent(html).split(/[^\p{L}\p{N}]+/u))
        const lost = (text.match(/\p{L}+/gu) ?? []).filter((w) => !MARKUP_WORDS.has(w) && !words.has(w))
        if (lost.length > 0) expect.fail(`lost ${lost.join(', ')} from:\n${text}\n→\n${html}`)
      }),
      { numRuns: RUNS },
    )
  }, 60_000)

  it('keeps one slide per separator outside code, with the line of each slide and its notes', () => {
    fc.assert(
      fc.property(deckText, (text) => {
        const outsideCode = text.replace(/```[^\n]*\n[\s\S]*?\n```/g, '')
        const separators = outsideCode.match(/^(?:---|----|--) ?$/gm)?.length ?? 0
        const deck = parseDeck([{ file: FILE, id: 'atelier', text }])
        expect(deck.stacks.reduce((n, s) => n + s.slides.length, 0)).toBe(separators + 1)
        // Each slide's line is the file line of its Markdown's first line, its notes line that of Note:.
        const fileLines = text.split('\n')
        for (const slide of deck.stacks.flatMap((s) => s.slides)) {
          if (slide.markdown) expect(fileLines[slide.loc.line - 1]).toBe(slide.markdown.split('\n')[0])
          if (slide.notesLine) expect(fileLines[slide.notesLine - 1]).toMatch(/^Notes?:/)
        }
      }),
      { numRuns: RUNS },
    )
  }, 60_000)
})

// --- internal ---

/** Words of the grammar's own markup (URLs, tags, attributes), not of the text. */
const MARKUP_WORDS = new Set(
  'https exemple org chemin a b c span class mot kbd br element fragment slide center data background color fff d Logo logo png div columns js python bash yaml inconnu Note Notes code x p lead two lines'.split(
    ' ',
  ),
)

/** Text as a browser shows it: block boundaries separate words, inline tags do not. */
const RE_BLOCK_TAG = /<\/?(?:p|div|li|ul|ol|h[1-6]|pre|blockquote|table|thead|tbody|tr|td|th|br|hr)\b[^>]*>/gi

function textContent(html: string): string {
  return html
    .replace(RE_BLOCK_TAG, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}
