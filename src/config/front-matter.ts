import { DeckError } from '../errors.js'
import { t } from '../i18n/index.js'
import { isAspect, unknownAspect } from '../render/frame.js'

/** Keys of a file's front matter that describe the deck as a whole (taken from the first file). */
const DECK_KEYS_HINT = 'title, author, date, lang, theme, separator, verticalSeparator'

/**
 * A group with `+`, `*` or `{n,}` inside that is itself repeated (`(a+)+`, `(\s*-+\s*)*`): the classic
 * expression whose matching time explodes on a line that almost matches.
 */
const RE_NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\d*\})/
const RE_WEB_ADDRESS = /^https?:\/\/\S+$/i

/** What is wrong with a value, in the words shown to the writer; `undefined` when nothing is. */
type Problem = { message: string; hint?: string } | undefined

/**
 * The front matter of a slide file, as the writer gives it: every key optional, any other key kept for
 * templates (`{{deck.outils}}`). The one place where its keys are checked, each by its rule, in this
 * order; `validateFrontMatter` reports the first problem at its key's line.
 *
 * Not a zod schema, unlike profiles: every rule here is a custom check, and loading zod (~100 ms) on every
 * plain build made it 20 % slower; profiles load it only with `--asso`.
 */
export const FRONT_MATTER_RULES: Record<string, (value: unknown, key: string) => Problem> = {
  title: textProblem,
  author: textProblem,
  lang: textProblem,
  theme: textProblem,
  separator: separatorProblem,
  verticalSeparator: separatorProblem,
  notesSeparator: separatorProblem,
  aspect: (v) => (v === null || isAspect(v) ? undefined : unknownAspect(v)),
  handoutUrl: handoutUrlProblem,
  revealOptions: (v) =>
    v === null || (typeof v === 'object' && !Array.isArray(v)) ? undefined : { message: t('frontMatter.revealOptions'), hint: t('frontMatter.revealOptionsHint') },
  scripts: fileListProblem,
  css: fileListProblem,
}

/**
 * Checks a file's front matter against `FRONT_MATTER_RULES`: the first problem is a `DeckError` at its
 * key's line. `lineOf` gives the line of a top-level key.
 */
export function validateFrontMatter(data: Record<string, unknown>, file: string, lineOf: (key: string) => number): void {
  for (const [key, rule] of Object.entries(FRONT_MATTER_RULES)) {
    const problem = data[key] === undefined ? undefined : rule(data[key], key)
    if (problem) throw new DeckError(problem.message, 'E_FRONTMATTER', { loc: { file, line: lineOf(key) }, ...(problem.hint ? { hint: problem.hint } : {}) })
  }
}

// --- internal ---

function textProblem(value: unknown, key: string): Problem {
  if (typeof value === 'string') return undefined
  return { message: t('frontMatter.notText', { key, got: describe(value) }), hint: t('frontMatter.knownKeys', { keys: DECK_KEYS_HINT }) }
}

function separatorProblem(value: unknown, key: string): Problem {
  if (value === null) return undefined
  if (typeof value !== 'string') return { message: t('frontMatter.regexNotText', { key }) }
  try {
    new RegExp(value, 'gm')
  } catch {
    return { message: t('frontMatter.regexInvalid', { key, value }), hint: t('frontMatter.regexInvalidHint', { key }) }
  }
  if (!RE_NESTED_QUANTIFIER.test(value)) return undefined
  return { message: t('frontMatter.regexNested', { key }), hint: t('frontMatter.regexNestedHint', { key }) }
}

function handoutUrlProblem(value: unknown): Problem {
  if (value === null || value === '' || (typeof value === 'string' && RE_WEB_ADDRESS.test(value.trim()))) return undefined
  return { message: t('frontMatter.handoutUrl', { value: JSON.stringify(value) }), hint: t('frontMatter.handoutUrlHint') }
}

function fileListProblem(value: unknown, key: string): Problem {
  if (value === null || typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))) return undefined
  return { message: t('frontMatter.fileList', { key }) }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return t('value.list')
  if (value === null) return t('value.empty')
  return t('value.ofType', { type: typeof value })
}
