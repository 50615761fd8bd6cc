import { parse as parseColor } from 'culori'
import { z } from 'zod/mini'

import { t } from '../i18n/index.js'
import { AlternativesSchema } from './catalogue.js'
import { say } from './validate.js'

/**
 * Output folders a slug must not take. A profile builds into `<out>/<slug>/`, beside the generic deck
 * written into `<out>/` itself: `index.html`, `assets/` (runtime, theme), `media/` (its images, and
 * `media/external/`), `sommaire.html` (the page of all decks), the deck's single file and its PDFs
 * (`slides.pdf`, `handout.pdf`, `notes.pdf`). Only folders can clash with a folder: `assets` and `media`,
 * which the next generic build would replace, deleting the association's deck; `external` and `index`
 * are kept out too, to stay clear of the names the deck's own paths use.
 */
export const RESERVED_SLUGS = ['assets', 'media', 'external', 'index']
/** A slug names a file and a folder: far below any file system's limit, and readable in a URL. */
export const MAX_SLUG_LENGTH = 60

const RE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const RE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const RE_LANG = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/
const RE_EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/
const RE_LOGO = /\.(?:svg|png|jpe?g|webp)$/i
/** A CSS colour also goes into a `<style>`: only these characters, whatever culori accepts. */
const RE_CSS_SAFE = /^[#\w\s(),.%/+-]+$/

const text = (example: string) =>
  z.string(say('schema.text', { example })).check(z.trim(), z.minLength(1, say('schema.notEmpty', { example })))

const cssColor = z
  .string(say('schema.colour'))
  .check(z.refine(isCssColor, { error: (issue) => t('schema.notColour', { value: JSON.stringify(issue.input) }) }))

const httpUrl = z
  .string(say('schema.url'))
  .check(z.refine(isHttpUrl, { error: (issue) => t('schema.notUrl', { value: JSON.stringify(issue.input) }) }))

const calendarDate = z
  .string(say('schema.date'))
  .check(z.refine(isCalendarDate, { error: (issue) => t('schema.notDate', { value: JSON.stringify(issue.input) }) }))

/** The one rule for an output folder's name: a profile's `slug`, its file's name, `diapo new <slug>`. */
export const SlugSchema = z.string(say('schema.text', { example: 'amis-du-velo' })).check(
  z.regex(RE_SLUG, say('schema.slug')),
  z.maxLength(MAX_SLUG_LENGTH, say('schema.slugLength', { max: MAX_SLUG_LENGTH })),
  z.refine((s) => !RESERVED_SLUGS.includes(s), say('schema.slugReserved', { names: RESERVED_SLUGS.join(', ') })),
)

/** What is wrong with `slug` as an output folder's name (`SlugSchema`'s words), or `undefined`. */
export function slugProblem(slug: string): string | undefined {
  return SlugSchema.safeParse(slug).error?.issues[0]?.message
}

/** An association's profile, `associations/<slug>.yml`, as the volunteer writes it. All optional but `name`. */
export const ProfileSchema = z.strictObject({
  /** Full name, e.g. "Les Amis du Vélo de Lyon". */
  name: text('"Les Amis du Vélo de Lyon"'),
  /** Short name for tight places. Default: `name`. */
  shortName: z.optional(text('"Amis du Vélo"')),
  /** Output folder name (`dist/<slug>/`). Default: the profile file's name. */
  slug: z.optional(SlugSchema),
  /** A profile shipped as an example (`associations/`): marked « exemple » on the page of all decks. */
  example: z.optional(z.boolean(say('schema.boolean'))),
  /** Logo file relative to the profile: svg, png, jpg or webp. */
  logo: z.optional(z.string(say('schema.logo')).check(z.regex(RE_LOGO, say('schema.logoType')))),
  /** Theme colours: any CSS colour. */
  colors: z.optional(z.strictObject({ primary: z.optional(cssColor), accent: z.optional(cssColor) })),
  /** Language of the deck, e.g. `fr`. Default: the deck's. */
  lang: z.optional(z.string(say('schema.lang')).check(z.refine((s) => RE_LANG.test(s) && isLocale(s), say('schema.langCode')))),
  /** Theme name (`default`, `contrast`) or a `.css` file relative to the profile. */
  theme: z.optional(text('default')),
  /** Proportions of the slides: `16:9` (default) or `4:3` for an older projector. */
  aspect: z.optional(z.enum(['16:9', '4:3'], say('schema.aspect'))),
  /** Where the handout PDF will be published. */
  handoutUrl: z.optional(httpUrl),
  workshop: z.optional(
    z.strictObject({
      date: z.optional(calendarDate),
      place: z.optional(text('"Maison des associations, Lyon"')),
      facilitator: z.optional(text('"Camille"')),
    }),
  ),
  /** How to reach the people who follow up on the workshop. */
  contact: z.optional(
    z.strictObject({
      email: z.optional(z.string(say('schema.email')).check(z.regex(RE_EMAIL, say('schema.email')))),
      website: z.optional(httpUrl),
    }),
  ),
  /** The tools the association uses today, for the diagnostic. */
  tools: z.optional(
    z.array(
      // `- WhatsApp` is short for `- { current: WhatsApp }`.
      z.pipe(
        z.transform((tool: unknown) => (typeof tool === 'string' ? { current: tool } : tool)),
        z.strictObject({
          need: z.optional(text('"Gestion des membres"')),
          current: text('"Excel"'),
          /** The association's own alternatives for this tool, over the catalogue's (checked as the catalogue's). */
          alternatives: z.optional(AlternativesSchema),
        }),
      ),
      say('schema.tools'),
    ),
  ),
  sections: z.optional(z.strictObject({ exclude: z.optional(z.array(text('references'), say('schema.sectionIds'))) })),
  /** The association's own slides, inserted after a section. */
  extraSlides: z.optional(
    z.array(
      z.strictObject({
        file: z.string(say('schema.markdownFile')).check(z.regex(/\.md$/i, say('schema.markdownExtension'))),
        after: text('alternatives'),
      }),
      say('schema.extraSlides'),
    ),
  ),
})

/** A profile as written in its YAML file (validated). */
export type ProfileInput = z.infer<typeof ProfileSchema>

/** True for any colour CSS accepts (culori parses the CSS Color 4 syntaxes and the named colours). */
export function isCssColor(value: string): boolean {
  return RE_CSS_SAFE.test(value) && parseColor(value) !== undefined
}

/** A `YYYY-MM-DD` string that names a real calendar day. */
export function isCalendarDate(value: string): boolean {
  const m = RE_DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

// --- internal ---

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false
  const url = new URL(value)
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.')
}

function isLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1
  } catch {
    return false
  }
}
