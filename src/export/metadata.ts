import { appendFile, readFile, writeFile } from 'node:fs/promises'

import type { PDFDocument } from 'pdf-lib'

import type { OutlineEntry } from './outline.js'

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
 * Writes the pages of `parts` (PDFs, in order) into one PDF `file` with `meta` set, and returns its
 * page count. Links, fonts and page sizes are kept; each part keeps its own font subsets. PDFs laid
 * out as Chromium writes them are joined as they are (`joinChromiumPdfs`: 0.1 s for 1000 pages);
 * others go through pdf-lib (0.5 s or more). The parts' own catalogs and document information stay in
 * the file, unreferenced.
 */
export async function mergePdfs(parts: string[], file: string, meta: PdfMetadata): Promise<number> {
  const buffers = await Promise.all(parts.map((part) => readFile(part)))
  let joined: ReturnType<typeof joinChromiumPdfs>
  try {
    joined = joinChromiumPdfs(buffers.map((b) => b.toString('latin1')), meta)
  } catch {
    joined = undefined
  }
  if (joined) {
    await writeFile(file, joined.text, 'latin1')
    return joined.pages
  }
  const { PDFDocument } = await import('pdf-lib')
  const merged = await PDFDocument.create({ updateMetadata: false })
  for (const bytes of buffers) {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
    for (const page of await merged.copyPages(pdf, pdf.getPageIndices())) merged.addPage(page)
  }
  return saveWithMetadata(merged, file, meta)
}

/**
 * Joins PDFs given as latin1 strings, as Chromium writes them (one classic cross-reference table,
 * objects 1 to Size-1 all in use, a catalog holding only its page tree and viewer preferences), into
 * one with `meta` set; `undefined` for any other layout. No content is parsed: each part's objects are
 * copied byte for byte, renumbered after the previous parts' (references outside strings and streams),
 * and a new page tree takes the parts' page trees as its kids. Pure.
 */
