import path from 'node:path'

import { compileDeck, type CompileOptions } from '../compile.js'
import { stageOutput } from '../output.js'
import { writeDeck } from '../write.js'

export interface BuildOptions extends CompileOptions {
  /** Output folder (default `dist/`). */
  out: string
}

export interface BuildResult {
  outDir: string
  indexFile: string
  slideCount: number
}

/**
 * `diapo build`: compiles the deck and writes it into a staging folder, then swaps it into `out`.
 * Any error leaves the previous output untouched.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const compiled = await compileDeck(options)
  const outDir = path.resolve(options.cwd, options.out)
  const staged = await stageOutput(outDir)
  try {
    await writeDeck(compiled, staged.dir)
    await staged.commit()
  } finally {
    await staged.discard()
  }
  return { outDir, indexFile: path.join(outDir, 'index.html'), slideCount: compiled.slideCount }
}
