import { appendFile, readFile, writeFile } from 'node:fs/promises'

import type { PDFDocument } from 'pdf-lib'

/** What a PDF says about itself (File › Properties in a reader). */
export interface PdfMetadata {
  title: string
  author?: string
  subject?: string
  /** BCP 47 tag, written as the catalog's /Lang (screen readers pick their voice from it). */
  lang: string
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
 * Writes the pages of `parts` (PDFs, in order) into one PDF `file` with `meta` set, and returns its
 * page count. Links, fonts and page sizes are kept; each part keeps its own font subsets.
 */
export async function mergePdfs(parts: string[], file: string, meta: PdfMetadata): Promise<number> {
  const { PDFDocument } = await import('pdf-lib')
  const merged = await PDFDocument.create({ updateMetadata: false })
  for (const part of parts) {
    const pdf = await PDFDocument.load(await readFile(part), { updateMetadata: false })
    for (const page of await merged.copyPages(pdf, pdf.getPageIndices())) merged.addPage(page)
  }
  return saveWithMetadata(merged, file, meta)
}

/**
 * The incremental update setting `meta` in a PDF given as a latin1 string, or `undefined` when the
 * PDF is not laid out as Chromium writes it (xref stream, encryption, several page trees...). Pure.
 */
export function renderIncrementalUpdate(pdf: string, meta: PdfMetadata): { text: string; pages: number } | undefined {
  const tail = pdf.slice(-2048)
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1]
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(tail)?.[1]
  if (!startxref || !trailer || /\/Encrypt\b/.test(trailer) || !pdf.startsWith('xref', Number(startxref))) return undefined
  const size = Number(/\/Size (\d+)/.exec(trailer)?.[1])
  const root = /\/Root (\d+) 0 R/.exec(trailer)?.[1]
  const catalog = root && objectBody(pdf, root)
  const pages = catalog && /\/Pages (\d+) 0 R/.exec(catalog)?.[1]
  const count = pages && Number(/\/Count (\d+)/.exec(objectBody(pdf, pages) ?? '')?.[1])
  if (!size || !catalog || !count) return undefined

  const infoRef = /\/Info (\d+) 0 R/.exec(trailer)?.[1]
  const info = withEntries(infoRef ? (objectBody(pdf, infoRef) ?? '') : '', {
    Title: pdfString(meta.title),
    Author: meta.author ? pdfString(meta.author) : undefined,
    Subject: meta.subject ? pdfString(meta.subject) : undefined,
    Creator: pdfString('diapo'),
  })
  const objects: [string, string][] = [[infoRef ?? String(size), info]]
  if (!/\/Lang\b/.test(catalog)) objects.push([root, withEntries(catalog, { Lang: pdfString(meta.lang) })])

  let text = '\n'
  const offsets: [string, number][] = []
  for (const [num, body] of objects) {
    offsets.push([num, pdf.length + Buffer.byteLength(text, 'latin1')])
    text += `${num} 0 obj\n<<${body}>>\nendobj\n`
  }
  const xref = pdf.length + Buffer.byteLength(text, 'latin1')
  text += 'xref\n' + offsets.map(([num, at]) => `${num} 1\n${String(at).padStart(10, '0')} 00000 n \n`).join('')
  const newSize = infoRef ? size : size + 1
  const infoNum = objects[0]![0]
  text += `trailer\n<</Size ${newSize} /Root ${root} 0 R /Info ${infoNum} 0 R /Prev ${startxref}>>\nstartxref\n${xref}\n%%EOF\n`
  return { text, pages: count }
}

// --- internal ---

/** The dictionary body (between `<<` and `>>`) of object `num`, its last definition in the file. */
function objectBody(pdf: string, num: string): string | undefined {
  const at = Math.max(pdf.lastIndexOf(`\n${num} 0 obj`), pdf.lastIndexOf(`\r${num} 0 obj`))
  if (at < 0) return undefined
  const end = pdf.indexOf('endobj', at)
  const m = /^\s*\d+ 0 obj\s*<<([\s\S]*)>>\s*$/.exec(pdf.slice(at, end))
  return m?.[1]
}