export function joinChromiumPdfs(parts: string[], meta: PdfMetadata): { text: string; pages: number } | undefined {
  const read = parts.map(readChromiumPdf)
  if (read.some((part) => !part)) return undefined
  const chromium = read as ChromiumPdf[]
  // Tagged parts (a structure tree each) are joined into one tagged PDF; a mix of both is not joined.
  const tagged = chromium.every((part) => part.structure)
  if (!tagged && chromium.some((part) => part.structure)) return undefined
  const count = chromium.reduce((n, part) => n + part.size - 1, 0)
  const [root, catalog, info, structRoot, parentTree, document] = [count + 1, count + 2, count + 3, count + 4, count + 5, count + 6]
  let text = '%PDF-1.4\n%\xd3\xeb\xe9\xe1\n'
  const offsets: number[] = []
  const kids: string[] = []
  const children: string[] = []
  const nums: string[] = []
  let shift = 0
  let keyShift = 0
  let pages = 0
  for (const part of chromium) {
    part.objects.forEach((object, i) => {
      const num = i + 1
      let body = renumber(object, shift, keyShift)
      // The part's page tree hangs under the new one; its document element's children, under the new
      // document element (a tagged PDF has one).
      if (num === part.pagesRoot) body = body.replace('<<', `<</Parent ${root} 0 R\n`)
      if (part.structure?.children.includes(num)) body = body.replace(`/P ${part.structure.document + shift} 0 R`, `/P ${document} 0 R`)
      offsets[num + shift] = text.length
      text += `${num + shift} 0 obj${body}endobj\n`
    })
    kids.push(`${part.pagesRoot + shift} 0 R`)
    if (part.structure) {
      children.push(...part.structure.children.map((child) => `${child + shift} 0 R`))
      for (const [key, value] of part.structure.nums) nums.push(`${key + keyShift} ${renumber(value, shift, 0)}`)
      keyShift += part.structure.nextKey
    }
    pages += part.pages
    shift += part.size - 1
  }
  const structure = tagged ? `\n/MarkInfo <</Type /MarkInfo\n/Marked true>>\n/StructTreeRoot ${structRoot} 0 R` : ''
  const added: [number, string][] = [
    [root, `<</Type /Pages\n/Kids [${kids.join(' ')}]\n/Count ${pages}>>`],
    [catalog, `<</Type /Catalog\n/Pages ${root} 0 R\n/Lang ${pdfString(meta.lang)}${structure}\n/ViewerPreferences <</Type /ViewerPreferences\n/DisplayDocTitle true>>>>`],
    [info, `<<${infoEntries(meta)}>>`],
  ]
  if (tagged) {
    added.push(
      [structRoot, `<</Type /StructTreeRoot\n/K ${document} 0 R\n/ParentTreeNextKey ${keyShift}\n/ParentTree ${parentTree} 0 R>>`],
      [parentTree, `<</Type /ParentTree\n/Nums [${nums.join(' ')}]>>`],
      [document, `<</Type /StructElem\n/S /Document\n/Lang ${pdfString(meta.lang)}\n/P ${structRoot} 0 R\n/K [${children.join(' ')}]>>`],
    )
  }
  const last = added.at(-1)![0]
  for (const [num, body] of added) {
    offsets[num] = text.length
    text += `${num} 0 obj\n${body}\nendobj\n`
  }
  const xref = text.length
  text += `xref\n0 ${last + 1}\n0000000000 65535 f \n`
  for (let num = 1; num <= last; num++) text += `${String(offsets[num]).padStart(10, '0')} 00000 n \n`
  text += `trailer\n<</Size ${last + 1}\n/Root ${catalog} 0 R\n/Info ${info} 0 R>>\nstartxref\n${xref}\n%%EOF\n`
  return { text, pages }
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

// --- internal ---

/**
 * The objects of a PDF outline (bookmarks) for `entries`, numbered from `first`, and its root's number.
 * A bookmark leads to a page (its index) or to a named destination of the catalog's /Dests (Chromium
 * writes one for each element an internal link points to); one leading nowhere is left out.
 */
function renderOutline(pdf: string, catalog: string, pagesRoot: string, entries: OutlineEntry[], first: number): { root: number; objects: [number, string][] } {
  const offsets = xrefOffsets(pdf)
  const body = (num: string): string => {
    const at = offsets.get(Number(num))
    if (at === undefined) return ''
    const m = /^\s*\d+ 0 obj\s*<<([\s\S]*)>>\s*$/.exec(pdf.slice(at, pdf.indexOf('endobj', at)))
    return m?.[1] ?? ''
  }
  const pageRefs: string[] = []
  const walk = (num: string): void => {
    const node = body(num)
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1]
    if (!kids) return void pageRefs.push(`${num} 0 R`)
    for (const kid of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(kid[1]!)
  }
  walk(pagesRoot)
  const destsValue = parseDictEntries(catalog).find(([key]) => key === 'Dests')?.[1] ?? ''
  const destsRef = /^(\d+)\s+0\s+R$/.exec(destsValue.trim())?.[1]
  const destsBody = destsRef ? body(destsRef) : (/^<<([\s\S]*)>>$/.exec(destsValue.trim())?.[1] ?? '')
  const dests = new Map(destsBody ? parseDictEntries(destsBody) : [])
  const destOf = (entry: OutlineEntry): string | undefined => {
    if (entry.dest !== undefined) return dests.get(entry.dest)
    const ref = entry.page === undefined ? undefined : pageRefs[entry.page]
    return ref ? `[${ref} /Fit]` : undefined
  }
  let next = first + 1
  const objects: [number, string][] = []
  // Returns the numbers of the items written for `list` under `parent`, and how many items they hold in all.
  const write = (list: OutlineEntry[], parent: number): { nums: number[]; count: number } => {
    const kept = list.map((entry) => ({ entry, dest: destOf(entry) ?? (entry.children?.[0] && destOf(entry.children[0])) })).filter((e) => e.dest)
    const nums = kept.map(() => next++)
    let count = 0
    kept.forEach(({ entry, dest }, i) => {
      const children = write(entry.children ?? [], nums[i]!)
      count += 1 + children.count
      const links = [
        `/Title ${pdfString(entry.title)}`,
        `/Parent ${parent} 0 R`,
        i > 0 ? `/Prev ${nums[i - 1]} 0 R` : '',
        i < nums.length - 1 ? `/Next ${nums[i + 1]} 0 R` : '',
        children.nums.length > 0 ? `/First ${children.nums[0]} 0 R /Last ${children.nums.at(-1)} 0 R /Count ${children.count}` : '',
        `/Dest ${dest}`,
      ]
      objects.push([nums[i]!, links.filter(Boolean).join('\n')])
    })
    return { nums, count }
  }
  const top = write(entries, first)
  if (top.nums.length === 0) return { root: first, objects: [] }
  objects.unshift([first, `/Type /Outlines\n/First ${top.nums[0]} 0 R\n/Last ${top.nums.at(-1)} 0 R\n/Count ${top.count}`])
  return { root: first, objects }
}

/** Where each object of a PDF with classic cross-reference tables is (the newest table wins). */
function xrefOffsets(pdf: string): Map<number, number> {
  const offsets = new Map<number, number>()
  let at: number | undefined = readTrailer(pdf)?.startxref
  const seen = new Set<number>()
  while (at !== undefined && !seen.has(at) && pdf.startsWith('xref', at)) {
    seen.add(at)
    const trailerAt = pdf.indexOf('trailer', at)
    const lines = pdf.slice(at + 4, trailerAt).split(/\r?\n|\r/)
    let num = 0
    for (const line of lines) {
      const section = /^(\d+) (\d+)\s*$/.exec(line)
      const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(line)
      if (entry) {
        if (entry[3] === 'n' && !offsets.has(num)) offsets.set(num, Number(entry[1]))
        num++
      } else if (section) num = Number(section[1])
    }
    const prev = /\/Prev (\d+)/.exec(pdf.slice(trailerAt, pdf.indexOf('>>', trailerAt)))?.[1]
    at = prev === undefined ? undefined : Number(prev)
  }
  return offsets
}

/**
 * The last trailer of an unencrypted PDF with a classic cross-reference table: where the table is,
 * the trailer's dictionary body and /Size; `undefined` otherwise (an xref stream, encryption).
 */
function readTrailer(pdf: string): { startxref: number; trailer: string; size: number } | undefined {
  const tail = pdf.slice(-2048)
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1])
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(tail)?.[1]
  if (!startxref || !trailer || /\/Encrypt\b/.test(trailer) || !pdf.startsWith('xref', startxref)) return undefined
  return { startxref, trailer, size: Number(/\/Size (\d+)/.exec(trailer)?.[1]) }
}

