import { t } from '../i18n/index.js'
/**
 * What in a slide's HTML would swallow the rest of the page: an HTML comment that is never closed, or
 * an element whose content the browser reads as raw text up to its end tag (`<script>`, `<style>`,
 * `<textarea>`, `<title>`...) without that end tag. The browser then reads every later slide, and the
 * deck's own script, as that comment or text: the deck is blank and never starts.
 *
 * reveal.js's Markdown plugin and marked pass raw HTML through untouched, so a `<!--` left open or a
 * `<textarea>` named in prose breaks a reveal.js deck just the same, silently. diapo refuses it at its line.
 */

/** Elements whose content is raw text up to `</name>` (HTML's "raw text" and "escapable raw text" elements, and their legacy kin). */
const RAW_TEXT_ELEMENTS = ['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']
/** A comment's or a tag's start (a tag is skipped whole: `<p title="<style>">` names no element). */
const RE_OPENING = /<(!--|[a-z][^\s/>]*)/gi

export interface Swallower {
  /** What is left open: `<!--`, `<textarea>`, `<plaintext>`... as the writer typed it (lower case). */
  opening: string
  /** The end it lacks: `-->`, `</textarea>`; empty for `<plaintext>`, which has none. */
  closing: string
  /** Offset of the opening in the HTML. */
  index: number
}

/**
 * The first comment or raw-text element of `html` that is not closed in it, if any: `html` is one
 * slide's content (or its notes), which the page puts inside its own element.
 */
export function findSwallower(html: string): Swallower | undefined {
  RE_OPENING.lastIndex = 0
  for (let m = RE_OPENING.exec(html); m; m = RE_OPENING.exec(html)) {
    const name = m[1]!.toLowerCase()
    if (name === '!--') {
      // `<!-->` and `<!--->` are empty comments; else the comment ends at the first `-->` (or `--!>`).
      const rest = html.slice(m.index + 4)
      if (rest.startsWith('>') || rest.startsWith('->')) continue
      const end = /--!?>/.exec(rest)
      if (!end) return { opening: '<!--', closing: '-->', index: m.index }
      RE_OPENING.lastIndex = m.index + 4 + end.index + end[0].length
      continue
    }
    const tagEnd = endOfTag(html, m.index)
    if (tagEnd === undefined) continue // not a tag after all (`<style` at the end of the text)
    if (name === 'plaintext') return { opening: '<plaintext>', closing: '', index: m.index }
    RE_OPENING.lastIndex = tagEnd
    if (!RAW_TEXT_ELEMENTS.includes(name)) continue
    const close = new RegExp(`</${name}[\\s/>]`, 'i').exec(html.slice(tagEnd))
    if (!close) return { opening: `<${name}>`, closing: `</${name}>`, index: m.index }
    RE_OPENING.lastIndex = tagEnd + close.index + close[0].length
  }
  return undefined
}

/** What to tell the writer about a swallower: the message and what to do. */
export function describeSwallower(swallower: Swallower, where: 'slide' | 'notes' | 'handout'): { message: string; hint: string } {
  const place = t('markdown.place', { where })
  if (swallower.opening === '<!--') {
    return { message: t('markdown.commentOpen', { place }), hint: t('markdown.commentOpenHint') }
  }
  if (!swallower.closing) {
    return { message: t('markdown.plaintext', { opening: swallower.opening, place }), hint: t('markdown.plaintextHint') }
  }
  const { opening, closing } = swallower
  return { message: t('markdown.unclosed', { opening, closing, place }), hint: t('markdown.unclosedHint', { opening, closing }) }
}

/**
 * The 0-based index of the line of `markdown` (one slide's source) where the writer typed the
 * swallower: the first such opening, outside `code`, that is not closed after it.
 */
export function swallowerLine(markdown: string, swallower: Swallower): number {
  const lines = markdown.split('\n')
  const prose = lines.map((line) => line.replace(/`+[^`]*`+/g, (code) => ' '.repeat(code.length)))
  const open = swallower.opening === '<!--' ? '<!--' : swallower.opening.slice(0, -1)
  const text = prose.join('\n').toLowerCase()
  let found: number | undefined
  for (let i = text.indexOf(open); i !== -1; i = text.indexOf(open, i + 1)) {
    found ??= i
    if (!swallower.closing || !text.includes(swallower.closing, i)) {
      found = i
      break
    }
  }
  if (found === undefined) return 0
  return text.slice(0, found).split('\n').length - 1
}

// --- internal ---

/** The offset just after the `>` ending the tag that starts at `start`, quotes respected. */
function endOfTag(html: string, start: number): number | undefined {
  const m = /^<[^\s/>]+(?:[^>"']|"[^"]*"|'[^']*')*>/.exec(html.slice(start))
  return m ? start + m[0].length : undefined
}
