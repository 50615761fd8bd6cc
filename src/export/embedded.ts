import { createReadStream, createWriteStream } from 'node:fs'
import { chmod, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'
import { brotliDecompress, createBrotliDecompress } from 'node:zlib'

import { fileExists } from '../load-text.js'

/**
 * The embedded browser: the headless Chromium shipped inside the npm package `@sparticuz/chromium` (an
 * optional dependency, Linux x64 only), brotli-compressed. diapo unpacks it once into a per-user cache
 * folder and prints with it only when no Chromium, Chrome or Edge is installed. Nothing is downloaded:
 * the package's own `executablePath()` is not used, since it unpacks into a shared `/tmp/chromium`
 * that another user of the machine could own.
 */
export const EMBEDDED_PACKAGE = '@sparticuz/chromium'

/** What is known of the embedded browser before anything is unpacked. */
export interface EmbeddedBrowser {
  /** Version of the npm package (its Chromium's major version). */
  version: string
  /** The package's folder of compressed files. */
  binDir: string
  /** Where it is (or will be) unpacked. */
  dir: string
  executablePath: string
  /** Already unpacked by an earlier run. */
  unpacked: boolean
}

/**
 * Whether this machine can run the embedded browser at all: it is a Linux x64 build. Elsewhere an
 * installed browser is the only way.
 */
export function embeddedSupported(platform: NodeJS.Platform = process.platform, arch: string = process.arch): boolean {
  return platform === 'linux' && arch === 'x64'
}

/**
 * The per-user cache folder of diapo: `$XDG_CACHE_HOME/diapo`, else `~/.cache/diapo`
 * (`DIAPO_CACHE_DIR` overrides both).
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DIAPO_CACHE_DIR) return path.resolve(env.DIAPO_CACHE_DIR)
  const base =
    env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(env.HOME || os.homedir(), '.cache')
  return path.join(base, 'diapo')
}

/**
 * The embedded browser, if its package is installed and this machine can run it; `undefined` otherwise
 * (another platform, or `npm install --omit=optional`).
 */
export async function findEmbeddedBrowser(env: NodeJS.ProcessEnv = process.env): Promise<EmbeddedBrowser | undefined> {
  if (!embeddedSupported()) return undefined
  let entry: string
  try {
    entry = createRequire(import.meta.url).resolve(EMBEDDED_PACKAGE)
  } catch {
    return undefined
  }
  // build/cjs/index.cjs → the package's root.
  const root = path.resolve(path.dirname(entry), '..', '..')
  const binDir = path.join(root, 'bin')
  const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string }
  if (!(await fileExists(path.join(binDir, 'chromium.br')))) return undefined
  const dir = path.join(cacheDir(env), `chromium-${version}`)
  const executablePath = path.join(dir, 'chromium')
  return { version, binDir, dir, executablePath, unpacked: await fileExists(path.join(dir, READY)) }
}

/**
 * Unpacks the embedded browser into its cache folder, once: into a temporary folder beside it, then
 * renamed into place, so that two builds started together, or one stopped half-way, never leave a
 * half-written browser. Returns the executable's path.
 */
export async function unpackEmbeddedBrowser(browser: EmbeddedBrowser): Promise<string> {
  if (browser.unpacked || (await fileExists(path.join(browser.dir, READY)))) return browser.executablePath
  const parent = path.dirname(browser.dir)
  await mkdir(parent, { recursive: true, mode: 0o700 })
  const staging = await mkdtemp(path.join(parent, '.unpacking-'))
  try {
    await Promise.all([
      pipeline(
        createReadStream(path.join(browser.binDir, 'chromium.br')),
        createBrotliDecompress(),
        createWriteStream(path.join(staging, 'chromium'), { mode: 0o755 }),
      ),
      // The libraries Chromium needs (NSS, NSPR, expat) where the system may lack them, and a font.
      unpackTar(path.join(browser.binDir, 'al2023.tar.br'), staging),
      unpackTar(path.join(browser.binDir, 'fonts.tar.br'), staging),
    ])
    await chmod(path.join(staging, 'chromium'), 0o755)
    // System fonts first; the package's Open Sans where the system has none.
    await writeFile(
      path.join(staging, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n` +
        `  <dir>${path.join(browser.dir, 'fonts')}</dir>\n  <cachedir>${path.join(browser.dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    )
    await writeFile(path.join(staging, READY), `${browser.version}\n`)
    await rename(staging, browser.dir).catch(async (err: NodeJS.ErrnoException) => {
      // Another diapo unpacked it meanwhile: use theirs.
      if (!(await fileExists(path.join(browser.dir, READY)))) throw err
    })
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
  return browser.executablePath
}

/** Environment the embedded browser runs with: its own libraries and fonts. */
export function embeddedBrowserEnv(executablePath: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const dir = path.dirname(executablePath)
  const lib = path.join(dir, 'lib')
  return {
    ...env,
    LD_LIBRARY_PATH: env.LD_LIBRARY_PATH ? `${lib}:${env.LD_LIBRARY_PATH}` : lib,
    FONTCONFIG_FILE: path.join(dir, 'fonts.conf'),
  }
}

/** Whether `executablePath` is an embedded browser unpacked by diapo (it needs `embeddedBrowserEnv`). */
export async function isEmbeddedBrowser(executablePath: string): Promise<boolean> {
  return path.basename(executablePath) === 'chromium' && (await fileExists(path.join(path.dirname(executablePath), READY)))
}

// --- internal ---

/** Written last into an unpacked browser's folder: its presence means the unpacking finished. */
const READY = '.diapo-unpacked'

/**
 * Extracts a brotli-compressed tar of regular files and folders (what the package ships) into `dir`.
 * Small files: read whole. Entries that would leave `dir` are refused.
 */
async function unpackTar(file: string, dir: string): Promise<void> {
  const tar = await promisify(brotliDecompress)(await readFile(file))
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512)
    if (header.every((b) => b === 0)) break
    const field = (start: number, length: number): string => header.toString('utf8', start, start + length).replace(/\0.*$/s, '')
    const prefix = field(345, 155)
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100)
    const size = Number.parseInt(field(124, 12).trim() || '0', 8)
    const type = field(156, 1) || '0'
    const mode = Number.parseInt(field(100, 8).trim() || '644', 8) & 0o755
    const target = path.resolve(dir, name)
    if (target !== dir && !target.startsWith(dir + path.sep)) throw new Error(`${file}: entry outside the folder: ${name}`)
    const body = tar.subarray(offset + 512, offset + 512 + size)
    if (type === '5') await mkdir(target, { recursive: true })
    else if (type === '0') {
      await mkdir(path.dirname(target), { recursive: true })
      await writeFile(target, body, { mode })
    }
    offset += 512 + Math.ceil(size / 512) * 512
  }
}
