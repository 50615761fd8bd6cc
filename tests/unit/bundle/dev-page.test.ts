import { describe, expect, it } from 'vitest'

import { renderCodeFrame, renderDevPage, renderOverlayError, splitPage } from '../../../src/bundle/dev-page.js'
import { DeckError } from '../../../src/errors.js'

const PAGE = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self' file: data: blob: 'unsafe-inline'">
</head><body><div class="reveal"></div></body></html>`

describe('renderCodeFrame', () => {
  it("numbers the lines around the faulty one and marks it, as Vite's overlay expects", () => {
    expect(renderCodeFrame('a\nb\nc\nd\ne\nf', 3)).toBe('  1 | a\n  2 | b\n> 3 | c\n  4 | d\n  5 | e')
  })

  it('stays inside the file at its first and last lines', () => {
    expect(renderCodeFrame('a\nb', 1)).toBe('> 1 | a\n  2 | b')
  })
})

describe('renderOverlayError', () => {
  it('gives a deck error its file:line, message, hint and source frame', () => {
    const err = new DeckError('malformed YAML: bad', 'E_FRONTMATTER', {
      loc: { file: '/w/slides/a.md', line: 2 },
      hint: 'check the indentation',
    })
    const overlay = renderOverlayError(err, '/w', '---\ntitle: [x\n---\n')
    expect(overlay).toMatchObject({
      message: 'slides/a.md:2: malformed YAML: bad\n→ check the indentation',
      plugin: 'diapo',
      loc: { file: 'slides/a.md', line: 2, column: 1 },
    })
    expect(overlay.frame).toContain('> 2 | title: [x')
  })

  it('says that an unexpected error is a bug in diapo', () => {
    expect(renderOverlayError(new TypeError('x is undefined'), '/w').message).toContain('bug in diapo')
  })
})

describe('renderDevPage', () => {
  it("adds Vite's client and lets it connect to the dev server", () => {
    const html = renderDevPage(PAGE)
    expect(html).toMatch(/<script type="module" src="\/@vite\/client"><\/script>[\s\S]*<\/head>/)
    expect(html).toContain("hot.on('diapo:slides'")
    expect(html).toContain("'unsafe-inline'; connect-src 'self' ws://127.0.0.1:*\"")
    expect(html).not.toContain("customElements.get('vite-error-overlay')")
  })

  it('tells the server which build the page shows, once its socket is open', () => {
    expect(renderDevPage(PAGE, undefined, 7)).toContain("hot.send('diapo:hello', { build: 7 })")
  })

  it('shows the last error in the overlay when the page loads, escaped inside its script', () => {
    const html = renderDevPage(PAGE, { message: 'a.md:1: </script><b>', stack: '', plugin: 'diapo' })
    expect(html).toContain("customElements.get('vite-error-overlay')")
    expect(html).not.toContain('</script><b>')
  })

  it('serves a blank page carrying the error when the deck never built', () => {
    const html = renderDevPage(undefined, { message: 'x', stack: '', plugin: 'diapo' })
    expect(html).toContain('/@vite/client')
    expect(html).toContain('vite-error-overlay')
  })
})

describe('splitPage', () => {
  const page = (slides: string, title = 'T'): string =>
    `<html><head><title>${title}</title></head><body><div class="reveal">\n<div class="slides">\n${slides}\n    </div>\n  </div>\n  <script type="application/json" id="diapo-config">{}</script></body></html>`

  it('separates the slides from the rest of the page', () => {
    const split = splitPage(page('<section>A</section>'))
    expect(split?.slides).toBe('\n<section>A</section>')
    expect(split?.shell).not.toContain('<section>')
  })

  it('gives the same shell to two pages that differ only by their slides, not when the head differs', () => {
    expect(splitPage(page('<section>A</section>'))?.shell).toBe(splitPage(page('<section>B</section><section>C</section>'))?.shell)
    expect(splitPage(page('x', 'T1'))?.shell).not.toBe(splitPage(page('x', 'T2'))?.shell)
  })

  it("gives up on a page without the deck's slides element", () => {
    expect(splitPage('<html><body></body></html>')).toBeUndefined()
  })
})
