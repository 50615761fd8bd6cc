import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { parseDeck } from '../../../src/parse/deck.js'
import { assetTarget, renderDeck } from '../../../src/render/deck.js'

const ROOT = path.resolve('/deck')
const FILE = path.join(ROOT, '01-intro.md')
const renderOne = (text: string) => {
  const rendered = renderDeck(parseDeck([{ file: FILE, id: 'intro', text }]), { deckRoot: ROOT })
  return rendered.stacks.flatMap((s) => s.slides)
}

describe('renderDeck', () => {
  it('defaults the language to French', () => {
    expect(renderDeck(parseDeck([{ file: FILE, id: 'intro', text: '# A' }]), { deckRoot: ROOT }).meta.lang).toBe('fr')
  })

  it('renders notes apart from the slide', () => {
    const [slide] = renderOne('# Titre\n\nNote: Dites **bonjour**.\n')
    expect(slide!.html).toBe('<h1>Titre</h1>\n')
    expect(slide!.notesHtml).toBe('<p>Dites <strong>bonjour</strong>.</p>\n')
  })

  it('renders GitHub-flavoured Markdown: tables, strikethrough, task lists, autolinks', () => {
    const [slide] = renderOne('| a | b |\n|---|---|\n| 1 | 2 |\n\n~~non~~\n\n- [x] fait\n\nhttps://exemple.org\n')
    expect(slide!.html).toContain('<table>')
    expect(slide!.html).toContain('<del>non</del>')
    expect(slide!.html).toMatch(/<input checked="" disabled="" type="checkbox">/)
    expect(slide!.html).toContain('<a href="https://exemple.org">')
  })

  it('collects relative images with their line and rewrites their path into media/', () => {
    const slides = renderOne('# A\n\n---\n\n# B\n\ntexte\n\n![Logo](images/logo.png)\n<img src="./photo%201.jpg">\n')
    expect(slides[1]!.assets).toEqual([
      { source: path.join(ROOT, 'images', 'logo.png'), target: 'media/images/logo.png', loc: { file: FILE, line: 9 } },
      { source: path.join(ROOT, 'photo 1.jpg'), target: 'media/photo%201.jpg', loc: { file: FILE, line: 10 } },
    ])
    expect(slides[1]!.html).toContain('src="media/images/logo.png"')
    expect(slides[1]!.html).toContain('src="media/photo%201.jpg"')
  })

  it('counts the lines of a .slide comment written over several lines', () => {
    const [slide] = renderOne('# A\n<!-- .slide:\n  class="x" -->\n![x](absent.png)\n')
    expect(slide!.assets[0]!.loc).toEqual({ file: FILE, line: 4 })
    expect(slide!.attributes).toEqual({ class: 'x' })
  })

  it('collects the images of the notes too', () => {
    const [slide] = renderOne('# A\n\nNote:\nMontrez ce schéma :\n![Schéma](schema.png)\n')
    expect(slide!.notesHtml).toContain('src="media/schema.png"')
    expect(slide!.assets).toEqual([{ source: path.join(ROOT, 'schema.png'), target: 'media/schema.png', loc: { file: FILE, line: 3 } }])
  })

  it('ignores URLs, data: URIs and protocol-relative images', () => {
    const [slide] = renderOne('![a](https://exemple.org/a.png) ![b](data:image/png;base64,AAAA) <img src="//cdn.org/c.png">\n')
    expect(slide!.assets).toEqual([])
    expect(slide!.html).toContain('src="https://exemple.org/a.png"')
    expect(slide!.html).toContain('src="data:image/png;base64,AAAA"')
  })

  it('collects a slide background image', () => {
    const [slide] = renderOne('<!-- .slide: data-background-image="fond.jpg" -->\n# A\n')
    expect(slide!.attributes['data-background-image']).toBe('media/fond.jpg')
    expect(slide!.assets[0]).toMatchObject({ source: path.join(ROOT, 'fond.jpg'), loc: { file: FILE, line: 1 } })
  })

  it('collects the photos of CSS backgrounds in style attributes, and leaves URLs alone', () => {
    const [slide] = renderOne(
      '# A\n\n<div style="background-image: url(\'images/texture.jpg\'); background-size: cover"></div>\n' +
        "<p style='background: url(https://exemple.org/b.png)'>x</p>\n",
    )
    expect(slide!.assets).toEqual([
      { source: path.join(ROOT, 'images', 'texture.jpg'), target: 'media/images/texture.jpg', loc: { file: FILE, line: 3 } },
    ])
    expect(slide!.html).toContain(`style="background-image: url('media/images/texture.jpg'); background-size: cover"`)
    expect(slide!.html).toContain('url(https://exemple.org/b.png)')
  })

  it('lists the external links of a slide and its notes', () => {
    const [slide] = renderOne('[Framasoft](https://framasoft.org) [local](#/2)\n\nNote: voir <mailto:contact@exemple.org>\n')
    expect(slide!.links.map((l) => l.href)).toEqual(['https://framasoft.org', 'mailto:contact@exemple.org'])
  })
})

