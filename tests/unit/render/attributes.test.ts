import { describe, expect, it } from 'vitest'

import { applyElementAttributes, renderAttributes } from '../../../src/render/attributes.js'
import { createMarkdownRenderer } from '../../../src/render/markdown.js'

const md = createMarkdownRenderer({ frenchTypography: false })
const render = (markdown: string) => applyElementAttributes(md(markdown).html)

describe('applyElementAttributes', () => {
  it('puts the attributes on the paragraph the comment follows', () => {
    expect(render('Premier\n\n<!-- .element: class="fragment" -->\n').trim()).toBe('<p class="fragment">Premier</p>')
  })

  it('puts the attributes on the list item whose text ends with the comment', () => {
    const out = render('- un\n- deux <!-- .element: class="fragment" -->\n- trois\n')
    expect(out).toContain('<li>un</li>')
    expect(out).toMatch(/<li class="fragment">deux\s*<\/li>/)
    expect(out).toContain('<li>trois</li>')
  })

  it('puts the attributes on an image inside a paragraph', () => {
    const out = render('![Logo](logo.png) <!-- .element: class="r-stretch" data-id="logo" -->\n')
    expect(out).toContain('<img src="logo.png" alt="Logo" class="r-stretch" data-id="logo">')
    expect(out).not.toContain('.element')
  })

  it('adds to the element own class instead of writing a second class attribute', () => {
    const out = render('<p class="lead">Texte</p>\n<!-- .element: class="fragment fade-up" -->\n')
    expect(out).toContain('<p class="lead fragment fade-up">Texte</p>')
    expect(out.match(/class=/g)).toHaveLength(1)
  })

  it('merges the classes of two comments on the same element', () => {
    const out = render('Texte <!-- .element: class="a" --> <!-- .element: class="b" data-x="1" -->\n')
    expect(out).toContain('<p class="a b" data-x="1">')
  })

  it('skips a <br> when looking for the previous element', () => {
    const out = render('<p><em>mot</em><br><!-- .element: class="fragment" --></p>\n')
    expect(out).toContain('<em class="fragment">mot</em>')
  })

  it('targets the emphasis just before the comment inside a paragraph', () => {
    expect(render('Du **gras** <!-- .element: class="hl" --> et du texte\n')).toContain('<strong class="hl">gras</strong>')
  })

  it('escapes attribute values', () => {
    expect(render('Texte <!-- .element: data-t=\'a "b" <c>\' -->\n')).toContain('data-t="a &quot;b&quot; &lt;c>"')
  })

  it('leaves other comments and HTML without element comments unchanged', () => {
    const html = '<p>a</p>\n<!-- un commentaire -->\n'
    expect(applyElementAttributes(html)).toBe(html)
    expect(render('a <!-- note --> b')).toContain('<!-- note -->')
  })
})

describe('renderAttributes', () => {
  it('renders name="value" pairs, escaped', () => {
    expect(renderAttributes({ class: 'a b', 'data-x': '"<&' })).toBe(' class="a b" data-x="&quot;&lt;&amp;"')
  })
})

describe('applyElementAttributes, as reveal.js reads comments', () => {
  it('reads .element without its colon', () => {
    expect(render('Texte\n<!-- .element class="fragment" -->\n')).toContain('<p class="fragment">Texte')
  })

  it('gives a comment on the line right after a list item to that item, not to the list', () => {
    const out = render('- un\n- deux\n<!-- .element: class="fragment" -->\n')
    expect(out).toContain('<ul>')
    expect(out).toMatch(/<li class="fragment">deux<\/li>/)
  })

  it('gives a comment after a blank line to the whole list', () => {
    expect(render('- un\n- deux\n\n<!-- .element: class="fragment" -->\n')).toContain('<ul class="fragment">')
  })
})
