import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'

import { DeckError } from '../errors.js'
import { t } from '../i18n/index.js'
import { fileExists, loadText } from '../load-text.js'
import { type LoadedProfile, resolveProfile } from './defaults.js'
import { ProfileSchema, RESERVED_SLUGS, slugProblem } from './schema.js'
import { type KeyPath, parseYamlWithSchema } from './validate.js'

/** Where `diapo new` writes profiles and `npm run build` finds them. */
export const PROFILES_DIR = 'associations'

/**
 * Reads and checks an association's profile. Every mistake (unknown key, wrong type, invalid colour or
 * date, missing logo or slide file) is a `DeckError` at its line in the profile.
 */
export async function loadProfile(file: string, cwd: string): Promise<LoadedProfile> {
  const absolute = path.resolve(cwd, file)
  const text = await loadText(absolute, 'E_CONFIG').catch((cause: unknown) => {
    if (cause instanceof DeckError) throw cause
    throw new DeckError(t('profile.notFound', { file }), 'E_CONFIG', {
      hint: t('profile.notFoundHint', { example: `${PROFILES_DIR}/amis-du-velo.yml` }),
      cause,
    })
  })
  const source = parseYamlWithSchema(text, absolute, ProfileSchema, { code: 'E_CONFIG', hint: t('profile.hint') })
  const profile = resolveProfile(source.data, absolute)
  const fail = (message: string, at: KeyPath, hint: string): DeckError =>
    new DeckError(message, 'E_CONFIG', { loc: { file: absolute, line: source.lineOf(at) }, hint })

  // Without `slug:`, the file's name is the output folder's: the same rule as for a written slug.
  const fileSlug = profile.slug ?? ''
  if (!source.data.slug && slugProblem(fileSlug)) {
    const name = path.basename(absolute)
    if (RESERVED_SLUGS.includes(fileSlug)) {
      throw fail(t('profile.fileNameReserved', { file: name, slug: fileSlug }), [], t('profile.fileNameReservedHint', { slug: fileSlug }))
    }
    throw fail(t('profile.fileNameInvalid', { file: name }), [], t('profile.fileNameHint'))
  }
  if (profile.logo && !(await fileExists(profile.logo))) {
    throw fail(t('profile.logoNotFound', { file: profile.logo }), ['logo'], t('profile.logoNotFoundHint'))
  }
  if (profile.theme?.endsWith('.css')) profile.theme = path.resolve(path.dirname(absolute), profile.theme)
  for (const [i, extra] of profile.extraSlides.entries()) {
    if (!(await fileExists(extra.file))) {
      throw fail(t('profile.slidesNotFound', { file: extra.file }), ['extraSlides', i, 'file'], t('profile.slidesNotFoundHint'))
    }
  }
  return { profile, source }
}

/**
 * The profile files named on the command line: a `.yml` file, or a folder whose `.yml` files are all
 * taken (in name order). Paths stay as given, for messages.
 */
export async function findProfiles(args: string[], cwd: string): Promise<string[]> {
  const files: string[] = []
  for (const arg of args) {
    const info = await stat(path.resolve(cwd, arg)).catch(() => undefined)
    if (!info?.isDirectory()) {
      files.push(arg)
      continue
    }
    const inside = (await readdir(path.resolve(cwd, arg))).filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.')).sort()
    if (inside.length === 0) {
      throw new DeckError(t('profile.noneInDir', { dir: arg }), 'E_CONFIG', { hint: t('profile.noneInDirHint') })
    }
    files.push(...inside.map((n) => path.join(arg, n)))
  }
  return [...new Set(files)]
}