describe('assetTarget', () => {
  it('keeps the path inside the deck and puts outside files under media/external', () => {
    expect(assetTarget(path.join(ROOT, 'img', 'a b.png'), ROOT)).toBe('media/img/a%20b.png')
    expect(assetTarget(path.resolve('/elsewhere/c.png'), ROOT)).toMatch(/^media\/external\/[0-9a-f]{8}\/c\.png$/)
  })

  it('keeps two outside files of the same name apart, and one file in one place', () => {
    const a = assetTarget(path.resolve('/assos/velo/logo.svg'), ROOT)
    const b = assetTarget(path.resolve('/assos/chorale/logo.svg'), ROOT)
    expect(a).not.toBe(b)
    expect(a.endsWith('/logo.svg') && b.endsWith('/logo.svg')).toBe(true)
    expect(assetTarget(path.resolve('/assos/velo/logo.svg'), ROOT)).toBe(a)
    expect(path.posix.dirname(assetTarget(path.resolve('/assos/velo/photo.png'), ROOT))).toBe(path.posix.dirname(a))
  })
})

describe('renderDeck, media reveal.js shows', () => {
  it('neither requires nor copies an image inside an HTML comment', () => {
    const [slide] = renderOne('# A\n\n<!-- ![old](old.png) <img src="old.png"> -->\n')
    expect(slide!.assets).toEqual([])
  })

  it('copies backgrounds in every form: short form image, video sources, iframe, on raw sections', () => {
    const slides = renderOne(
      [
        '<!-- .slide: data-background="bg.png" -->\n# A',
        '<!-- .slide: data-background="#ff0000" -->\n# B',
        '<!-- .slide: data-background-video="a.mp4,a.webm" data-background-iframe="page.html" -->\n# C',
        '<section data-background-image="raw.jpg">\n\n# D\n\n</section>',
      ].join('\n\n---\n\n'),
    )
    expect(slides.flatMap((s) => s.assets.map((a) => path.basename(a.source)))).toEqual([
      'bg.png',
      'a.mp4',
      'a.webm',
      'page.html',
      'raw.jpg',
    ])
    expect(slides[0]!.attributes['data-background']).toBe('media/bg.png')
    expect(slides[1]!.attributes['data-background']).toBe('#ff0000')
    expect(slides[2]!.attributes['data-background-video']).toBe('media/a.mp4,media/a.webm')
    expect(slides[3]!.html).toContain('data-background-image="media/raw.jpg"')
  })

  it('points #/N links where reveal.js pointed them when a leading --- made an empty first slide', () => {
    const slides = renderOne('---\n# A\n\n[to B](#/2)\n\n---\n\n## B\n')
    expect(slides).toHaveLength(2)
    expect(slides[0]!.html).toContain('href="#/1"')
  })
})
