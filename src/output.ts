import { rmSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'

/**
 * An output folder written atomically enough for our users: everything is written into a staging
 * folder beside `out`, and only when the whole build succeeded does each entry replace its old
 * version in `out`. A failed build leaves the previous output untouched; entries the build does not
 * produce (another association's folder in dist/) are kept.
 */
export interface StagedOutput {
  /** The staging folder to write into. */
  dir: string
  /** Moves every entry of the staging folder into `out`, replacing older versions. */
  commit(): Promise<void>
  /** Removes the staging folder (always call it, in `finally`). */
  discard(): Promise<void>
}

export async function stageOutput(out: string): Promise<StagedOutput> {
  const parent = path.dirname(path.resolve(out))
  await mkdir(parent, { recursive: true })
  const dir = await mkdtemp(path.join(parent, '.diapo-tmp-'))
  return {
    dir,
    async commit() {
      await mkdir(out, { recursive: true })
      const trash = await mkdtemp(path.join(parent, '.diapo-tmp-old-'))
      try {
        for (const entry of await readdir(dir)) {
          const target = path.join(out, entry)
          await rename(target, path.join(trash, entry)).catch((err: NodeJS.ErrnoException) => {
            if (err.code !== 'ENOENT') throw err
          })
          await rename(path.join(dir, entry), target)
        }
      } finally {
        await rm(trash, { recursive: true, force: true })
      }
    },
    async discard() {
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/**
 * Runs `write` on a staging folder for `out`, then puts what it wrote in place; the staging folder is
 * removed however it ends, Ctrl-C included (Puppeteer's handler exits the process: hence a
 * synchronous 'exit' listener). A `write` that throws leaves `out` untouched.
 */
export async function writeStaged<T>(out: string, write: (dir: string) => Promise<T>): Promise<T> {
  const staged = await stageOutput(out)
  const removeOnExit = (): void => rmSync(staged.dir, { recursive: true, force: true })
  process.once('exit', removeOnExit)
  try {
    const result = await write(staged.dir)
    await staged.commit()
    return result
  } finally {
    process.off('exit', removeOnExit)
    await staged.discard()
  }
}
