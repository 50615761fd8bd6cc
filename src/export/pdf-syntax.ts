/**
 * Reading and writing the plain syntax of PDFs as Chromium writes them (given as latin1 strings): the
 * trailer and cross-reference tables, objects' dictionaries, text strings. No content is parsed.
 */

/**
 * The last trailer of an unencrypted PDF with a classic cross-reference table: where the table is,
 * the trailer's dictionary body and /Size; `undefined` otherwise (an xref stream, encryption).
 */
export function readTrailer(pdf: string): { startxref: number; trailer: string; size: number } | undefined {
  const tail = pdf.slice(-2048)
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1])
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(tail)?.[1]
  if (!startxref || !trailer || /\/Encrypt\b/.test(trailer) || !pdf.startsWith('xref', startxref)) return undefined
  return { startxref, trailer, size: Number(/\/Size (\d+)/.exec(trailer)?.[1]) }
}

/** Where each object of a PDF with classic cross-reference tables is (the newest table wins). */
export function xrefOffsets(pdf: string): Map<number, number> {
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

/** The dictionary body (between `<<` and `>>`) of object `num`, its last definition in the file. */
export function objectBody(pdf: string, num: string): string | undefined {
  const at = Math.max(pdf.lastIndexOf(`\n${num} 0 obj`), pdf.lastIndexOf(`\r${num} 0 obj`))
  if (at < 0) return undefined
  const end = pdf.indexOf('endobj', at)
  const m = /^\s*\d+ 0 obj\s*<<([\s\S]*)>>\s*$/.exec(pdf.slice(at, end))
  return m?.[1]
}

/** A dictionary body with `entries` set (replacing same-named ones; `undefined` leaves them alone). */
export function withEntries(body: string, entries: Record<string, string | undefined>): string {
  const kept = parseDictEntries(body).filter(([key]) => entries[key] === undefined)
  const added = Object.entries(entries).filter((e): e is [string, string] => e[1] !== undefined)
  return [...kept, ...added].map(([key, value]) => `/${key} ${value}`).join('\n')
}

/** The `/Key value` pairs of a dictionary body, values kept as written (strings may nest parentheses). */
export function parseDictEntries(body: string): [string, string][] {
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

/** Where the value at `i` ends: a string, array, dictionary, hex string, name or bare token. */
export function readValueEnd(s: string, i: number): number {
  const open = s.startsWith('<<', i) ? '<<' : s[i]
  if (open === '(' || open === '[' || open === '<<') {
    const close = open === '(' ? ')' : open === '[' ? ']' : '>>'
    let depth = 0
    for (let j = i; j < s.length; j++) {
      if (s[j] === '\\' && open === '(') j++
      else if (s[j] === '(' && open !== '(') j = readValueEnd(s, j) - 1
      else if (s.startsWith(open, j)) {
        depth++
        j += open.length - 1
      } else if (s.startsWith(close, j) && --depth === 0) return j + close.length
      else if (s.startsWith(close, j)) j += close.length - 1
    }
    throw new Error('unterminated value in a PDF dictionary')
  }
  if (open === '<') return s.indexOf('>', i) + 1
  return readToken(s, open === '/' ? i + 1 : i).end
}

/** A PDF text string: UTF-16BE with its byte order mark, in hex. */
export function pdfString(text: string): string {
  const hex = [...text].flatMap((ch) => {
    const code = ch.codePointAt(0)!
    const units = code > 0xffff ? [0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)] : [code]
    return units.map((u) => u.toString(16).padStart(4, '0'))
  })
  return `<FEFF${hex.join('').toUpperCase()}>`
}

// --- internal ---

function readToken(s: string, i: number): { text: string; end: number } {
  let end = i
  while (end < s.length && !/[\s/<>[\]()]/.test(s[end]!)) end++
  return { text: s.slice(i, end), end }
}
