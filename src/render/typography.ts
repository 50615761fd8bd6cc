/** U+202F NARROW NO-BREAK SPACE, before `; ! ?` in French. */
export const NNBSP = '\u202F'
/** U+00A0 NO-BREAK SPACE, before `:` and inside « » in French. */
export const NBSP = '\u00A0'
/** U+2019 RIGHT SINGLE QUOTATION MARK, the typographic apostrophe of "l’association". */
export const APOSTROPHE = '\u2019'

const RE_BEFORE_TALL = /[ \t\u00A0]+(?=[;!?])/g
const RE_BEFORE_COLON = /[ \t\u202F]+(?=:)/g
const RE_AFTER_OPEN_QUOTE = /«[ \t\u202F\u00A0]*/g
const RE_BEFORE_CLOSE_QUOTE = /[ \t\u202F\u00A0]*»/g

/**
 * French typography for a run of prose (never code, URLs or attributes: the caller only passes text
 * nodes): the typographic apostrophe (’) for `'`; the spaces before `; ! ?` become narrow no-break
 * spaces, the space before `:` and inside « » no-break spaces, so that "des questions ?" never leaves
 * its "?" alone at the start of a line. Only spaces the author typed are replaced, except inside « »,
 * which always get one.
 */
export function frenchTypography(text: string): string {
  if (!/[;:!?«»']/.test(text)) return text
  return text
    .replaceAll("'", APOSTROPHE)
    .replace(RE_BEFORE_TALL, NNBSP)
    .replace(RE_BEFORE_COLON, NBSP)
    .replace(RE_AFTER_OPEN_QUOTE, `«${NBSP}`)
    .replace(RE_BEFORE_CLOSE_QUOTE, `${NBSP}»`)
}

/** True for languages whose typography puts spaces before high punctuation (French and its variants). */
export function usesFrenchTypography(lang: string | undefined): boolean {
  return /^fr(?:-|$)/i.test(lang ?? '')
}

/** Where a URL or an e-mail address shown as text may break: after a `/` (not inside `//`) or a `.`. */
const RE_URL_BREAK = /(?<=[^/]\/|\.)(?=[^/])/g

/**
 * A URL (or e-mail address) shown as text, as HTML that breaks across lines only after `/` or `.`,
 * never at a hyphen ("libere-ton-" / "ordi.com" reads as another address): each piece stays whole
 * (`white-space: nowrap`), with a `<wbr>` between pieces. Copying it still gives the URL.
 */
export function renderBreakableUrl(url: string, escape: (text: string) => string): string {
  const pieces = url.split(RE_URL_BREAK)
  // A last piece of a few letters ("com", "org", "pdf") stays with its name: "ordi." / "com" reads badly.
  if (pieces.length > 1 && pieces.at(-1)!.length <= 4) {
    const last = pieces.pop()!
    pieces.push(pieces.pop()! + last)
  }
  if (pieces.length === 1 && !/[-\s]/.test(url)) return escape(url)
  return pieces.map((piece) => `<span class="diapo-url">${escape(piece)}</span>`).join('<wbr>')
}
