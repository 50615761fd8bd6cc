import { describe, expect, it } from 'vitest'

import { isDeckError } from '../../../src/errors.js'
import { parseSource } from '../../../src/parse/deck.js'
import { appendToLastSlide, renderHandoutLink } from '../../../src/render/handout-link.js'
import type { Deck, RenderedDeck, RenderedSlide } from '../../../src/types.js'

function deck(meta: Deck['meta'] = {}): Deck {
  return {
    meta,
    stacks: [],
    files: [
      parseSource(
        '/d/01-titre.md',
        `---\ntitle: T\n${meta.handoutUrl === undefined ? '' : `handoutUrl: ${String(meta.handoutUrl)}\n`}---\n`,
      ),
    ],
  }
}

describe('renderHandoutLink', () => {
  it('links to handout.pdf beside index.html when the build writes it', async () => {
    const link = await renderHandoutLink(deck(), 'fr', true)
    expect(link?.slideHtml).toContain('href="handout.pdf"')
    expect(link?.slideHtml).toContain('Télécharger le support (PDF)')
    expect(link?.helpHtml).toContain('href="handout.pdf"')
    expect(link?.slideHtml).not.toContain('<svg')
  })

  it('offers nothing on a plain build without handoutUrl, rather than a dead link', async () => {
    expect(await renderHandoutLink(deck(), 'fr', false)).toBeUndefined()
  })

  it('adds a QR code of handoutUrl, and links to it when no PDF is built', async () => {
    const url = 'https://example.org/support.pdf'
    const withPdf = await renderHandoutLink(deck({ handoutUrl: url }), 'fr', true)
    expect(withPdf?.slideHtml).toMatch(
      /<figure class="diapo-handout-qr"><div role="img" aria-label="QR code du support : https:\/\/example.org\/support.pdf"><svg[^>]*viewBox/,
    )
    // What the code opens, said beside it.
    expect(withPdf?.slideHtml).toContain(
      '<figcaption>Scannez pour télécharger le support de l\u2019atelier (PDF)<br><span class="diapo-handout-url">example.org/support.pdf</span></figcaption>',
    )
    const without = await renderHandoutLink(deck({ handoutUrl: url }), 'en', false)
    expect(without?.slideHtml).toContain(`href="${url}"`)
    expect(without?.slideHtml).toContain('Download the handout (PDF)')
  })

  it('reports a handoutUrl that is not a web address at its line', async () => {
    const err = await Promise.resolve()
      .then(() => renderHandoutLink(deck({ handoutUrl: 'support.pdf' }), 'fr', true))
      .catch((e: unknown) => e)
    expect(isDeckError(err) && err.format('/d')).toMatch(/^01-titre.md:3: handoutUrl must be the web address/)
  })
})

describe('appendToLastSlide', () => {
  it('adds HTML to the last slide of the last stack only, without changing the deck it was given', () => {
    const s = (html: string): RenderedSlide => ({
      loc: { file: 'a', line: 1 },
      section: 'a',
      html,
      notesHtml: '',
      attributes: {},
      assets: [],
      links: [],
    })
    const original: RenderedDeck = { meta: { lang: 'fr' }, stacks: [{ slides: [s('a')] }, { slides: [s('b'), s('c')] }] }
    const changed = appendToLastSlide(original, '<p>x</p>')
    expect(changed.stacks.flatMap((st) => st.slides.map((sl) => sl.html))).toEqual(['a', 'b', 'c<p>x</p>'])
    expect(original.stacks[1]!.slides[1]!.html).toBe('c')
  })
})
