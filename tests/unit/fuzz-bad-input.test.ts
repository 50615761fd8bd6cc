import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { compileDeck } from '../../src/compile.js'
import { ProfileSchema } from '../../src/config/schema.js'
import { parseYamlWithSchema } from '../../src/config/validate.js'
import { DeckError } from '../../src/errors.js'
import { parseDeck } from '../../src/parse/deck.js'
import { renderDeck } from '../../src/render/deck.js'

// Careless or unlucky input, thousands of times: broken entities, YAML aliases and stars, paths that
// leave the folder or name a folder, deep nesting, unclosed comments and raw-text tags, CRLF and BOM.
// Whatever comes in, diapo either builds or says which file and line to fix: never a crash, never a hang
// (a 1,000-deep quote followed by a few lines once took marked minutes: see MAX_NESTING in render/deck.ts).

// Decks through parseDeck and renderDeck, and profiles; COMPILE_RUNS decks through the whole compile (disk, media).
// Mind the cost on a loaded machine: 3,000 decks take about 3 s, 200 compiles about 4 s on an idle one.
const RUNS = 3000
const COMPILE_RUNS = 200
const FILES = ['/deck/01-titre.md', '/deck/02-suite.md']

const hostile = fc.constantFrom(
  '&#99999999;',
  '&#xd800;',
  '&#0;',
  '&#x110000;',
  '&amp;',
  '&bogus;',
  '%',
  '%2e%2e/',
  '../',
  '..%2f',
  '~',
  '\u0000',
  '\uFEFF',
  '*alias',
  '&anchor',
  '**gras**',
  '{{',
  '}}',
  '{{ nom }}',
  '<!--',
  '-->',
  '<!-- .element: class="x" -->',
  '<!-- .slide: data-x="1" -->',
  '<textarea>',
  '<script>',
  '<style>',
  '<title>',
  '</div>',
  'Note:',
  'Handout:',
  '```',
  '~~~',
  '---',
  '----',
  '--',
  '\r\n',
  '\t',
  '> > >',
)
const word = fc.constantFrom('atelier', 'données', 'libre', 'Café', 'éthique', 'https://exemple.org/a-b', 'images/photo.png')
const piece = fc.oneof({ weight: 3, arbitrary: word }, { weight: 2, arbitrary: hostile })
const pathPiece = fc.array(fc.oneof(word, hostile), { minLength: 1, maxLength: 4 }).map((p) => p.join(''))
const line = fc.oneof(
  { weight: 4, arbitrary: fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join(' ')) },
  pathPiece.map((p) => `![photo](${p})`),
  pathPiece.map((p) => `[lien](${p})`),
  pathPiece.map((p) => `<img src="${p}">`),
  pathPiece.map((p) => `<!-- .slide: data-background-image="${p}" -->`),
  fc.integer({ min: 1, max: 3000 }).map((n) => `${'>'.repeat(n)} profond`),
  fc.integer({ min: 1, max: 400 }).map((n) => `${'  '.repeat(n)}- liste`),
)
const frontMatterLine = fc.oneof(
  fc.constantFrom(
    'title: Atelier',
    'title: *Atelier',
    'title: **Emancip’asso**',
    'lang: fr',
    'theme: black',
    'theme: inconnu',
    'separator: "^(-+)+$"',
  ),
  fc.constantFrom(
    'separator: "["',
    'a: &a [x, x]',
    'b: [*a, *a, *a]',
    'title: Atelier: outils',
    '\ttitle: T',
    'title:T',
    'author: "ouvert',
  ),
)
const markdownFile = fc
  .tuple(fc.option(fc.array(frontMatterLine, { maxLength: 4 })), fc.array(line, { minLength: 1, maxLength: 12 }))
  .map(([front, body]) => `${front ? `---\n${front.join('\n')}\n---\n` : ''}${body.join('\n')}\n`)

/** The property: built, or refused by a DeckError that names one of the deck's files and a line in it. */
function expectLocatedOrFine(run: () => unknown, texts: string[]): void {
  try {
    run()
  } catch (err) {
    if (!(err instanceof DeckError)) throw err
    const loc = err.detail.loc
    if (!loc) return
    const index = FILES.indexOf(loc.file)
    expect(index, err.message).toBeGreaterThanOrEqual(0)
    expect(loc.line, err.message).toBeGreaterThanOrEqual(1)
    expect(loc.line, err.message).toBeLessThanOrEqual(texts[index]!.split('\n').length + 1)
  }
}

describe('fuzzed decks and profiles', () => {
  it(`${RUNS} decks: parsed and rendered, or a located DeckError`, () => {
    fc.assert(
      fc.property(markdownFile, markdownFile, (first, second) => {
        const texts = [first, second]
        expectLocatedOrFine(() => {
          const deck = parseDeck(FILES.map((file, i) => ({ file, id: path.basename(file, '.md'), text: texts[i]! })))
          renderDeck(deck, { deckRoot: '/deck' })
        }, texts)
      }),
      { numRuns: RUNS },
    )
  }, 300_000)

  it(`${RUNS} profiles: read, or a located DeckError`, () => {
    const value = fc.oneof(word, hostile, fc.constantFrom('"#0a7d5c"', '#0a7d5c', 'WhatsApp, Drive', '[a, b', '{ x: 1 }', '2026-02-30', ''))
    const key = fc.constantFrom(
      'name',
      'slug',
      'shortName',
      'logo',
      'handoutUrl',
      'colors',
      '  primary',
      '  accent',
      'tools',
      '  - need',
      'workshop',
      '  date',
      '  place',
    )
    const profile = fc.array(fc.tuple(key, value), { maxLength: 10 }).map((lines) => lines.map(([k, v]) => `${k}: ${v}`).join('\n'))
    fc.assert(
      fc.property(profile, (text) => {
        try {
          parseYamlWithSchema(text, '/asso/amis.yml', ProfileSchema, { code: 'E_CONFIG', hint: 'h' })
        } catch (err) {
          // Anything but a DeckError is a bug: fail the property with what was thrown.
          expect(err).toBeInstanceOf(DeckError)
          if (!(err instanceof DeckError)) return
          expect(err.detail.loc?.line ?? 0).toBeGreaterThanOrEqual(1)
          expect(err.detail.loc?.line ?? 0).toBeLessThanOrEqual(Math.max(text.split('\n').length, 1))
        }
      }),
      { numRuns: RUNS },
    )
  }, 300_000)
})

describe('fuzzed decks on disk, through the whole compile', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'diapo-fuzz-'))
    await mkdir(path.join(dir, 'images', 'photo.png'), { recursive: true })
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it(`${COMPILE_RUNS} decks: compiled, or a located DeckError`, async () => {
    await fc.assert(
      fc.asyncProperty(markdownFile, async (text) => {
        const file = path.join(dir, 'deck.md')
        await writeFile(file, text)
        const err = await compileDeck({ cwd: dir, deck: 'deck.md' }).then(
          () => undefined,
          (e: unknown) => e,
        )
        if (err === undefined) return
        expect(err).toBeInstanceOf(DeckError)
        if (!(err instanceof DeckError)) return
        if (err.detail.loc) {
          expect([file, path.join(dir, 'inconnu')]).toContain(err.detail.loc.file)
          expect(err.detail.loc.line).toBeGreaterThanOrEqual(1)
        }
      }),
      { numRuns: COMPILE_RUNS },
    )
  }, 300_000)
})
