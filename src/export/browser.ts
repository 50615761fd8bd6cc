import { existsSync, rmSync } from 'node:fs'
import { access, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { spawn } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'

import type { Browser, LaunchOptions } from 'puppeteer-core'

import { DeckError } from '../errors.js'

export interface BrowserOptions {
  /** An explicit browser executable (e.g. `--browser-path`); wins over everything else. */
  executablePath?: string
  /** Time-out for launching and for each page operation, in ms (default 30 s). */
  timeout?: number
}

export const DEFAULT_TIMEOUT = 30_000

/**
 * Flags for a headless browser that must not reach the network by itself: without them Chromium
 * looks up Google's hosts at start-up and hangs on machines without Internet.
 */
export const BROWSER_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--mute-audio',
  '--hide-scrollbars',
  '--font-render-hinting=none',
]

/**
 * Finds an installed Chromium, Chrome or Edge: `options.executablePath`, then `CHROME_PATH` or
 * `PUPPETEER_EXECUTABLE_PATH`, then the usual install paths on Linux, macOS and Windows.
 * None found: `E_BROWSER_NOT_FOUND`, listing what was tried and how to install one.
 */
export async function resolveBrowserPath(options: BrowserOptions = {}, env = process.env): Promise<string> {
  const explicit = [options.executablePath, env.CHROME_PATH, env.PUPPETEER_EXECUTABLE_PATH].filter(
    (p): p is string => !!p,
  )
  // An explicit path that does not exist is a mistake to report, not a reason to pick another browser.
  if (explicit.length > 0) {
    const chosen = explicit[0]!
    if (await isExecutable(chosen)) return chosen
    throw browserNotFound([chosen], `the browser given by ${sourceOf(chosen, options, env)} does not exist`)
  }
  const candidates = knownBrowserPaths(process.platform, env)
  for (const candidate of candidates) {
    if (await isExecutable(candidate)) return candidate
  }
  throw browserNotFound(candidates, 'no Chromium, Chrome or Edge found')
}

/**
 * Launches a headless browser with a fresh profile in a temporary folder, removed on close.
 * The caller must close it (`closeBrowser`) in a `finally`.
 */
export async function launchBrowser(options: BrowserOptions = {}): Promise<Browser> {
  const executablePath = await resolveBrowserPath(options)
  const { default: puppeteer } = await import('puppeteer-core')
  // One temporary folder for the profile and for Chromium's own temporary files (its TMPDIR), so that
  // removing it leaves nothing behind, even when the browser was killed.
  const root = await mkdtemp(path.join(os.tmpdir(), 'diapo-chrome-'))
  const userDataDir = path.join(root, 'profile')
  await mkdir(path.join(root, 'tmp'))
  const args = [...BROWSER_ARGS]
  // Chromium's sandbox cannot start as root (containers, CI): only then is it turned off.
  if (isRoot() || process.env.DIAPO_NO_SANDBOX) args.push('--no-sandbox')
  const launchOptions: LaunchOptions = {
    executablePath,
    headless: isHeadlessShell(executablePath) ? 'shell' : true,
    userDataDir,
    env: { ...process.env, TMPDIR: path.join(root, 'tmp') },
    args,
    timeout: options.timeout ?? DEFAULT_TIMEOUT,
    protocolTimeout: (options.timeout ?? DEFAULT_TIMEOUT) * 4,
    handleSIGINT: true,
    handleSIGTERM: true,
    handleSIGHUP: true,
  }
  // The profile folder goes with the browser, however it ends: closed, crashed, or killed by
  // Puppeteer's Ctrl-C handler, even during the launch (it calls process.exit: hence a synchronous
  // 'exit' listener, registered before the browser starts).
  const removeOnExit = (): void => removeAtExit(root)
  process.once('exit', removeOnExit)
  let browser: Browser
  try {
    browser = await puppeteer.launch(launchOptions)
  } catch (cause) {
    process.off('exit', removeOnExit)
    await removeProfile(root)
    throw new DeckError(`could not start the browser ${executablePath}`, 'E_BROWSER_NOT_FOUND', {
      hint: 'check that it runs (try it with --version), or point CHROME_PATH to another Chromium, Chrome or Edge',
      cause,
    })
  }
  PROFILES.set(browser, root)
  browser.once('disconnected', () => {
    process.off('exit', removeOnExit)
    void removeProfile(root)
  })
  return browser
}

/**
 * Closes a browser, never throwing: for `finally` blocks. Its temporary profile folder is removed.
 * A browser we started is killed outright rather than asked to quit: everything it printed is already
 * in Node's hands, its profile is thrown away, and a graceful shutdown costs a second on a busy
 * machine (and may never end when a renderer is stuck in a script).
 */
