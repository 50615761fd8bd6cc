import { describe, expect, it } from 'vitest'

import { createMarkdownRenderer } from '../../../src/render/markdown.js'

describe('createMarkdownRenderer', () => {
  const render = createMarkdownRenderer({ frenchTypography: false })

  it('still reads setext headings (the rule is skipped only where no underline line exists)', () => {
    expect(render('Titre\n=====\n\ntexte\n').html).toContain('<h1>Titre</h1>')
    expect(render('Sous-titre\n---\n').html).toContain('<h2>Sous-titre</h2>')
  })

  it('renders a paragraph over several lines without an underline as one paragraph', () => {
    expect(render('une\ndeux\ntrois\n').html).toBe('<p>une\ndeux\ntrois</p>\n')
  })

  it('does not carry the setext state from one document to the next', () => {
    render('A\n===\n')
    expect(render('B\nC\n').html).toBe('<p>B\nC</p>\n')
    expect(render('D\n===\n').html).toContain('<h1>D</h1>')
  })
})

describe('links of a document', () => {
  const render = createMarkdownRenderer({ frenchTypography: true })

  it('gives link texts as a reader sees them, entities and escapes decoded', () => {
    const { links } = render(
      '[https&#58;//blog&#46;libere&#45;ton&#45;ordi&#46;com](https://blog.libere-ton-ordi.com/) et [A\\*B &amp; C](https://example.org)\n',
    )
    expect(links).toEqual([
      { href: 'https://blog.libere-ton-ordi.com/', text: 'https://blog.libere-ton-ordi.com' },
      { href: 'https://example.org', text: 'A*B & C' },
    ])
  })
})
