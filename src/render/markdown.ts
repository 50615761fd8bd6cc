import { Marked, type Token, type Tokens } from 'marked'

import { parseCodeInfo, renderNumberedCode } from './code-lines.js'
import { decodeHtmlEntities } from './entities.js'
import { frenchTypography, renderBreakableUrl } from './typography.js'

/** Highlights code at build time; `undefined` when the language is unknown. */
export type Highlighter = (code: string, lang: string) => string | undefined

export interface MarkdownOptions {
  frenchTypography: boolean
  highlight?: Highlighter
}

export interface MarkdownResult {
  html: string
  links: { href: string; text: string }[]
}

/** A setext heading's underline (`===` or `---` under a line of text). */
const RE_SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/m
const RE_EXTERNAL_LINK = /^(?:https?:|mailto:)/i
const RESETS_RAW_CODE = new Set(['paragraph', 'heading', 'list_item', 'blockquote', 'table'])
/** An inline HTML tag whose content is code, typed by the author: `<code>`, `<kbd>`, `<samp>`, `</code>`... */
const RE_RAW_CODE_TAG = /^<(\/?)(?:code|kbd|samp|pre)\b[^>]*>$/i

/**
 * A Markdown renderer for one build: GitHub-flavoured Markdown (tables, strikethrough, task lists,
 * autolinks), raw HTML passed through, code highlighted at build time, French typography on prose.
 */
export function createMarkdownRenderer(options: MarkdownOptions): (markdown: string) => MarkdownResult {
  let links: MarkdownResult['links'] = []
  // Depth of raw inline code elements (<code>, <kbd>...) the walk is in: their text stays verbatim.
  let rawCode = 0
  // marked tries its setext-heading rule at every block, and that rule's regular expression is the
  // costliest part of a build (a sixth of a 1000-slide deck); a slide without any underline line
  // cannot have such a heading, so the rule is skipped there.
  let mayHaveSetext = true
  const marked = new Marked({
    gfm: true,
    async: false,
    walkTokens(token: Token) {
      if (RESETS_RAW_CODE.has(token.type))
        rawCode = 0 // an unclosed <code> ends with its block
      else if (token.type === 'html' && !token.block) {
        const tag = RE_RAW_CODE_TAG.exec((token as Tokens.HTML).text)
        if (tag) rawCode = Math.max(0, rawCode + (tag[1] ? -1 : 1))
      } else if (token.type === 'link') {
        const link = token as Tokens.Link
        if (RE_EXTERNAL_LINK.test(link.href)) links.push({ href: link.href, text: plainText(link.text) })
        // A link whose text is its address (an autolink, <https://...>, [x@y.org](mailto:x@y.org)): no
        // typography there, and line breaks only after / or . (see renderBreakableUrl).
        if (isAddressText(link)) {
          const html = renderBreakableUrl(decodeHtmlEntities(link.text), escapeHtml)
          link.tokens = [{ type: 'html', block: false, pre: false, raw: link.text, text: html }]
          // marked renders an autolink from its text, not its tokens.
          ;(link as Tokens.Link & { autolink?: boolean }).autolink = false
        }
      } else if (token.type === 'text' && options.frenchTypography && !('tokens' in token && token.tokens)) {
        const text = token as Tokens.Text
        if (rawCode === 0) text.text = frenchTypography(text.text)
      }
    },
    tokenizer: {
      lheading() {
        return mayHaveSetext ? false : undefined
      },
    },
    renderer: {
      code({ text, lang }: Tokens.Code) {
        // ```js [1|3-5]: line numbers and highlight steps, as reveal.js reads them (see code-lines.ts).
        const info = parseCodeInfo(lang ?? '')
        const language = info.info.split(/\s+/)[0] ?? ''
        const highlighted = language && options.highlight ? options.highlight(text, language) : undefined
        const className = language ? `hljs language-${escapeHtml(language)}` : 'hljs'
        const code = highlighted ?? escapeHtml(text)
        if (info.lineNumbers !== undefined) return `<pre class="code-wrapper">${renderNumberedCode(code, info, className)}</pre>\n`
        return `<pre><code class="${className}">${code}</code></pre>\n`
      },
      // Blank lines between blocks are kept, as reveal.js keeps them: a `.element` comment right under a
      // list item applies to that item, one after a blank line to the whole list (see attributes.ts).
      space({ raw }: Tokens.Space) {
        return raw
      },
    },
  })
  return (markdown) => {
    links = []
    rawCode = 0
    mayHaveSetext = RE_SETEXT_UNDERLINE.test(markdown)
    const html = marked.parse(markdown) as string
    return { html, links }
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** True when the Markdown has a fenced code block with a language, so a highlighter is worth loading. */
export function hasHighlightableCode(markdown: string): boolean {
  return /^ {0,3}(?:`{3,}|~{3,})[ \t]*[\w+#[-]/m.test(markdown)
}

// --- internal ---

/** A link's Markdown text as a reader sees it: entities decoded, backslash escapes and emphasis marks removed. */
function plainText(markdown: string): string {
  return decodeHtmlEntities(markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1'))
}

/** True for a link that shows its own address: its text is the URL, or the URL less `mailto:`. */
function isAddressText(link: Tokens.Link): boolean {
  if (!link.tokens.every((t) => t.type === 'text' || t.type === 'escape')) return false
  const text = decodeHtmlEntities(link.text)
  const autolink = (link as Tokens.Link & { autolink?: boolean }).autolink === true
  return autolink || [text, `${text}/`, `mailto:${text}`].includes(link.href) || link.raw.startsWith('<') || link.raw === link.href
}
