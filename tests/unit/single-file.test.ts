import vm from 'node:vm'

import { describe, expect, it } from 'vitest'

import { inlineDeck, singleFileName } from '../../src/single-file.js'

const page = `<!doctype html><html><head><link rel="stylesheet" href="assets/diapo.css"><link rel="stylesheet" href="assets/theme.css"></head>
<body><img src="media/logo%20bleu.png" alt="x"><div style="background: url(media/logo%20bleu.png)"></div><script src="assets/diapo.js"></script></body></html>`

describe('inlineDeck', () => {
  const js = 'var speaker = `<!--\\nnote--><script>var a = 1<\\/script>`; var end = "</script>"; var re = /<!--/;'
  const out = inlineDeck(page, {
    css: { 'assets/diapo.css': 'body { color: red }', 'assets/theme.css': ':root { --x: 1 } /* </style> */' },
    js: { 'assets/diapo.js': js },
    media: [{ target: 'media/logo%20bleu.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47]) }],
  })

  it('inlines the stylesheets, the script and every reference to a media file', () => {
    expect(out).not.toMatch(/href="assets\/|src="assets\/|media\//)
    expect(out).toContain('<style>body { color: red }</style>')
    expect(out.match(/data:image\/png;base64,iVBORw==/g)).toHaveLength(2)
  })

  it('keeps the script whole inside its element: no </script> or <!-- left to confuse the HTML parser', () => {
    const body = /<script>([\s\S]*)<\/script>/.exec(out)![1]!
    expect(body).not.toMatch(/<\/script|<!--/i)
    expect(out).not.toMatch(/<\/style>[^<]*\*\//)
    // The escaped script means what the original meant.
    const run = (code: string): unknown => vm.runInNewContext(`${code}; [speaker, end, re.test("a <!-- b"), re.test("<-")]`)
    expect(run(body)).toEqual(run(js))
  })
})

describe('the link to the local handout.pdf in a single file', () => {
  const files = { css: {}, js: {}, media: [] }
  const html = '<p><a class="diapo-handout-link diapo-handout-local" href="handout.pdf" download>Télécharger le support (PDF)</a></p>'

  it('goes to where the handout is published, or goes: the PDF does not travel with the file', () => {
    expect(inlineDeck(html, files, { handoutUrl: 'https://example.org/a.pdf?x=1&y=2' })).toBe(
      '<p><a class="diapo-handout-link" href="https://example.org/a.pdf?x=1&amp;y=2">Télécharger le support (PDF)</a></p>',
    )
    expect(inlineDeck(html, files)).toBe('<p></p>')
  })
})

describe('singleFileName', () => {
  it("names the generic deck after its title, up to its subtitle, and a profile's after its slug", () => {
    expect(singleFileName(null, "Emancip'asso : accompagnement des associations")).toBe('emancipasso.html')
    expect(singleFileName(null, 'Éducation populaire — les outils')).toBe('education-populaire.html')
    expect(singleFileName('jardins-partages', 'Emancip’asso')).toBe('jardins-partages.html')
  })

  it('never takes the name of another file of the folder', () => {
    expect(singleFileName(null, 'Index')).toBe('diaporama.html')
    expect(singleFileName(null, 'Sommaire : tout')).toBe('diaporama.html')
    expect(singleFileName(null, '« ! »')).toBe('diaporama.html')
  })
})
