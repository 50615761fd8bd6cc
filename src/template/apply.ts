import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

import { DeckError } from '../errors.js'
import { t } from '../i18n/index.js'
import { loadText } from '../load-text.js'
import { parseSource } from '../parse/deck.js'
import { arrangeSections } from '../parse/sections.js'
import { PACKAGE_ROOT } from '../paths.js'
import { buildDiagnostic, type DiagnosticRow } from '../render/diagnostic.js'
import { loadDiagnosticMetrics } from '../render/diagnostic-metrics.js'
import { createHelpers, TemplateText, wrapTexts } from './helpers.js'
import { createTemplateRenderer, type TemplateEnv, type TemplateSource } from './templates.js'
import type { LoadedProfile, ResolvedProfile } from '../config/defaults.js'
import type { ResolvedDeck } from '../config/resolve.js'
import type { SourceFile } from '../types.js'

/** Partials slides include with `{{> name}}`: the `.hbs` files of this folder. */
export const PARTIALS_DIR = path.join(PACKAGE_ROOT, 'templates', 'partials')

/** A deck's sources made for one audience, and who the audience is. */
export interface ProfileDeck {
  sources: SourceFile[]
  /** Who the deck is for, and their tools diagnostic: the handout's cover, table and contacts. */
  audience: Audience
}

/** The association a deck is made for (the generic profile without `--asso`) and its tools diagnostic. */
export interface Audience {
  profile: ResolvedProfile
  diagnostic: DiagnosticRow[]
}

/**
 * Makes a deck's sources for an association (or, without a profile, for a generic audience):
 * sections left out or added, then every slide file's body rendered as a strict Handlebars template
 * with `asso`, `deck` and `diagnostic` in scope. Errors point at the profile's or the slide's line.
 */
export async function loadProfileDeck(sources: SourceFile[], resolved: ResolvedDeck, loaded?: LoadedProfile): Promise<ProfileDeck> {
  const { profile, lang } = resolved
  const arranged = await arrange(sources, loaded)
  const first = arranged[0]?.frontMatter ?? {}
  // The catalogue (and zod, to check it) is loaded only for a profile with tools: the plain build stays light.
  const catalogue = profile.tools.length > 0 ? await (await import('../config/catalogue.js')).loadCatalogue() : undefined
  const env: TemplateEnv = { helpers: createHelpers(lang), partials: await loadPartials() }
  const deck = wrapTexts({ ...first, lang }, lang)
  // The table is split by the measures of the theme it will be shown in.
  const built = buildDiagnostic(profile.tools, catalogue, loadDiagnosticMetrics(resolved.theme.name))
  const diagnostic = wrapTexts(built, lang)
  const scopeOf = (file: string) => ({ asso: templateProfile(profile, file, lang), deck, diagnostic })
  const render = createTemplateRenderer(env, scopeOf(arranged[0]?.file ?? ''))
  const names = [...Object.keys(scopeOf('')), ...Object.keys(env.helpers)]
  const rendered = arranged.map((source) =>
    usesTemplating(source.body, names) ? renderSource(source, scopeOf(source.file), render) : source,
  )
  return { sources: rendered, audience: { profile, diagnostic: built.rows } }
}

// --- internal ---

async function arrange(sources: SourceFile[], loaded: LoadedProfile | undefined): Promise<SourceFile[]> {
  if (!loaded) return sources
  const { profile, source } = loaded
  if (profile.sections.exclude.length === 0 && profile.extraSlides.length === 0) return sources
  const extras = await Promise.all(
    profile.extraSlides.map(async (extra) => ({
      after: extra.after,
      source: parseSource(extra.file, await loadText(extra.file, 'E_CONFIG')),
    })),
  )
  const result = arrangeSections(sources, { exclude: profile.sections.exclude, extras })
  const excluded = (file: SourceFile): boolean => profile.sections.exclude.includes(file.id)
  if (Array.isArray(result) && profile.extraSlides.length === 0 && sources.every(excluded)) {
    throw new DeckError(t('profile.everySectionOut'), 'E_CONFIG', {
      loc: { file: source.file, line: source.lineOf(['sections', 'exclude']) },
      hint: t('profile.everySectionOutHint'),
    })
  }
  if (Array.isArray(result)) return result
  const at = result.list === 'exclude' ? ['sections', 'exclude', result.index] : ['extraSlides', result.index, 'after']
  throw new DeckError(t('profile.unknownSection', { id: result.id }), 'E_CONFIG', {
    loc: { file: source.file, line: source.lineOf(at) },
    hint: t('profile.unknownSectionHint', { known: result.known.join(', ') }),
  })
}

/**
 * A slide file is a template when one of its `{{ }}` uses diapo's templating: a variable of its scope
 * (`asso`, `deck`, `diagnostic`, `@root`), a helper (`date`, `link`, `lookup`...), a block (`{{#if}}`,
 * `{{/if}}`, `{{else}}`, `{{^}}`), a partial (`{{> name}}`) or a comment (`{{! }}`). A file whose braces
 * are all something else (`{{ message }}` in a deck about Vue, Jinja or Ansible) is plain Markdown and
 * shows them as written, as reveal.js does; in a template, they are an error (write `\{{` there).
 */
export function usesTemplating(text: string, names: string[]): boolean {
  if (!text.includes('{{')) return false
  const known = new Set([...names, 'lookup', 'log', '@root'])
  for (const m of text.matchAll(/\{\{\{?~?\s*([#/>^!&]|else\b|@?[\w$-]+)/g)) {
    if (m.index > 0 && text[m.index - 1] === '\\') continue
    const head = m[1]!
    if ('#/>^!&'.includes(head) || head === 'else' || known.has(head)) return true
  }
  return false
}

function renderSource(source: SourceFile, scope: Record<string, unknown>, render: ReturnType<typeof createTemplateRenderer>): SourceFile {
  const body: TemplateSource = { file: source.file, text: source.body.replace(/\r\n?/g, '\n'), firstLine: source.bodyLine }
  const rendered = render(body, scope)
  const head = Array.from({ length: source.bodyLine - 1 }, (_, i) => i + 1)
  return { ...source, body: rendered.text, lineMap: [...head, ...rendered.lines] }
}

/** The profile as a slide file sees it: texts escaped, the logo as a URL relative to that file. */
function templateProfile(profile: ResolvedProfile, file: string, lang: string): unknown {
  const { logo, ...rest } = profile
  const wrapped = wrapTexts(rest, lang) as Record<string, unknown>
  wrapped.logo = logo ? new TemplateText(logo, relativeUrl(path.dirname(file), logo)) : null
  return wrapped
}

function relativeUrl(fromDir: string, file: string): string {
  return path
    .relative(fromDir, file)
    .split(path.sep)
    .map((part) => encodeURIComponent(part).replace(/'/g, '%27'))
    .join('/')
}

/** Read at every build, so a changed partial shows in the next build (and in the dev server). */
async function loadPartials(): Promise<Record<string, TemplateSource>> {
  const names = (await readdir(PARTIALS_DIR).catch(() => [] as string[])).filter((n) => n.endsWith('.hbs'))
  const entries = await Promise.all(
    names.map(async (name) => {
      const file = path.join(PARTIALS_DIR, name)
      return [name.slice(0, -4), { file, text: await readFile(file, 'utf8'), firstLine: 1 }] as const
    }),
  )
  return Object.fromEntries(entries)
}
