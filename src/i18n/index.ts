/**
 * The words diapo says to the person at the terminal, in their language.
 *
 * One catalogue per language (`en.ts`, `fr.ts`), keyed by a dotted name (`media.notFound`). A message is
 * a string, or a function of named parameters when it has some; `fr.ts` is typed by `en.ts`, so a key
 * missing or with other parameters in one language is a type error. Code never builds a sentence itself:
 * it calls `t('media.notFound', { path })`.
 *
 * The language is the system's (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders them): French
 * when it starts with `fr`, English otherwise; `--lang` overrides it (`setLang`). This is the language of
 * the tool, not of a deck: what a deck shows follows the deck's own `lang` (see `runtime/i18n.ts`).
 */
import { en, type Messages } from './en/index.js'
import { fr } from './fr/index.js'

export type Lang = 'en' | 'fr'
export type MessageKey = keyof Messages
/** The parameters a message takes: none, or one object. */
export type MessageParams<K extends MessageKey> = Messages[K] extends (params: infer P) => string ? [params: P] : []

export const LANGS: readonly Lang[] = ['en', 'fr']

/** The language a system asks for through its locale variables; English when none says French. */
export function detectLang(env: NodeJS.ProcessEnv = process.env): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name]
    if (value) return parseLang(value) ?? 'en'
  }
  return 'en'
}

/** `fr`, `fr_FR.UTF-8`, `fr-CA` → `fr`; `en…`, `C`, `POSIX` → `en`; anything else → undefined. */
export function parseLang(value: string): Lang | undefined {
  const base = value
    .trim()
    .toLowerCase()
    .split(/[_.@-]/)[0]
  if (base === 'fr') return 'fr'
  if (base === 'en' || base === 'c' || base === 'posix') return 'en'
  return undefined
}

/** The language messages are in now: the one set last, else the system's. */
export function lang(): Lang {
  return (current ??= detectLang())
}

export function setLang(value: Lang | undefined): void {
  current = value
}

/** The message `key` in the current language, its parameters filled in. */
export function t<K extends MessageKey>(key: K, ...params: MessageParams<K>): string {
  const message = CATALOGUES[lang()][key] as string | ((params: unknown) => string)
  return typeof message === 'function' ? message(params[0]) : message
}

// --- internal ---

const CATALOGUES: Record<Lang, Messages> = { en, fr }

let current: Lang | undefined
