import { Marked } from 'marked'
import { describe, expect, it } from 'vitest'

import { createHelpers, escapeText, formatLongDate } from '../../../src/template/helpers.js'

describe('formatLongDate', () => {
  it('writes a calendar date in full in the deck language', () => {
    expect(formatLongDate('2026-12-03', 'fr')).toBe('jeudi 3 décembre 2026')
    expect(formatLongDate('2026-12-03', 'en')).toBe('Thursday, December 3, 2026')
  })

  it('keeps the same day in every time zone (a YAML date is a day, not an instant)', () => {
    const previous = process.env.TZ
    try {
      for (const tz of ['Pacific/Honolulu', 'Pacific/Kiritimati', 'Europe/Paris']) {
        process.env.TZ = tz
        expect(formatLongDate('2026-01-01', 'fr'), tz).toBe('jeudi 1 janvier 2026')
      }
    } finally {
      process.env.TZ = previous
    }
  })
})

describe('escapeText', () => {
  it('is shown as written by Markdown, in prose, tables and HTML', () => {
    const value = '<script>alert(1)</script> *Club* _des_ [amis](x) | #1 `code`'
    const marked = new Marked({ gfm: true })
    const html = marked.parse(`| a |\n|---|\n| ${escapeText(value, 'en')} |\n\n${escapeText(value, 'en')}`) as string
    const doc = html.replace(/<\/?(?:table|thead|tbody|tr|th|td|p)>/g, '')
    expect(doc).not.toMatch(/<(?:script|em|strong|a|code)\b/)
    expect(html.match(/<td>/g)).toHaveLength(1)
    const decoded = (s: string) =>
      s
        .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
    expect(decoded(/<p>([\s\S]*?)<\/p>/.exec(html)![1]!)).toBe(value)
  })

  it('applies French typography before escaping', () => {
    expect(escapeText('Lyon : vélo !', 'fr')).toBe('Lyon\u00A0&#58; vélo\u202F&#33;')
  })
})

describe('link helper', () => {
  const { link } = createHelpers('fr')
  const options = { loc: { start: { line: 1, column: 0 } } }

  it('makes a Markdown link whose text is escaped and whose target is a URL or a mailto', () => {
    expect(String(link!('https://example.org/a b', options))).toBe('[https&#58;//example&#46;org/a b](<https://example.org/a%20b>)')
    expect(String(link!('contact@example.org', options) as unknown)).toBe('[contact&#64;example&#46;org](<mailto:contact@example.org>)')
  })

  it('refuses what is not an address', () => {
    expect((): unknown => link!('javascript:alert(1)', options)).toThrow(/is not a web or e-mail address/)
  })
})
