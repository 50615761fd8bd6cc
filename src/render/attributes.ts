import { addAttributes, joinClasses, parseAttributes } from '../parse/split.js'

const RE_TAG_OR_COMMENT = /<!--([\s\S]*?)-->|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g
/** `.element: class="x"`, or without the colon as reveal.js also reads it. */
const RE_ELEMENT_COMMENT = /^\s*\.element(?::|(?=\s))\s*([\s\S]*?)\s*$/
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])

interface OpenTag {
  name: string
  /** Offsets of the tag's raw attribute text, replaced when attributes are added. */
  attrStart: number
  attrEnd: number
  attributes: string
  /** Its last child element, once it is closed (a list's last item). */
  lastElement?: OpenTag
}

/**
 * Applies `<!-- .element: class="fragment" -->` comments to HTML, as reveal.js's Markdown plugin does:
 * the attributes go to the previous element in the same parent (a `<br>` does not count), or to the
 * parent itself when the comment comes first (e.g. at the end of a list item's text). A comment right
 * under a list, with no blank line between, goes to its last item: reveal.js's rule for a comment on
 * the line after a list item. The comments are removed. Works on the well-formed HTML that marked produces.
 */
export function applyElementAttributes(html: string): string {
  if (!html.includes('.element')) return html
  const added = new Map<OpenTag, Record<string, string>>()
  const removals: [number, number][] = []
  const stack: OpenTag[] = [{ name: '#root', attrStart: -1, attrEnd: -1, attributes: '' }]
  // The last element closed in each open parent, by stack depth.
  const lastChild: (OpenTag | undefined)[] = [undefined]
  // End of the previous tag or comment: the text between it and a comment is the comment's previous text.
  let previousEnd = 0

  for (const m of html.matchAll(RE_TAG_OR_COMMENT)) {
    const [whole, comment, closing, rawName, attrs, selfClosing] = m
    const textBefore = html.slice(previousEnd, m.index)
    previousEnd = m.index + whole.length
    if (comment !== undefined) {
      const element = RE_ELEMENT_COMMENT.exec(comment)
      if (!element) continue
      let target = lastChild[stack.length - 1] ?? stack[stack.length - 1]!
      if ((target.name === 'ul' || target.name === 'ol') && !/\n[ \t]*\n/.test(textBefore) && target.lastElement) {
        target = target.lastElement
      }
      removals.push([m.index, m.index + whole.length])
      if (target.attrStart >= 0) {
        const attributes = added.get(target) ?? {}
        addAttributes(attributes, parseAttributes(element[1]!))
        added.set(target, attributes)
      }
      continue
    }
    const name = rawName!.toLowerCase()
    const attrStart = m.index + 1 + closing!.length + rawName!.length
    const tag: OpenTag = { name, attrStart, attrEnd: attrStart + (attrs ?? '').length, attributes: attrs ?? '' }
    if (closing) {
      // Close up to the matching open tag; tolerate stray closing tags from raw HTML.
      const depth = stack.map((t) => t.name).lastIndexOf(name)
      if (depth <= 0) continue
      const closed = stack[depth]!
      closed.lastElement = lastChild[depth]
      stack.length = depth
      lastChild.length = depth
      lastChild[depth - 1] = closed
    } else if (VOID_ELEMENTS.has(name) || selfClosing) {
      if (name !== 'br') lastChild[stack.length - 1] = tag
    } else {
      stack.push(tag)
      lastChild[stack.length - 1] = undefined
    }
  }

  // Apply from the end so earlier offsets stay valid.
  interface Op {
    at: number
    end: number
    text: string
  }
  const ops: Op[] = [
    ...removals.map(([at, end]) => ({ at, end, text: '' })),
    ...[...added].map(([tag, attributes]) => ({
      at: tag.attrStart,
      end: tag.attrEnd,
      text: mergeAttributes(tag.attributes, attributes),
    })),
  ].sort((a, b) => b.at - a.at)
  let out = html
  for (const op of ops) out = out.slice(0, op.at) + op.text + out.slice(op.end)
  return out
}

/** Renders an attribute map as ` name="value"` pairs, escaped for HTML. */
export function renderAttributes(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('')
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

// --- internal ---

/** Adds attributes to a tag's raw attribute text; a class is appended to an existing class list. */
function mergeAttributes(existing: string, added: Record<string, string>): string {
  let out = existing
  const rest = { ...added }
  if (rest.class !== undefined && /\sclass\s*=\s*"/.test(out)) {
    const extra = escapeAttribute(rest.class)
    out = out.replace(/(\sclass\s*=\s*")([^"]*)"/, (_, head: string, value: string) => `${head}${joinClasses(value, extra)}"`)
    delete rest.class
  }
  return out + renderAttributes(rest)
}
