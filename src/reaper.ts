import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'

let reaper: ChildProcess | undefined

/**
 * Removes `dir` once diapo has ended, however it ended, SIGKILL included (which runs no 'exit'
 * listener). A small detached shell reads the folders on its standard input; when diapo's end closes
 * that pipe, it waits a second (for a browser that goes with diapo to let go of its profile) and removes
 * them. Folders diapo removed itself are simply gone by then. Not on Windows (no SIGKILL there).
 */
export function removeWhenDiapoEnds(dir: string): void {
  if (process.platform === 'win32' || dir.includes('\n')) return
  if (!reaper) {
    reaper = spawn('sh', ['-c', 'while IFS= read -r d; do set -- "$@" "$d"; done; sleep 1; rm -rf -- "$@"', 'sh'], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
    })
    reaper.on('error', () => undefined)
    reaper.stdin!.on('error', () => undefined)
    // Neither the shell nor its pipe keeps diapo running.
    reaper.unref()
    ;(reaper.stdin as unknown as { unref?: () => void }).unref?.()
  }
  reaper.stdin!.write(`${dir}\n`)
}

/**
 * `mkdtemp`, with the folder handed to `removeWhenDiapoEnds` before it exists: a SIGKILL can come
 * between any two instructions, so a folder made first and registered after could be left behind.
 */
export function makeTempDirReaped(prefix: string): string {
  for (;;) {
    const dir = `${prefix}${randomBytes(6).toString('base64url')}`
    removeWhenDiapoEnds(dir)
    try {
      mkdirSync(dir, { mode: 0o700 })
      return dir
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
  }
}
