import { describe, expect, it } from 'vitest'

import { renderIncrementalUpdate } from '../../../src/export/metadata.js'

/** A minimal PDF laid out as Chromium writes it: classic xref table, Info with a nested-parentheses string. */
function chromiumLikePdf(catalogExtra = ''): string {
  const objects = [
    '<</Type /Catalog\n/Pages 2 0 R\n/MarkInfo <</Type /MarkInfo\n/Marked true>>' + catalogExtra + '>>',
    '<</Type /Pages\n/Count 3\n/Kids [4 0 R]>>',
    '<</Title (Atelier)\n/Creator (Mozilla/5.0 \\(X11\\) (KHTML, like Gecko) HeadlessChrome)\n/Producer (Skia/PDF m156)>>',
  ]
  let pdf = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(pdf.length)
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = pdf.length
  pdf += `xref\n0 4\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  pdf += `trailer\n<</Size 4\n/Root 1 0 R\n/Info 3 0 R>>\nstartxref\n${xref}\n%%EOF`
  return pdf
}

function hex(text: string): string {
  return `<FEFF${[...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('').toUpperCase()}>`
}

describe('renderIncrementalUpdate', () => {
  it('appends a new Info and a catalog with /Lang, keeping the other entries', () => {
    const pdf = chromiumLikePdf()
    const update = renderIncrementalUpdate(pdf, { title: 'Atelier', author: 'Camille é', lang: 'fr' })!
    expect(update.pages).toBe(3)
    expect(update.text).toContain(`/Author ${hex('Camille é')}`)
    expect(update.text).toContain('/Producer (Skia/PDF m156)')
    expect(update.text).not.toContain('HeadlessChrome')
    expect(update.text).toContain(`/Lang ${hex('fr')}`)
    expect(update.text).toContain('/MarkInfo <</Type /MarkInfo\n/Marked true>>')
    expect(update.text).toMatch(/trailer\n<<\/Size 4 \/Root 1 0 R \/Info 3 0 R \/Prev \d+>>/)
  })

  it('points the new xref entries at the appended objects', () => {
    const pdf = chromiumLikePdf()
    const { text } = renderIncrementalUpdate(pdf, { title: 'T', lang: 'fr' })!
    const whole = pdf + text
    const entries = [...text.matchAll(/^(\d+) 1\n(\d{10}) 00000 n $/gm)]
    expect(entries).toHaveLength(2)
    for (const [, num, offset] of entries) expect(whole.startsWith(`${num} 0 obj`, Number(offset))).toBe(true)
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1])
    expect(whole.startsWith('xref', startxref)).toBe(true)
  })

  it('leaves a catalog that already has its language alone', () => {
    const { text } = renderIncrementalUpdate(chromiumLikePdf('\n/Lang (fr)'), { title: 'T', lang: 'fr' })!
    expect(text).not.toContain('/Type /Catalog')
  })

  it('declines PDFs it does not understand', () => {
    expect(renderIncrementalUpdate('%PDF-1.7\nnot a pdf', { title: 'T', lang: 'fr' })).toBeUndefined()
  })
})