interface ChromiumPdf {
  /** Trailer's /Size: objects are numbered 1 to size - 1. */
  size: number
  /** Each object's text between `N 0 obj` and `endobj`, object 1 first. */
  objects: string[]
  pagesRoot: number
  pages: number
  /** A tagged part's structure tree: its document element and that element's children, its parent tree's entries and next key. */
  structure?: { document: number; children: number[]; nums: [number, string][]; nextKey: number }
}

/** Catalog entries a part may have and still be joined (anything else: outlines, names, forms). */
const JOINABLE_CATALOG = new Set(['Type', 'Pages', 'ViewerPreferences', 'Lang', 'MarkInfo', 'StructTreeRoot'])

/** A PDF laid out as Chromium writes it, split into its objects; `undefined` for any other layout. */
function readChromiumPdf(pdf: string): ChromiumPdf | undefined {
  const { startxref, trailer, size } = readTrailer(pdf) ?? {}
  // A file already updated (/Prev) has more than one table: not as Chromium writes it.
  if (!startxref || !trailer || /\/Prev\b/.test(trailer)) return undefined
  const table = /^xref\r?\n0 (\d+)\r?\n/.exec(pdf.slice(startxref, startxref + 32))
  if (!size || !table || Number(table[1]) !== size) return undefined
  // Entries are 20 bytes: offset, generation, n or f. Object 0 is the free list's head.
  const entries = pdf.slice(startxref + table[0].length, startxref + table[0].length + 20 * size)
  const offsets: number[] = []
  for (let num = 1; num < size; num++) {
    const entry = /^(\d{10}) 00000 n/.exec(entries.slice(20 * num, 20 * num + 20))
    if (!entry) return undefined
    offsets.push(Number(entry[1]))
  }
  const ends = [...offsets].sort((a, b) => a - b)
  const objects: string[] = []
  for (let num = 1; num < size; num++) {
    const at = offsets[num - 1]!
    const end = ends.find((o) => o > at) ?? startxref
    const header = `${num} 0 obj`
    const close = pdf.lastIndexOf('endobj', end)
    if (!pdf.startsWith(header, at) || close < at) return undefined
    objects.push(pdf.slice(at + header.length, close))
  }
  const root = Number(/\/Root (\d+) 0 R/.exec(trailer)?.[1])
  const catalog = /^\s*<<([\s\S]*)>>\s*$/.exec(objects[root - 1] ?? '')?.[1]
  if (!catalog || parseDictEntries(catalog).some(([key]) => !JOINABLE_CATALOG.has(key))) return undefined
  const pagesRoot = Number(/\/Pages (\d+) 0 R/.exec(catalog)?.[1])
  const pages = Number(/\/Count (\d+)/.exec(objects[pagesRoot - 1] ?? '')?.[1])
  if (!pagesRoot || !pages || /\/Parent\b/.test(objects[pagesRoot - 1]!)) return undefined
  const structRoot = Number(/\/StructTreeRoot (\d+) 0 R/.exec(catalog)?.[1])
  if (!structRoot) return { size, objects, pagesRoot, pages }
  const structure = readStructure(objects, structRoot)
  return structure ? { size, objects, pagesRoot, pages, structure } : undefined
}

