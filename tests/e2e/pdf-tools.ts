// Helpers of the PDF end-to-end tests: run the real CLI, read PDFs with poppler-utils and pdf-lib.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'

import { CLI, type CliResult, REPO_ROOT } from './helpers.js'
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib'

const run = promisify(execFile)

export { REPO_ROOT as ROOT } from './helpers.js'

/** Runs `node bin/diapo.js ...args` with extra environment variables; resolves whatever the exit code. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, cwd = REPO_ROOT): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = startCli(args, env, cwd)
    let stdout = ''
    let stderr = ''
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }))
  })
}

/** Starts the CLI without waiting for it (for Ctrl-C tests). CI unset: output as on a pipe. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}, cwd = REPO_ROOT): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
}

/** `pdfinfo` as a map of its fields. */
export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', [file])
  return Object.fromEntries(
    stdout
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  )
}

/** Text of a PDF (or of pages `first`..`last`), by `pdftotext`. */
export async function pdfText(file: string, first?: number, last = first): Promise<string> {
  const range = first ? ['-f', String(first), '-l', String(last)] : []
  const { stdout } = await run('pdftotext', [...range, '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 })
  return stdout
}

/** Rows of `pdffonts`: name and whether the font is embedded. */
export async function pdfFonts(file: string): Promise<{ name: string; embedded: boolean }[]> {
  const { stdout } = await run('pdffonts', [file])
  return stdout
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/)
      // name type... encoding emb sub uni id gen: emb is the 5th column from the end.
      return { name: cols[0]!, embedded: cols.at(-5) === 'yes' }
    })
}

/** The URI of every link annotation of each page (index 0 = page 1). */
export async function pdfUris(file: string): Promise<string[][]> {
  const pdf = await PDFDocument.load(await readFile(file))
  return pdf.getPages().map((page) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
    if (!annots) return []
    return annots.asArray().flatMap((ref) => {
      const annot = pdf.context.lookup(ref, PDFDict)
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict)
      const uri = textOf(action?.lookup(PDFName.of('URI')))
      return uri ? [uri] : []
    })
  })
}

/** Object numbers whose cross-reference entry does not point at `N 0 obj` (the last table of the file). */
export async function misplacedObjects(file: string): Promise<number[]> {
  const pdf = (await readFile(file)).toString('latin1')
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(pdf)![1])
  const [, first, count] = /^xref\s+(\d+) (\d+)\s/.exec(pdf.slice(startxref))!.map(Number)
  const table = pdf
    .slice(startxref)
    .split('\n')
    .slice(2, 2 + count!)
  return table.flatMap((entry, i) => {
    const num = first! + i
    return entry.endsWith('n ') && !pdf.startsWith(`${num} 0 obj`, Number(entry.slice(0, 10))) ? [num] : []
  })
}

/** The catalog's /Lang. */
export async function pdfLang(file: string): Promise<string | undefined> {
  const pdf = await PDFDocument.load(await readFile(file))
  return textOf(pdf.catalog.lookup(PDFName.of('Lang')))
}

function textOf(value: unknown): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined
}

/** Process command lines that mention `text` (e.g. a browser profile folder). */
export async function processesMentioning(text: string): Promise<string[]> {
  const { stdout } = await run('ps', ['-eo', 'pid,args'], { maxBuffer: 16 * 1024 * 1024 })
  return stdout.split('\n').filter((l) => l.includes(text) && !l.includes('ps -eo'))
}

/** Squeezes whitespace away: pdftotext breaks long URLs over lines. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '')
}

/** Rows of `pdfimages -list` (images drawn on each page; soft masks left out). */
export async function pdfImages(file: string): Promise<{ page: number; width: number; height: number; enc: string }[]> {
  const { stdout } = await run('pdfimages', ['-list', file])
  return stdout
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/))
    .filter((cols) => cols[2] === 'image')
    .map((cols) => ({ page: Number(cols[0]), width: Number(cols[3]), height: Number(cols[4]), enc: cols[8]! }))
}

/** `WIDTHxHEIGHT` of every image object of a PDF, also those only used inside a pattern (a CSS background scaled down). */
export async function pdfImageObjects(file: string): Promise<string[]> {
  const pdf = await PDFDocument.load(await readFile(file))
  return pdf.context.enumerateIndirectObjects().flatMap(([, obj]) => {
    const dict = (obj as { dict?: PDFDict }).dict
    if (!(dict instanceof PDFDict) || dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) return []
    return [`${dict.get(PDFName.of('Width'))?.toString()}x${dict.get(PDFName.of('Height'))?.toString()}`]
  })
}

/** Share of the pixels of page `page` (rendered by `pdftoppm` at 20 dpi) within 12 of `rgb` in each channel. */
export async function pdfColourShare(file: string, page: number, rgb: [number, number, number]): Promise<number> {
  const { stdout } = await run('pdftoppm', ['-r', '20', '-f', String(page), '-l', String(page), '-singlefile', file], {
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024,
  })
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(stdout.subarray(0, 40).toString('latin1'))!
  const pixels = stdout.subarray(header[0].length)
  let near = 0
  for (let i = 0; i + 2 < pixels.length; i += 3) {
    if (Math.abs(pixels[i]! - rgb[0]) <= 12 && Math.abs(pixels[i + 1]! - rgb[1]) <= 12 && Math.abs(pixels[i + 2]! - rgb[2]) <= 12) near++
  }
  return near / (pixels.length / 3)
}

/** A PDF's bookmarks, nested: each with its title, the 1-based page it leads to and the bookmarks under it. */
export interface PdfBookmark {
  title: string
  page: number
  children: PdfBookmark[]
}

/** The outline (bookmarks) of a PDF, read with pdf-lib: destinations as arrays or named (/Dests). */
export async function pdfOutline(file: string): Promise<PdfBookmark[]> {
  const pdf = await PDFDocument.load(await readFile(file), { updateMetadata: false })
  const pages = pdf.getPages().map((p) => p.ref)
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict)
  const pageOf = (item: PDFDict): number => {
    const value = item.lookup(PDFName.of('Dest'))
    const dest = value instanceof PDFName ? dests?.lookupMaybe(value, PDFArray) : value
    if (!(dest instanceof PDFArray)) return 0
    return pages.indexOf(dest.get(0) as never) + 1
  }
  const read = (parent: PDFDict): PdfBookmark[] => {
    const items: PdfBookmark[] = []
    let item = parent.lookupMaybe(PDFName.of('First'), PDFDict)
    while (item) {
      items.push({ title: textOf(item.lookup(PDFName.of('Title'))) ?? '', page: pageOf(item), children: read(item) })
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict)
    }
    return items
  }
  const root = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)
  return root ? read(root) : []
}

/** The words of page `page` with their heights in pt (`pdftotext -bbox`): a word's box is about its font size high. */
export async function pdfWords(file: string, page: number): Promise<{ word: string; height: number }[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { maxBuffer: 64 * 1024 * 1024 })
  return [...stdout.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    word: m[3]!
      .replace(/&amp;/g, '&')
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>'),
    height: Number(m[2]) - Number(m[1]),
  }))
}

/** Fonts of a PDF that are not the deck's own (Atkinson Hyperlegible, Fira Mono): a fallback such as DejaVu. */
export async function foreignFonts(file: string): Promise<string[]> {
  return (await pdfFonts(file)).map((f) => f.name).filter((name) => !/^[A-Z]{6}\+(?:AtkinsonHyperlegible|FiraMono)-/.test(name))
}
