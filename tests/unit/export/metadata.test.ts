import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib'

import { renderIncrementalUpdate } from '../../../src/export/metadata.js'
import { joinChromiumPdfs, mergePdfs } from '../../../src/export/pdf-join.js'

/** A minimal PDF laid out as Chromium writes it: classic xref table, Info with a nested-parentheses string. */
function chromiumLikePdf(catalogExtra = ''): string {
  const objects = [
    '<</Type /Catalog\n/Pages 2 0 R\n/MarkInfo <</Type /MarkInfo\n/Marked true>>' + catalogExtra + '>>',
    '<</Type /Pages\n/Count 3\n/Kids [4 0 R]>>',
    '<</Title (Atelier)\n/Creator (Mozilla/5.0 \\(X11\\) (KHTML, like Gecko) HeadlessChrome)\n/Producer (Skia/PDF m156)>>',
  ]
  return layOutPdf(objects, 1, 3)
}

/** A PDF of `objects` (object 1 first) as Chromium lays one out: the objects, one xref table, the trailer. */
function layOutPdf(objects: string[], root: number, info: number): string {
  let pdf = '%PDF-1.4\n%\xd3\xeb\xe9\xe1\n'
  const offsets = objects.map((body, i) => {
    const at = pdf.length
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`
    return at
  })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  pdf += `trailer\n<</Size ${objects.length + 1}\n/Root ${root} 0 R\n/Info ${info} 0 R>>\nstartxref\n${xref}\n%%EOF\n`
  return pdf
}

function hex(text: string): string {
  return `<FEFF${[...text]
    .map((c) => c.charCodeAt(0).toString(16).padStart(4, '0'))
    .join('')
    .toUpperCase()}>`
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

  it('adds bookmarks leading to pages and to named destinations, nested, and opens the outline panel', async () => {
    const base = chromiumPdf('A', 3, false, '\n/Dests <</slide-3 [13 0 R /XYZ 0 792 0]>>')
    const outline = [
      {
        title: 'Partie « une »',
        page: 0,
        children: [
          { title: 'Deux', page: 1 },
          { title: 'Nulle part', dest: 'absent' },
        ],
      },
      { title: 'Trois', dest: 'slide-3' },
    ]
    const { text } = renderIncrementalUpdate(base, { title: 'T', lang: 'fr', outline })!
    expect(text).toContain('/PageMode /UseOutlines')
    const pdf = await PDFDocument.load(Buffer.from(base + text, 'latin1'), { updateMetadata: false })
    const root = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict)
    expect(String(root.get(PDFName.of('Count')))).toBe('3')
    const first = root.lookup(PDFName.of('First'), PDFDict)
    const title = (item: PDFDict): string => (item.lookup(PDFName.of('Title')) as unknown as { decodeText(): string }).decodeText()
    const dest = (item: PDFDict) => item.lookup(PDFName.of('Dest'), PDFArray).get(0)
    expect(title(first)).toBe('Partie « une »')
    expect(dest(first)).toBe(pdf.getPages()[0]!.ref)
    const child = first.lookup(PDFName.of('First'), PDFDict)
    expect(title(child)).toBe('Deux')
    expect(dest(child)).toBe(pdf.getPages()[1]!.ref)
    // A bookmark leading nowhere is left out.
    expect(first.get(PDFName.of('First'))).toBe(first.get(PDFName.of('Last')))
    const second = first.lookup(PDFName.of('Next'), PDFDict)
    expect(title(second)).toBe('Trois')
    expect(dest(second)).toBe(pdf.getPages()[2]!.ref)
  })

  it('declines PDFs it does not understand', () => {
    expect(renderIncrementalUpdate('%PDF-1.7\nnot a pdf', { title: 'T', lang: 'fr' })).toBeUndefined()
  })
})

/**
 * A small real PDF laid out as Chromium writes it: catalog, page tree, `pages` pages each drawing
 * "Page N" from a content stream with the bytes `9 0 R` in its data, a link whose URI holds `4 0 R`,
 * and a font dictionary shared by the pages.
 */
function chromiumPdf(label: string, pages: number, tagged = false, catalogExtra = ''): string {
  const objects: string[] = []
  const add = (body: string): number => objects.push(body)
  const info = add(`<</Title (${label})\n/Creator (Chromium)>>`)
  const catalog = add('') // filled below
  const tree = add('') // filled below
  const font = add('<</Type /Font\n/Subtype /Type1\n/BaseFont /Helvetica>>')
  const kids: number[] = []
  for (let n = 1; n <= pages; n++) {
    const data = `BT /F1 24 Tf 72 720 Td (${label} page ${n}) Tj ET % 9 0 R`
    const content = add(`<</Length ${data.length}>> stream\n${data}\nendstream`)
    const link = add(
      `<</Type /Annot\n/Subtype /Link\n/Rect [72 700 300 740]\n/A <</S /URI\n/URI (https://example.org/4 0 R/${label}${n})>>>>`,
    )
    const parents = tagged ? `\n/StructParents ${n - 1}` : ''
    kids.push(
      add(
        `<</Type /Page\n/Parent ${tree} 0 R\n/MediaBox [0 0 612 792]\n/Resources <</Font <</F1 ${font} 0 R>>>>\n/Contents ${content} 0 R\n/Annots [${link} 0 R]${parents}>>`,
      ),
    )
  }
  let structure = ''
  if (tagged) {
    // As Chromium tags: a root, one Document element, an element a page, a parent tree of one /Nums array.
    const root = add('')
    const doc = add('')
    const elems = kids.map((page) => add(`<</Type /StructElem\n/S /P\n/P ${doc} 0 R\n/Pg ${page} 0 R\n/K 0>>`))
    const arrays = elems.map((elem) => add(`[${elem} 0 R]`))
    const parentTree = add(`<</Type /ParentTree\n/Nums [ ${arrays.map((a, i) => `${i} ${a} 0 R`).join(' ')} ]>>`)
    objects[root - 1] = `<</Type /StructTreeRoot\n/K ${doc} 0 R\n/ParentTreeNextKey ${pages}\n/ParentTree ${parentTree} 0 R>>`
    objects[doc - 1] = `<</Type /StructElem\n/S /Document\n/P ${root} 0 R\n/K [${elems.map((e) => `${e} 0 R`).join(' ')}]>>`
    structure = `\n/MarkInfo <</Type /MarkInfo\n/Marked true>>\n/StructTreeRoot ${root} 0 R`
  }
  objects[catalog - 1] =
    `<</Type /Catalog\n/Pages ${tree} 0 R${structure}${catalogExtra}\n/ViewerPreferences <</Type /ViewerPreferences\n/DisplayDocTitle true>>>>`
  objects[tree - 1] = `<</Type /Pages\n/Count ${pages}\n/Kids [${kids.map((k) => `${k} 0 R`).join(' ')}]>>`
  return layOutPdf(objects, catalog, info)
}

describe('joinChromiumPdfs', () => {
  const meta = { title: 'Grand deck', author: 'Camille', lang: 'fr' }

  it('joins the pages in order, with their links, under the new metadata', async () => {
    const { text, pages } = joinChromiumPdfs([chromiumPdf('A', 2), chromiumPdf('B', 3)], meta)!
    expect(pages).toBe(5)
    const pdf = await PDFDocument.load(Buffer.from(text, 'latin1'), { updateMetadata: false })
    expect(pdf.getPageCount()).toBe(5)
    expect(pdf.getTitle()).toBe('Grand deck')
    expect(pdf.getAuthor()).toBe('Camille')
    expect(pdf.catalog.lookup(PDFName.of('Lang'))?.toString()).toBe(hex('fr'))
    const uris = pdf.getPages().map((page) => {
      const annot = pdf.context.lookup(page.node.lookup(PDFName.of('Annots'), PDFArray).get(0), PDFDict)
      return annot.lookup(PDFName.of('A'), PDFDict).lookup(PDFName.of('URI'))!.toString()
    })
    expect(uris).toEqual(['A1', 'A2', 'B1', 'B2', 'B3'].map((s) => `(https://example.org/4 0 R/${s})`))
  })

  it('moves references, never the bytes of strings and streams', () => {
    const { text } = joinChromiumPdfs([chromiumPdf('A', 1), chromiumPdf('B', 1)], meta)!
    // The second part's objects come after the first's 7: its font (4) is now 11, its data untouched.
    expect(text).toContain('/Font <</F1 11 0 R>>')
    expect(text.match(/% 9 0 R\n/g)).toHaveLength(2)
    expect(text).toContain('(https://example.org/4 0 R/B1)')
  })

  it('points every cross-reference entry at its object', () => {
    const { text } = joinChromiumPdfs([chromiumPdf('A', 2), chromiumPdf('B', 2)], meta)!
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1])
    const entries = text
      .slice(startxref)
      .split('\n')
      .filter((line) => line.endsWith(' 00000 n '))
    entries.forEach((entry, i) => expect(text.startsWith(`${i + 1} 0 obj`, Number(entry.slice(0, 10)))).toBe(true))
    expect(entries).toHaveLength(Number(/\/Size (\d+)/.exec(text.slice(startxref))![1]) - 1)
  })

  it('joins tagged parts into one structure tree: one Document, page keys renumbered after the previous parts', async () => {
    const { text } = joinChromiumPdfs([chromiumPdf('A', 2, true), chromiumPdf('B', 3, true)], meta)!
    const pdf = await PDFDocument.load(Buffer.from(text, 'latin1'), { updateMetadata: false })
    const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict)
    expect(String(root.get(PDFName.of('ParentTreeNextKey')))).toBe('5')
    const doc = root.lookup(PDFName.of('K'), PDFDict)
    expect(String(doc.get(PDFName.of('S')))).toBe('/Document')
    const elems = doc.lookup(PDFName.of('K'), PDFArray)
    expect(elems.size()).toBe(5)
    const nums = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray)
    pdf.getPages().forEach((page, i) => {
      // Each page's key leads, through the parent tree, to the element drawn on that page.
      const key = Number(String(page.node.get(PDFName.of('StructParents'))))
      expect(key).toBe(i)
      const elem = pdf.context.lookup(nums.lookup(2 * key + 1, PDFArray).get(0), PDFDict)
      expect(elem.get(PDFName.of('Pg'))).toBe(pdf.getPages()[i]!.ref)
      expect(elem.get(PDFName.of('P'))).toBe(root.get(PDFName.of('K')))
      expect(elems.get(i)).toBe(nums.lookup(2 * key + 1, PDFArray).get(0))
    })
  })

  it('does not join a tagged part with an untagged one', () => {
    expect(joinChromiumPdfs([chromiumPdf('A', 1, true), chromiumPdf('B', 1)], meta)).toBeUndefined()
  })

  it('declines a part with an outline or named destinations, and anything not laid out as Chromium writes', () => {
    const outlined = chromiumPdf('A', 1).replace('/Type /Catalog\n', '/Type /Catalog\n/Outlines 4 0 R\n')
    expect(joinChromiumPdfs([chromiumPdf('A', 1), outlined], meta)).toBeUndefined()
    expect(joinChromiumPdfs([chromiumPdf('A', 1), '%PDF-1.7\nnot a pdf'], meta)).toBeUndefined()
  })
})

describe('mergePdfs', () => {
  it('joins PDFs not written by Chromium through pdf-lib', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'diapo-merge-'))
    try {
      const files = await Promise.all(
        [1, 2].map(async (pages, i) => {
          const pdf = await PDFDocument.create()
          for (let n = 0; n < pages; n++) pdf.addPage([960, 540])
          const file = path.join(dir, `part-${i}.pdf`)
          await writeFile(file, await pdf.save())
          return file
        }),
      )
      const out = path.join(dir, 'joined.pdf')
      expect(await mergePdfs(files, out, { title: 'Grand deck', lang: 'fr' })).toBe(3)
      const joined = await PDFDocument.load(await readFile(out), { updateMetadata: false })
      expect(joined.getPageCount()).toBe(3)
      expect(joined.getTitle()).toBe('Grand deck')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