/**
 * A tagged part's structure tree as Chromium writes it: one document element under the root, and a
 * parent tree with its entries in one /Nums array. `undefined` for any other shape.
 */
function readStructure(objects: string[], root: number): ChromiumPdf['structure'] {
  const body = objects[root - 1] ?? ''
  const document = Number(/\/K (\d+) 0 R/.exec(body)?.[1])
  const tree = Number(/\/ParentTree (\d+) 0 R/.exec(body)?.[1])
  const nextKey = Number(/\/ParentTreeNextKey (\d+)/.exec(body)?.[1])
  const entries = /\/Nums\s*\[([\s\S]*)\]/.exec(objects[tree - 1] ?? '')?.[1]
  if (!document || !tree || !Number.isInteger(nextKey) || entries === undefined || /\/Kids\b/.test(objects[tree - 1]!)) return undefined
  const nums: [number, string][] = []
  const re = /(\d+)\s+(\d+\s+0\s+R|\[[^\]]*\])/g
  for (const m of entries.matchAll(re)) nums.push([Number(m[1]), m[2]!])
  // Every entry read: the array holds nothing else than key-value pairs.
  if (entries.replace(re, '').trim() !== '') return undefined
  // The document element's children: structure elements only (no marked content right under it).
  const kids = /\/K\s+(\d+\s+0\s+R|\[[^\]]*\])/.exec(objects[document - 1] ?? '')?.[1]
  if (!kids || kids.replace(/\d+\s+0\s+R/g, '').replace(/[[\]\s]/g, '') !== '') return undefined
  const children = [...kids.matchAll(/(\d+)\s+0\s+R/g)].map((m) => Number(m[1]))
  return { document, children, nums, nextKey }
}

/**
 * An object's text with every indirect reference `N 0 R` moved by `shift`, and every structure parent
 * key (`/StructParents N` of a page, `/StructParent N` of an annotation) by `keyShift`: in its
 * dictionaries and arrays only, never inside a string or a stream's data.
 */
function renumber(object: string, shift: number, keyShift = 0): string {
  if (shift === 0 && keyShift === 0) return object
  let out = ''
  let from = 0
  let depth = 0
  const flush = (to: number): void => {
    out += object
      .slice(from, to)
      .replace(/(^|[\s[\]<>/])(\d+)(\s+0\s+R)(?=[\s[\]<>/]|$)/g, (_, before: string, num: string, rest: string) => `${before}${Number(num) + shift}${rest}`)
      .replace(/(\/StructParents?\s+)(\d+)/g, (_, key: string, num: string) => `${key}${Number(num) + keyShift}`)
  }
  for (let i = 0; i < object.length; ) {
    const c = object[i]
    if (c === '(' || (c === '<' && object[i + 1] !== '<')) {
      // A string, copied as it is.
      flush(i)
      const end = c === '(' ? readValueEnd(object, i) : object.indexOf('>', i) + 1
      if (end <= i) throw new Error('unterminated string in a PDF object')
      out += object.slice(i, end)
      from = i = end
    } else if (object.startsWith('<<', i) || object.startsWith('>>', i)) {
      depth += c === '<' ? 1 : -1
      i += 2
    } else if (depth === 0 && object.startsWith('stream', i) && /\s/.test(object[i - 1] ?? '')) {
      // The stream's data, copied as it is.
      flush(i)
      return out + object.slice(i)
    } else i++
  }
  flush(object.length)
  return out
}

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

/** The document information entries diapo sets, as a dictionary body. */
function infoEntries(meta: PdfMetadata, base = ''): string {
  return withEntries(base, {
    Title: pdfString(meta.title),
    Author: meta.author ? pdfString(meta.author) : undefined,
    Subject: meta.subject ? pdfString(meta.subject) : undefined,
    Keywords: meta.keywords ? pdfString(meta.keywords) : undefined,
    Creator: pdfString('diapo'),
  })
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
  if (meta.keywords) pdf.setKeywords([meta.keywords])
  pdf.setLanguage(meta.lang)
  pdf.setCreator('diapo')
  await writeFile(file, await pdf.save({ useObjectStreams: false }))
  return pdf.getPageCount()
}