/** A dictionary body with `entries` set (replacing same-named ones; `undefined` leaves them alone). */
function withEntries(body: string, entries: Record<string, string | undefined>): string {
  const kept = parseDictEntries(body).filter(([key]) => entries[key] === undefined)
  const added = Object.entries(entries).filter((e): e is [string, string] => e[1] !== undefined)
  return [...kept, ...added].map(([key, value]) => `/${key} ${value}`).join('\n')
}

/** The `/Key value` pairs of a dictionary body, values kept as written (strings may nest parentheses). */
function parseDictEntries(body: string): [string, string][] {
  const entries: [string, string][] = []
  let i = 0
  const skipSpace = (): void => {
    while (i < body.length && /\s/.test(body[i]!)) i++
  }
  for (skipSpace(); i < body.length; skipSpace()) {
    if (body[i] !== '/') throw new Error(`unexpected ${body[i]} in a PDF dictionary`)
    const key = readToken(body, i + 1)
    i = key.end
    skipSpace()
    const start = i
    i = readValueEnd(body, i)
    // An indirect reference is three tokens: `12 0 R`.
    const ref = /^\s+\d+\s+R\b/.exec(body.slice(i))
    if (/^\d+$/.test(body.slice(start, i)) && ref) i += ref[0].length
    entries.push([key.text, body.slice(start, i)])
  }
  return entries
}

function readValueEnd(s: string, i: number): number {
  const open = s.startsWith('<<', i) ? '<<' : s[i]
  if (open === '(' || open === '[' || open === '<<') {
    const close = open === '(' ? ')' : open === '[' ? ']' : '>>'
    let depth = 0
    for (let j = i; j < s.length; j++) {
      if (s[j] === '\\' && open === '(') j++
      else if (s[j] === '(' && open !== '(') j = readValueEnd(s, j) - 1
      else if (s.startsWith(open, j)) (depth++, (j += open.length - 1))
      else if (s.startsWith(close, j) && --depth === 0) return j + close.length
      else if (s.startsWith(close, j)) j += close.length - 1
    }
    throw new Error('unterminated value in a PDF dictionary')
  }
  if (open === '<') return s.indexOf('>', i) + 1
  return readToken(s, open === '/' ? i + 1 : i).end
}

function readToken(s: string, i: number): { text: string; end: number } {
  let end = i
  while (end < s.length && !/[\s/<>[\]()]/.test(s[end]!)) end++
  return { text: s.slice(i, end), end }
}

/** A PDF text string: UTF-16BE with its byte order mark, in hex. */
function pdfString(text: string): string {
  const hex = [...text].flatMap((ch) => {
    const code = ch.codePointAt(0)!
    const units = code > 0xffff ? [0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)] : [code]
    return units.map((u) => u.toString(16).padStart(4, '0'))
  })
  return `<FEFF${hex.join('').toUpperCase()}>`
}

async function rewriteWithPdfLib(file: string, bytes: Buffer, meta: PdfMetadata): Promise<number> {
  const { PDFDocument } = await import('pdf-lib')
  return saveWithMetadata(await PDFDocument.load(bytes, { updateMetadata: false }), file, meta)
}

async function saveWithMetadata(pdf: PDFDocument, file: string, meta: PdfMetadata): Promise<number> {
  pdf.setTitle(meta.title, { showInWindowTitleBar: true })
  if (meta.author) pdf.setAuthor(meta.author)
  if (meta.subject) pdf.setSubject(meta.subject)
  pdf.setLanguage(meta.lang)
  pdf.setCreator('diapo')
  await writeFile(file, await pdf.save({ useObjectStreams: false }))
  return pdf.getPageCount()
}
