import Handlebars from 'handlebars'

import { t } from '../i18n/index.js'
import { renderIcon, UnknownIconError } from '../render/icons.js'
import { frenchTypography, usesFrenchTypography } from '../render/typography.js'

/**
 * A value from a profile, the catalogue or front matter, as slides see it: `{{asso.name}}` writes it
 * as text, whatever it contains. Handlebars calls `toHTML()` when it escapes a value; both it and
 * `toString()` give the escaped form, so even `{{{asso.name}}}` cannot inject HTML or Markdown.
 * Helpers read the raw value from `.value`.
 */
export class TemplateText {
  constructor(
    readonly value: string,
    private readonly escaped: string,
  ) {}

  toHTML(): string {
    return this.escaped
  }

  toString(): string {
    return this.escaped
  }
}

/** ASCII punctuation that HTML or Markdown (emphasis, links, lists, tables, notes, separators) would read. */
const RE_SIGNIFICANT = /[&<>"'`*_[\]\\~|#+\-=.!{}():^$@]/g

/**
 * Escapes text for a Markdown slide, where it may land in prose, a table cell, an HTML block or an
 * attribute: every character Markdown or HTML would interpret becomes a numeric character reference,
 * which all of them show as the character itself. Line breaks become spaces (a value is one line).
 * French typography is applied first, since the references hide the punctuation from it later.
 */
export function escapeText(value: string, lang: string): string {
  const oneLine = value.replace(/\s*\r?\n\s*/g, ' ')
  const typeset = usesFrenchTypography(lang) ? frenchTypography(oneLine) : oneLine
  return typeset.replace(RE_SIGNIFICANT, (c) => `&#${c.charCodeAt(0)};`)
}

/** Wraps every string of a value (deeply) as `TemplateText`; empty strings stay '' so `#if` sees them as empty. */
export function wrapTexts<T>(value: T, lang: string): unknown {
  if (typeof value === 'string') return value === '' ? '' : new TemplateText(value, escapeText(value, lang))
  if (Array.isArray(value)) return value.map((v: unknown) => wrapTexts(v, lang))
  if (value && typeof value === 'object' && !(value instanceof TemplateText) && !(value instanceof Handlebars.SafeString)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrapTexts(v, lang)]))
  }
  return value
}

/** The raw text of a template value (a `TemplateText` or anything else). */
export function rawText(value: unknown): string {
  if (value instanceof TemplateText) return value.value
  if (value === null || value === undefined) return ''
  // A YAML group has no text of its own: it reads as its JSON (in an error message too), not "[object Object]".
  if (typeof value === 'object' && !Array.isArray(value) && !(value instanceof Handlebars.SafeString)) return JSON.stringify(value)
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- what is left has its own text: a string, number, boolean, list or SafeString
  return String(value)
}

/** Helpers slides can call. Each throws a Handlebars exception at its own line when misused. */
export function createHelpers(lang: string): Record<string, Handlebars.HelperDelegate> {
  return {
    /** `{{date asso.workshop.date}}` → "jeudi 3 décembre 2026" in the deck's language. */
    date(value: unknown, options: Handlebars.HelperOptions) {
      const text = rawText(value)
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
      if (!m) throw helperError(text ? t('template.dateInvalid', { text }) : t('template.dateMissing'), options)
      return formatLongDate(text, lang)
    },
    /** `{{#if (or asso.contact.email asso.contact.website)}}`: the first value that is not empty, else false. */
    or(...args: unknown[]) {
      args.pop()
      return args.find((v) => rawText(v) !== '' && v !== false) ?? false
    },
    /**
     * `{{link asso.contact.website}}` or `{{link url "text"}}`: a Markdown link whose text is shown as
     * written. An e-mail address becomes a `mailto:` link.
     */
    link(value: unknown, ...rest: unknown[]) {
      const options = rest.pop() as Handlebars.HelperOptions
      const target = rawText(value).trim()
      const label = rest.length > 0 ? rest[0] : value
      const href = linkTarget(target)
      if (!href) throw helperError(t('template.linkInvalid', { target }), options)
      // An address shown as itself is not prose: no typography (an apostrophe in it stays one).
      const text =
        rest.length === 0
          ? escapeText(target, '')
          : label instanceof TemplateText
            ? label.toHTML()
            : escapeText(rawText(label) || target, lang)
      return new Handlebars.SafeString(`[${text}](<${href}>)`)
    },
    /**
     * `{{icon "lock"}}`: a Lucide icon inlined as SVG, in the text's colour; `{{icon "lock" "Sécurité"}}`
     * gives it a name for screen readers. An unknown name is an error at its line, with the closest names.
     */
    icon(name: unknown, ...rest: unknown[]) {
      const options = rest.pop() as Handlebars.HelperOptions
      const icon = rawText(name).trim()
      if (!icon) throw helperError(t('template.iconMissing'), options)
      try {
        return new Handlebars.SafeString(renderIcon(icon, rest.length > 0 ? rawText(rest[0]) : undefined))
      } catch (err) {
        if (err instanceof UnknownIconError) throw helperError(err.message, options, err.hint)
        throw err
      }
    },
  }
}

/**
 * A calendar date (`YYYY-MM-DD`) in full in a language: "jeudi 3 décembre 2026". The date is a day,
 * not an instant: it is formatted in UTC so no time zone moves it to the day before.
 */
export function formatLongDate(isoDate: string, lang: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  const format = new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
  return format.format(new Date(Date.UTC(y, m - 1, d)))
}

// --- internal ---

function linkTarget(target: string): string | undefined {
  if (/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(target)) return `mailto:${encodeURI(target)}`
  if (!URL.canParse(target)) return undefined
  const url = new URL(target)
  if (url.protocol !== 'https:' && url.protocol !== 'http:' && url.protocol !== 'mailto:') return undefined
  // `href` percent-encodes spaces and angle brackets; parentheses need no escape inside <...>.
  return url.href
}

/** A Handlebars exception at the helper's line; `hint` (what to do) is carried to the `DeckError`. */
function helperError(message: string, options: Handlebars.HelperOptions, hint?: string): Error {
  const err = new Handlebars.Exception(message, { loc: (options as { loc?: unknown }).loc } as never)
  if (hint) Object.assign(err, { hint })
  return err
}
