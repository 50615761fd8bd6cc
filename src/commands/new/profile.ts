import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { PROFILES_DIR } from '../../config/load.js'
import { MAX_SLUG_LENGTH, RESERVED_SLUGS, slugProblem } from '../../config/schema.js'
import { DeckError, displayPath } from '../../errors.js'
import { t } from '../../i18n/index.js'
import { PACKAGE_ROOT } from '../../paths.js'

/** The commented profile `diapo new` starts from, in French, for volunteers. */
export const PROFILE_TEMPLATE = path.join(PACKAGE_ROOT, 'templates', 'profile.yml')

export interface NewProfileOptions {
  cwd: string
  slug: string
  /** Folder of the profiles (default `associations/`). */
  dir?: string
}

/**
 * `diapo new <slug>`: writes `associations/<slug>.yml` from the commented template. Never overwrites
 * a file: an existing profile is an error, and the file is left as it was.
 */
export async function createProfile(options: NewProfileOptions): Promise<string> {
  const { slug } = options
  if (slugProblem(slug)) {
    throw new DeckError(t('new.slugInvalid', { slug }), 'E_USAGE', {
      hint: t('new.slugInvalidHint', { max: MAX_SLUG_LENGTH, reserved: RESERVED_SLUGS.join(', ') }),
    })
  }
  const dir = path.resolve(options.cwd, options.dir ?? PROFILES_DIR)
  const file = path.join(dir, `${slug}.yml`)
  const template = await readFile(PROFILE_TEMPLATE, 'utf8')
  const text = template.replaceAll('{{slug}}', slug).replaceAll('{{name}}', nameFromSlug(slug))
  await mkdir(dir, { recursive: true })
  // 'wx': fails if the file exists, atomically (no check-then-write race).
  await writeFile(file, text, { flag: 'wx' }).catch((cause: NodeJS.ErrnoException) => {
    if (cause.code !== 'EEXIST') throw cause
    throw new DeckError(t('new.exists', { file: displayPath(file, options.cwd) }), 'E_USAGE', { hint: t('new.existsHint'), cause })
  })
  return file
}

/** `amis-du-velo` → `Amis du velo`: a name to start from, that the volunteer then corrects. */
export function nameFromSlug(slug: string): string {
  const words = slug.split('-').join(' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}
