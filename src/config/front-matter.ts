import { z } from 'zod/mini'

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
 * templates (`{{deck.outils}}`). The one place where its keys are checked, each by its rule;
 * `validateFrontMatter` reports the first problem at its key's line.
 *
 * `zod/mini`, as profiles, bundled into lib/diapo.js (see vite.cli.config.ts): loading `zod` from
 * node_modules made every plain build ~20 % slower; bundled, it costs ~0-2 %.
 */
export const FrontMatterSchema = z.looseObject({
  title: checked('title', textProblem),
  author: checked('author', textProblem),
  lang: checked('lang', textProblem),
  theme: checked('theme', textProblem),
  separator: checked('separator', separatorProblem),
  verticalSeparator: checked('verticalSeparator', separatorProblem),
  notesSeparator: checked('notesSeparator', separatorProblem),
  aspect: checked('aspect', (v) => (v === null || isAspect(v) ? undefined : unknownAspect(v))),
  handoutUrl: checked('handoutUrl', handoutUrlProblem),
  revealOptions: checked('revealOptions', (v) =>
    v === null || (typeof v === 'object' && !Array.isArray(v))
      ? undefined
      : { message: t('frontMatter.revealOptions'), hint: t('frontMatter.revealOptionsHint') },
  ),
  scripts: checked('scripts', fileListProblem),
  css: checked('css', fileListProblem),
})

/**
 * Checks a file's front matter against `FrontMatterSchema`: the first problem is a `DeckError` at its
 * key's line. `lineOf` gives the line of a top-level key.
 */
export function validateFrontMatter(data: Record<string, unknown>, file: string, lineOf: (key: string) => number): void {
  const issue = FrontMatterSchema.safeParse(data).error?.issues[0]
  if (!issue) return
  const hint = (issue as { params?: { hint?: string } }).params?.hint
  throw new DeckError(issue.message, 'E_FRONTMATTER', {
    loc: { file, line: lineOf(String(issue.path[0] ?? '')) },
    ...(hint ? { hint } : {}),
  })
}

// --- internal ---

/** A key checked by `problem` when present: the issue carries its message, and its hint in `params`. */
function checked(key: string, problem: (value: unknown, key: string) => Problem) {
  return z.optional(
    z.unknown().check((ctx) => {
      const found = ctx.value === undefined ? undefined : problem(ctx.value, key)
      if (found) ctx.issues.push({ code: 'custom', message: found.message, params: { hint: found.hint }, input: ctx.value })
    }),
  )
}

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