export async function closeBrowser(browser: Browser | undefined): Promise<void> {
  if (!browser) return
  const proc = browser.process()
  if (proc && proc.exitCode === null && proc.signalCode === null) {
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
    killProcessTree(proc)
    let timer: NodeJS.Timeout | undefined
    await Promise.race([exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT)))])
    clearTimeout(timer)
  }
  await browser.close().catch(() => undefined)
  const profile = PROFILES.get(browser)
  if (profile) await removeProfile(profile)
}

/**
 * Runs `fn` with a browser launched at once, and closes it afterwards, on success as on error
 * (Ctrl-C kills it too: see `launchBrowser`). `fn` gets the launch as a promise, so it can do other
 * work (write the HTML deck) while the browser starts, and `await` it only when it needs it; a launch
 * that fails (no browser installed) rejects there with `E_BROWSER_NOT_FOUND`.
 *
 * @example
 * await withBrowser({ timeout: 30_000 }, async (browser) => {
 *   for (const dir of stagedDecks) await exportPdfs({ browser, dir, compiled })
 * })
 */
export async function withBrowser<T>(options: BrowserOptions, fn: (browser: Promise<Browser>) => Promise<T>): Promise<T> {
  const launching = launchBrowser(options)
  // Nobody may await the launch (fn failed first): its rejection must not go unhandled.
  launching.catch(() => undefined)
  try {
    return await fn(launching)
  } finally {
    await closeBrowser(await launching.catch(() => undefined))
  }
}

/**
 * Whether `executablePath` is Chromium's headless shell (Debian's `chromium-headless-shell`, or
 * Puppeteer's `chrome-headless-shell`): the browser engine without the browser around it, which starts
 * in a third of the time and prints faster. It only runs headless, in its own (`shell`) mode.
 */
export function isHeadlessShell(executablePath: string): boolean {
  return /headless[-_]shell(\.exe)?$/i.test(path.basename(executablePath))
}

/**
 * Install paths of Chromium-based browsers, most likely first. The headless shell comes first where it
 * is installed: diapo only ever runs its browser headless, and the shell does that fastest.
 */
export function knownBrowserPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      'Brave Browser.app/Contents/MacOS/Brave Browser',
      'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
    ]
    return apps.flatMap((app) => [`/Applications/${app}`, path.join(env.HOME ?? '', 'Applications', app)])
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r)
    const apps = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
      'Chromium\\Application\\chrome.exe',
      'BraveSoftware\\Brave-Browser\\Application\\brave.exe',
    ]
    return roots.flatMap((root) => apps.map((app) => path.win32.join(root, app)))
  }
  return [
    '/usr/bin/chromium-headless-shell',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/usr/bin/brave-browser',
    '/snap/bin/chromium',
    '/var/lib/flatpak/exports/bin/org.chromium.Chromium',
  ]
}

// --- internal ---

/**
 * Removes the browser's folder while the process exits (synchronously: nothing async runs then).
 * Chromium's crash handler lives in its own session and may still write there for a moment after the
 * browser was killed; if the folder cannot be removed yet, a detached `rm` retries once it is gone.
 */
function removeAtExit(root: string): void {
  try {
    rmSync(root, { recursive: true, force: true, maxRetries: 5 })
  } catch {
    // fall through to the detached retry
  }
  if (process.platform === 'win32' || !existsSync(root)) return
  spawn('sh', ['-c', 'sleep 1; rm -rf -- "$1"', 'sh', root], { detached: true, stdio: 'ignore' }).unref()
}

async function isExecutable(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  )
}

const CLOSE_TIMEOUT = 5_000
const PROFILES = new WeakMap<Browser, string>()

async function removeProfile(dir: string): Promise<void> {
  // Chromium may still be writing into its profile for a moment after closing.
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined)
}

function killProcessTree(proc: ReturnType<Browser['process']>): void {
  if (!proc?.pid) return
  try {
    // Puppeteer starts the browser detached (its own process group) on POSIX: kill the whole group.
    if (process.platform === 'win32') proc.kill('SIGKILL')
    else process.kill(-proc.pid, 'SIGKILL')
  } catch {
    proc.kill('SIGKILL')
  }
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0
}

function sourceOf(chosen: string, options: BrowserOptions, env: NodeJS.ProcessEnv): string {
  if (chosen === options.executablePath) return '--browser-path'
  return chosen === env.CHROME_PATH ? 'CHROME_PATH' : 'PUPPETEER_EXECUTABLE_PATH'
}

function browserNotFound(tried: string[], message: string): DeckError {
  const install =
    process.platform === 'linux'
      ? 'install Chromium (Debian/Ubuntu: "sudo apt-get install chromium", or "chromium-headless-shell", the fastest for PDFs) or Google Chrome'
      : 'install Google Chrome, Chromium or Microsoft Edge'
  return new DeckError(message, 'E_BROWSER_NOT_FOUND', {
    hint: `${install}, or set CHROME_PATH to its executable. Tried: ${tried.join(', ')}`,
  })
}
