import { readFile } from 'node:fs/promises'

import { describe, expect, it } from 'vitest'

import { TEMPLATE_FILE } from '../../../src/compile.js'
import { renderPage } from '../../../src/render/page.js'
import type { RenderedDeck, RenderedSlide } from '../../../src/types.js'

const template = await readFile(TEMPLATE_FILE, 'utf8')

function slide(html: string, extra: Partial<RenderedSlide> = {}): RenderedSlide {
  return { loc: { file: '/d/01-a.md', line: 3 }, section: 'a', html, notesHtml: '', attributes: {}, assets: [], links: [], ...extra }
}

function page(meta: RenderedDeck['meta'], stacks: RenderedSlide[][], reveal?: Record<string, unknown>): string {
  return renderPage(
    { meta, stacks: stacks.map((slides) => ({ slides })) },
    { template, reveal, relativeTo: (f) => f.replace('/d/', 'slides/') },
  )
}

describe('renderPage', () => {
  it('sets the lang attribute and the title from the front matter', () => {
    const html = page({ lang: 'fr', title: 'Atelier & co' }, [[slide('<h1>A</h1>')]])
    expect(html).toContain('<html lang="fr">')
    expect(html).toContain('<title>Atelier &amp; co</title>')
  })

  it('takes the first heading as title when there is none', () => {
    expect(page({ lang: 'en' }, [[slide('<p>x</p>')], [slide('<h2>Deux <em>mots</em></h2>')]])).toContain('<title>Deux mots</title>')
  })

  it('writes each slide as a section with its section id, source and notes', () => {
    const html = page({ lang: 'fr' }, [[slide('<h1>A</h1>\n', { notesHtml: '<p>n</p>\n', attributes: { class: 'title-slide' } })]])
    expect(html).toContain(
      '<section class="title-slide" data-section="a" data-source="slides/01-a.md:3">\n<h1>A</h1>\n<aside class="notes">\n<p>n</p>\n</aside>\n</section>',
    )
  })

  it('wraps the slides of a vertical stack in one section', () => {
    const html = page({ lang: 'fr' }, [[slide('<h1>A</h1>\n'), slide('<h1>B</h1>\n')]])
    expect(html).toMatch(/<section>\n<section [^>]*>\n<h1>A<\/h1>\n<\/section>\n<section [^>]*>\n<h1>B<\/h1>\n<\/section>\n<\/section>/)
  })

  it('writes a config JSON that cannot close its script element', () => {
    const evil = '</script><script>alert(1)</script><!--'
    const html = page({ lang: 'fr' }, [[slide('<h1>A</h1>')]], { title: evil })
    const script = /<script type="application\/json" id="diapo-config">([\s\S]*?)<\/script>/.exec(html)
    expect(script).not.toBeNull()
    expect(JSON.parse(script![1]!)).toEqual({ lang: 'fr', reveal: { title: evil } })
    expect(html.split('</script>')).toHaveLength(3)
  })

  it('escapes an author that contains quotes', () => {
    expect(page({ lang: 'fr', author: 'A "B" <C>' }, [[slide('x')]])).toContain('content="A &quot;B&quot; &lt;C&gt;"')
  })
})
