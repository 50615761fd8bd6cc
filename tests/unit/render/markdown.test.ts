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
