import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

import type { CompiledDeck } from './compile.js'
import { DeckError } from './errors.js'
import { t } from './i18n/index.js'
import { PACKAGE_ROOT } from './paths.js'
import { inlineDeck, readDeckFiles } from './single-file.js'

/** The deck's runtime, bundled once by Vite into the package (`npm run compile`). */
export const RUNTIME_DIR = path.join(PACKAGE_ROOT, 'assets', 'runtime')

/**
 * Writes a compiled deck into `dir`: `index.html`, `assets/` (runtime, theme) and `media/` (the deck's
 * own images), and the same deck as one self-contained file (`compiled.singleFile`, unless
 * `singleFile: false`). Everything the page loads is in `dir`.
 */
export async function writeDeck(compiled: CompiledDeck, dir: string, options: { singleFile?: boolean } = {}): Promise<void> {
  const assetsDir = path.join(dir, 'assets')
  await mkdir(assetsDir, { recursive: true })
  const runtime = await readdir(RUNTIME_DIR).catch((cause: unknown) => {
    throw new DeckError(t('write.runtimeMissing'), 'E_DECK', {
      hint: t('write.runtimeMissingHint'),
      cause,
    })
  })
  await Promise.all([
    writeFile(path.join(dir, 'index.html'), compiled.html),
    ...runtime.map((file) => copyFile(path.join(RUNTIME_DIR, file), path.join(assetsDir, file))),
    copyFile(compiled.themeFile, path.join(assetsDir, 'theme.css')),
    ...compiled.assets.map(async (asset) => {
      const target = path.join(dir, ...asset.target.split('/').map(decodeURIComponent))
      await mkdir(path.dirname(target), { recursive: true })
      await copyFile(asset.source, target)
    }),
  ])
  if (options.singleFile !== false)
    await writeFile(
      path.join(dir, compiled.singleFile),
      inlineDeck(compiled.html, await readDeckFiles(dir, compiled), { handoutUrl: compiled.resolved.handoutUrl }),
    )
}
