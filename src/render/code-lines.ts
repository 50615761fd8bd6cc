/**
 * Line numbers and highlight steps of a fenced code block, built when the deck is built, as reveal.js's
 * highlight plugin builds them in the browser: ```` ```js [1|3-5] ```` numbers the lines, highlights line
 * 1, then lines 3 to 5 in a second copy of the block shown as a fragment; ```` ```js [] ```` only numbers
 * them; ```` ```js [123: 1,2] ```` numbers from 123. Same markup and classes as the plugin's (`hljs-ln`,
 * `highlight-line`, `has-highlights`), so reveal.js's own CSS and themes style it, and the deck needs no
 * script for it (the PDF shows the last step).
 */

/** reveal.js's Markdown plugin's pattern for `[offset: steps]` in a fence's info string. */
const RE_LINE_SPEC = /\[\s*((\d*):)?\s*([\s\d,|-]*)\]/

export interface CodeInfo {
  /** The info string without the `[...]` part, e.g. `js`. */
  info: string
  /** `data-line-numbers` (may be ''), when the fence asks for line numbers. */
  lineNumbers?: string
  /** First line's number (`data-ln-start-from`). */
  startFrom?: number
}

/** Splits a fence's info string into its language and its line-number request, as reveal.js reads it. */
export function parseCodeInfo(lang: string): CodeInfo {
  const m = RE_LINE_SPEC.exec(lang)
  if (!m) return { info: lang.trim() }
  const start = m[2]?.trim()
  return {
    info: lang.replace(RE_LINE_SPEC, '').trim(),
    lineNumbers: m[3]!.trim(),
    ...(start ? { startFrom: Number(start) } : {}),
  }
}

interface Range {
  start?: number
  end?: number
}

/** `1|3-5,7` → `[[{1}], [{3,5}, {7}]]`, as the highlight plugin reads `data-line-numbers`. */
export function parseSteps(spec: string): Range[][] {
  return spec
    .replace(/\s/g, '')
    .split('|')
    .map((step) =>
      step.split(',').map((part) => {
        if (!/^[\d-]+$/.test(part)) return {}
        const [a, b] = part.split('-').map((n) => parseInt(n, 10))
        return Number.isNaN(b) || b === undefined ? { start: a } : { start: a, end: b }
      }),
    )
}

function serializeStep(step: Range[]): string {
  return step.map((r) => (typeof r.end === 'number' ? `${r.start}-${r.end}` : typeof r.start === 'number' ? `${r.start}` : '')).join(',')
}

/**
 * The `<code>` elements of a numbered block: the first with the first step highlighted, then one more a
 * step, each a fragment. `html` is the code's (highlighted, escaped) HTML; `attrs` the `<code>` tag's
 * other attributes (`class="..."`).
 */
export function renderNumberedCode(html: string, info: CodeInfo, className: string): string {
  const lines = splitHtmlLines(html)
  if (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop()
  const from = info.startFrom ?? 1
  const steps = parseSteps(info.lineNumbers ?? '')
  const start = info.startFrom !== undefined ? ` data-ln-start-from="${info.startFrom}"` : ''
  return steps
    .map((step, i) => {
      const rows = lines.map((line, row) => {
        const n = row + from
        const lit = step.some((r) => (typeof r.end === 'number' ? row + 1 >= r.start! && row + 1 <= r.end : r.start === row + 1))
        return (
          `<tr${lit ? ' class="highlight-line"' : ''}><td class="hljs-ln-line hljs-ln-numbers" data-line-number="${n}">` +
          `<div class="hljs-ln-n" data-line-number="${n}"></div></td>` +
          `<td class="hljs-ln-line hljs-ln-code" data-line-number="${n}">${line.length > 0 ? line : ' '}</td></tr>`
        )
      })
      const highlighted = rows.some((r) => r.startsWith('<tr class="highlight-line"'))
      const classes = [className, highlighted ? 'has-highlights' : '', i > 0 ? 'fragment' : ''].filter(Boolean).join(' ')
      const numbers = steps.length > 1 ? serializeStep(step) : (info.lineNumbers ?? '')
      return `<code class="${classes}" data-line-numbers="${numbers}"${start}><table class="hljs-ln">${rows.join('')}</table></code>`
    })
    .join('')
}

/**
 * Splits highlighted HTML into lines, closing the `<span>`s open at a line's end and opening them again
 * on the next line, so each line is well-formed on its own.
 */
export function splitHtmlLines(html: string): string[] {
  const lines: string[] = []
  const open: string[] = []
  let current = ''
  for (const part of html.split(/(<\/?span\b[^>]*>|\r\n|\r|\n)/)) {
    if (part === '\n' || part === '\r\n' || part === '\r') {
      lines.push(current + '</span>'.repeat(open.length))
      current = open.join('')
    } else if (part.startsWith('</span')) {
      open.pop()
      current += part
    } else if (part.startsWith('<span')) {
      open.push(part)
      current += part
    } else current += part
  }
  lines.push(current)
  return lines
}
