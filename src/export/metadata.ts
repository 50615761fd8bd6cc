import { appendFile, readFile, writeFile } from 'node:fs/promises'

import type { PDFDocument } from 'pdf-lib'

import type { OutlineEntry } from './outline.js'
import { renderOutline } from './pdf-bookmarks.js'
import { objectBody, pdfString, readTrailer, withEntries } from './pdf-syntax.js'

/** What a PDF says about itself (File › Properties in a reader). */
export interface PdfMetadata {
  title: string
  author?: string
  subject?: string
  /** The association a profile deck was made for. */
  keywords?: string
  /** BCP 47 tag, written as the catalog's /Lang (screen readers pick their voice from it). */
  lang: string
  /** Bookmarks (the reader's outline panel), shown open. */
  outline?: OutlineEntry[]
}

/**
 * Sets title, author, subject and language in a PDF written by Chromium (which only sets the title,
 * from `<title>`, and the language of tagged PDFs), and returns its page count. Chromium writes a
 * classic cross-reference table: the new document information and catalog are appended as an
 * incremental update (a few hundred bytes, however big the PDF), as PDF editors do. Any other file
 * is rewritten whole with pdf-lib, loaded only then.
 */
export async function writePdfMetadata(file: string, meta: PdfMetadata): Promise<number> {
  const pdf = await readFile(file)
  let update: ReturnType<typeof renderIncrementalUpdate>
  try {
    update = renderIncrementalUpdate(pdf.toString('latin1'), meta)
  } catch {
    update = undefined
  }
  if (!update) return rewriteWithPdfLib(file, pdf, meta)
  await appendFile(file, update.text, 'latin1')
  return update.pages
}

/**
 * The incremental update setting `meta` in a PDF given as a latin1 string, or `undefined` when the
 * PDF is not laid out as Chromium writes it (xref stream, encryption, several page trees...). Pure.
 */
export function renderIncrementalUpdate(pdf: string, meta: PdfMetadata): { text: string; pages: number } | undefined {
  const { startxref, trailer, size } = readTrailer(pdf) ?? {}
  if (!startxref || !trailer) return undefined
  const root = /\/Root (\d+) 0 R/.exec(trailer)?.[1]
  const catalog = root && objectBody(pdf, root)
  const pages = catalog && /\/Pages (\d+) 0 R/.exec(catalog)?.[1]
  const count = pages && Number(/\/Count (\d+)/.exec(objectBody(pdf, pages) ?? '')?.[1])
  if (!size || !catalog || !count) return undefined

  const infoRef = /\/Info (\d+) 0 R/.exec(trailer)?.[1]
  const info = infoEntries(meta, infoRef ? (objectBody(pdf, infoRef) ?? '') : '')
  const objects: [string, string][] = [[infoRef ?? String(size), info]]
  let next = infoRef ? size : size + 1
  const catalogEntries: Record<string, string | undefined> = /\/Lang\b/.test(catalog) ? {} : { Lang: pdfString(meta.lang) }
  if (meta.outline && meta.outline.length > 0) {
    const outline = renderOutline(pdf, catalog, pages, meta.outline, next)
    if (outline.objects.length > 0) {
      objects.push(...outline.objects.map(([num, body]): [string, string] => [String(num), body]))
      next += outline.objects.length
      Object.assign(catalogEntries, { Outlines: `${outline.root} 0 R`, PageMode: '/UseOutlines' })
    }
  }
  if (Object.keys(catalogEntries).length > 0) objects.push([root, withEntries(catalog, catalogEntries)])

  let text = '\n'
  const offsets: [string, number][] = []
  for (const [num, body] of objects) {
    offsets.push([num, pdf.length + Buffer.byteLength(text, 'latin1')])
    text += `${num} 0 obj\n<<${body}>>\nendobj\n`
  }
  const xref = pdf.length + Buffer.byteLength(text, 'latin1')
  text += 'xref\n' + offsets.map(([num, at]) => `${num} 1\n${String(at).padStart(10, '0')} 00000 n \n`).join('')
  const newSize = next
  const infoNum = objects[0]![0]
  text += `trailer\n<</Size ${newSize} /Root ${root} 0 R /Info ${infoNum} 0 R /Prev ${startxref}>>\nstartxref\n${xref}\n%%EOF\n`
  return { text, pages: count }
}

/** The document information entries diapo sets, as a dictionary body. */
export function infoEntries(meta: PdfMetadata, base = ''): string {
  return withEntries(base, {
    Title: pdfString(meta.title),
    Author: meta.author ? pdfString(meta.author) : undefined,
    Subject: meta.subject ? pdfString(meta.subject) : undefined,
    Keywords: meta.keywords ? pdfString(meta.keywords) : undefined,
    Creator: pdfString('diapo'),
  })
}

/** Sets `meta` in a pdf-lib document, writes it into `file` and returns its page count. */
export async function saveWithMetadata(pdf: PDFDocument, file: string, meta: PdfMetadata): Promise<number> {
  pdf.setTitle(meta.title, { showInWindowTitleBar: true })
  if (meta.author) pdf.setAuthor(meta.author)
  if (meta.subject) pdf.setSubject(meta.subject)
  if (meta.keywords) pdf.setKeywords([meta.keywords])
  pdf.setLanguage(meta.lang)
  pdf.setCreator('diapo')
  await writeFile(file, await pdf.save({ useObjectStreams: false }))
  return pdf.getPageCount()
}

// --- internal ---

async function rewriteWithPdfLib(file: string, bytes: Buffer, meta: PdfMetadata): Promise<number> {
  const { PDFDocument } = await import('pdf-lib')
  return saveWithMetadata(await PDFDocument.load(bytes, { updateMetadata: false }), file, meta)
}
