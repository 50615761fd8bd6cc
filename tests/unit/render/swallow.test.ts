import { describe, expect, it } from 'vitest'

import { DeckError } from '../../../src/errors.js'
import { parseDeck } from '../../../src/parse/deck.js'
import { renderDeck } from '../../../src/render/deck.js'
import { findSwallower } from '../../../src/render/swallow.js'

// What would swallow every later slide and the deck's script (a blank deck that never starts) is
// refused at the line the writer typed it; what the browser closes by itself is left alone.

function errorOf(text: string): DeckError | undefined {
  try {
    renderDeck(parseDeck([{ file: '/deck/a.md', id: 'a', text }]), { deckRoot: '/deck' })
    return undefined
  } catch (err) {
    if (err instanceof DeckError) return err
    throw err
  }
}

describe('what swallows the rest of the page', () => {
  it.each([
    ['an unclosed comment', '# A\n\n<!-- à revoir\n\n---\n\n# B\n', 3, '"<!--" is never closed'],
    ['a <textarea> named in prose', '# A\n\nUn champ ou un <textarea> suffit.\n\n---\n\n# B\n', 3, '"<textarea>" is never closed'],
    ['a <script> named in a list', '# A\n\n- texte\n- la balise <script> charge un programme\n', 4, '"<script>" is never closed'],
    ['a <style> in prose', '# A\n\nLa balise <style> met en forme.\n', 3, '"<style>"'],
    ['a <title> in prose', '# A\n\n\nLe <title> de la page\n', 4, '"<title>"'],
    ['<plaintext>', '# A\n\n<plaintext>\n', 3, 'plain text'],
    ['a <script> in the notes', '# A\n\nNote:\n\nVoir <script> plus tard\n', 5, 'speaker notes'],
    ['a <textarea> in the handout text', '# A\n\nHandout:\nUn <textarea>\n', 4, 'handout text'],
  ])('%s: refused at its line', (_, text, line, message) => {
    const err = errorOf(text)
    expect(err?.detail.loc).toEqual({ file: '/deck/a.md', line })
    expect(err?.message).toContain(message)
    expect(err?.detail.hint).toMatch(/backticks|close/)
  })

  it('a "Note:" line inside a comment: refused at the comment, saying why', () => {
    const err = errorOf('# A\n\n<!--\nNote: plus tard\n-->\n\n---\n\n# B\n')
    expect(err?.detail.loc?.line).toBe(3)
    expect(err?.message).toContain('"Note:" line 4')
    expect(err?.detail.hint).toContain('before line 4')
  })

  it.each([
    ['closed elements and comments', '# A\n\n<textarea>x</textarea>\n\n<!-- ok -->\n\n- item <!-- .element: class="fragment" -->\n'],
    ['tags in code', '# A\n\nUn `<textarea>` ou `<!--`\n\n```html\n<!--\n<script>\n```\n'],
    ['an inline "<!--" in a paragraph (marked escapes it)', '# A\n\ntexte <!-- oublié\n'],
    ['an empty comment', '# A\n\n<!--> texte\n'],
    ['a <script> closed on the same slide', '# A\n\n<script>\nlet a = "<!--"\n</script>\n'],
  ])('%s: fine', (_, text) => {
    expect(errorOf(text)).toBeUndefined()
  })

  it('reads quoted attributes and raw text as the browser does', () => {
    expect(findSwallower('<p title="<style>">x</p>')).toBeUndefined()
    expect(findSwallower('<style>/* <!-- */</style>')).toBeUndefined()
    expect(findSwallower('<TEXTAREA rows="2">')?.opening).toBe('<textarea>')
    expect(findSwallower('<p>a</p><!-- b --><!-- c')?.index).toBe(18)
    expect(findSwallower('<textareas>')).toBeUndefined()
  })
})

describe('nesting', () => {
  it('a quote nested 150 deep is refused at its line, fast (marked would take seconds a line)', () => {
    const started = performance.now()
    const err = errorOf(`# A\n\ntexte\n${'>'.repeat(1500)} profond\nsuite\nsuite\n`)
    expect(err?.detail.loc?.line).toBe(4)
    expect(err?.message).toContain('100 levels')
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it('lists nested on one line, or by indentation, count too; code does not', () => {
    expect(errorOf(`# A\n\n${'- '.repeat(120)}x\n`)?.detail.loc?.line).toBe(3)
    expect(errorOf(`# A\n\n${'  '.repeat(150)}- x\n`)?.detail.loc?.line).toBe(3)
    expect(errorOf(`# A\n\n\`\`\`\n${' '.repeat(400)}x\n${'>'.repeat(200)}\n\`\`\`\n`)).toBeUndefined()
    expect(errorOf(`# A\n\n${'> '.repeat(20)}citation\n`)).toBeUndefined()
  })
})
