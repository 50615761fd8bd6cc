import { readFile, writeFile } from 'node:fs/promises'

import { infoEntries, type PdfMetadata, saveWithMetadata } from './metadata.js'
import { parseDictEntries, pdfString, readTrailer, readValueEnd } from './pdf-syntax.js'

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
    joined = joinChromiumPdfs(
      buffers.map((b) => b.toString('latin1')),
      meta,
    )
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
    [
      catalog,
      `<</Type /Catalog\n/Pages ${root} 0 R\n/Lang ${pdfString(meta.lang)}${structure}\n/ViewerPreferences <</Type /ViewerPreferences\n/DisplayDocTitle true>>>>`,
    ],
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

// --- internal ---

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
  if (kids?.replace(/\d+\s+0\s+R/g, '').replace(/[[\]\s]/g, '') !== '') return undefined
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
      .replace(
        /(^|[\s[\]<>/])(\d+)(\s+0\s+R)(?=[\s[\]<>/]|$)/g,
        (_, before: string, num: string, rest: string) => `${before}${Number(num) + shift}${rest}`,
      )
      .replace(/(\/StructParents?\s+)(\d+)/g, (_, key: string, num: string) => `${key}${Number(num) + keyShift}`)
  }
  for (let i = 0; i < object.length;) {
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
