import { rmSync } from 'node:fs'
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'

import { DeckError, displayPath } from './errors.js'
import { t } from './i18n/index.js'
import { makeTempDirReaped } from './reaper.js'

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
  await ensureDir(parent).catch((err: unknown) => {
    throw outputError(err, out)
  })
  // Synchronously, reaped after a SIGKILL: the caller registers its removal before an interrupt can come (see `writeStaged`).
  let dir: string
  try {
    dir = makeTempDirReaped(path.join(parent, '.diapo-tmp-'))
  } catch (err) {
    throw outputError(err, out)
  }
  return {
    dir,
    async commit() {
      await mkdir(out, { recursive: true })
      const trash = makeTempDirReaped(path.join(parent, '.diapo-tmp-old-'))
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
  // A write still under way may refill the folder while it is removed: the reaper finishes the job.
  const removeOnExit = (): void => {
    try {
      rmSync(staged.dir, { recursive: true, force: true })
    } catch {
      // removed by removeWhenDiapoEnds
    }
  }
  process.once('exit', removeOnExit)
  try {
    const result = await write(staged.dir)
    await staged.commit()
    return result
  } catch (err) {
    throw outputError(err, out)
  } finally {
    process.off('exit', removeOnExit)
    await staged.discard()
  }
}

// --- internal ---

/** What the file system says, in a volunteer's words (read when said: the language is set after import). */
const FS_PROBLEMS: Record<string, { message: () => string; hint: () => string }> = {
  ENOSPC: { message: () => t('output.diskFull'), hint: () => t('output.freeSpaceHint') },
  EDQUOT: { message: () => t('output.quota'), hint: () => t('output.freeSpaceHint') },
  EACCES: { message: () => t('output.noPermission'), hint: () => t('output.ownFolderHint') },
  EPERM: { message: () => t('output.noPermission'), hint: () => t('output.ownFolderHint') },
  EROFS: { message: () => t('output.readOnly'), hint: () => t('output.readOnlyHint') },
  ENOTDIR: { message: () => t('output.fileInTheWay'), hint: () => t('output.fileInTheWayHint') },
  ENOENT: { message: () => t('output.cannotCreate'), hint: () => t('output.ownFolderHint') },
  EIO: { message: () => t('output.ioError'), hint: () => t('output.ioErrorHint') },
}

/** An error of the file system while writing `out` becomes a `DeckError`; anything else is kept. */
function outputError(err: unknown, out: string): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code
  const problem = code ? FS_PROBLEMS[code] : undefined
  if (!problem || err instanceof DeckError) return err
  const at = (err as { dest?: string }).dest ?? (err as NodeJS.ErrnoException).path ?? out
  return new DeckError(t('output.cannotWrite', { out: displayPath(out), problem: problem.message(), at: displayPath(at) }), 'E_OUTPUT', {
    hint: t('output.kept', { hint: problem.hint() }),
    cause: err,
  })
}

/**
 * `mkdir -p`, one level at a time: Node's recursive mkdir never returns under some folders (/proc).
 */
async function ensureDir(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined)
  if (info?.isDirectory()) return
  if (info) throw Object.assign(new Error(`not a folder: ${dir}`), { code: 'ENOTDIR', path: dir })
  const parent = path.dirname(dir)
  if (parent !== dir) await ensureDir(parent)
  await mkdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err
  })
}
