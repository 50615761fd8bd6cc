const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' }
const RE_ENTITY = /&#(\d+);|&#x([0-9a-f]+);|&([a-z]+);/gi

/**
 * Decodes the HTML entities diapo's own output and Markdown contain (numeric, and the named ones that
 * escaping produces), for text read back out of HTML: link texts, attribute values, the page title.
 * Unknown named entities are left as written.
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(RE_ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec) return fromCodePoint(Number(dec))
    if (hex) return fromCodePoint(parseInt(hex, 16))
    return NAMED_ENTITIES[name!.toLowerCase()] ?? whole
  })
}

// --- internal ---

/** As browsers do: a number that is no character (too large, a lone surrogate, 0) becomes U+FFFD. */
function fromCodePoint(code: number): string {
  const valid = Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
  return valid ? String.fromCodePoint(code) : '\uFFFD'
}
