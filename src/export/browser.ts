import { constants, existsSync, mkdirSync, rmSync } from 'node:fs'
import { access, rm } from 'node:fs/promises'
import { spawn } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'

import type { Browser, LaunchOptions } from 'puppeteer-core'

import { DeckError } from '../errors.js'
import { makeTempDirReaped } from '../reaper.js'
import { embeddedBrowserEnv, type EmbeddedBrowser, embeddedSupported, findEmbeddedBrowser, isEmbeddedBrowser, unpackEmbeddedBrowser } from './embedded.js'

export interface BrowserOptions {
  /** An explicit browser executable (e.g. `--browser-path`); wins over everything else. */
  executablePath?: string
  /** Time-out for launching and for each page operation, in ms (default 30 s). */
  timeout?: number
  /** Told which browser was chosen, before it starts (and before the embedded one is unpacked). */
  onChoice?: (choice: BrowserChoice) => void
}

/** Where the browser diapo prints with comes from. */
export type BrowserSource = '--browser-path' | 'CHROME_PATH' | 'PUPPETEER_EXECUTABLE_PATH' | 'installed' | 'embedded'

/** The browser diapo will print with, and why. */
export interface BrowserChoice {
  executablePath: string
  source: BrowserSource
  /** The embedded browser (source `embedded`): unpacked at launch if it is not yet. */
  embedded?: EmbeddedBrowser
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
 * Chooses the browser: `options.executablePath`, then `CHROME_PATH` or `PUPPETEER_EXECUTABLE_PATH`, then
 * the usual install paths on Linux, macOS and Windows (the headless shell first), then the embedded
 * Chromium (`@sparticuz/chromium`, Linux x64). Nothing is unpacked here. None found:
 * `E_BROWSER_NOT_FOUND`, listing what was tried and saying what to install on this system.
 */
export async function resolveBrowser(options: BrowserOptions = {}, env = process.env): Promise<BrowserChoice> {
  const explicit = (
    [
      ['--browser-path', options.executablePath],
      ['CHROME_PATH', env.CHROME_PATH],
      ['PUPPETEER_EXECUTABLE_PATH', env.PUPPETEER_EXECUTABLE_PATH],
    ] as const
  ).find(([, p]) => !!p)
  // `--browser-path embedded`: the embedded browser even where one is installed (to compare, or to test it).
  if (explicit?.[1] === EMBEDDED) {
    const embedded = await findEmbeddedBrowser(env)
    if (embedded) return { executablePath: embedded.executablePath, source: explicit[0], embedded }
    throw browserNotFound([], `the embedded browser (${EMBEDDED_LABEL}) is not installed`)
  }
  // An explicit path that does not exist is a mistake to report, not a reason to pick another browser.
  if (explicit) {
    const [source, chosen] = explicit as [BrowserSource, string]
    if (await isExecutable(chosen)) return { executablePath: chosen, source }
    throw browserNotFound([chosen], `the browser given by ${source} does not exist`, `check the path ${source} gives, or leave ${source} out to let diapo choose`)
  }
  const candidates = knownBrowserPaths(process.platform, env)
  const installed = await findInstalledBrowsers(env, candidates)
  if (installed[0]) return { executablePath: installed[0], source: 'installed' }
  const embedded = await findEmbeddedBrowser(env)
  if (embedded) return { executablePath: embedded.executablePath, source: 'embedded', embedded }
  throw browserNotFound(candidates, 'no Chromium, Chrome or Edge found')
}

/** The executable of the browser `resolveBrowser` chooses, the embedded one unpacked if need be. */
export async function resolveBrowserPath(options: BrowserOptions = {}, env = process.env): Promise<string> {
  const choice = await resolveBrowser(options, env)
  return choice.embedded ? unpackEmbeddedBrowser(choice.embedded) : choice.executablePath
}

/** Every browser of the usual install paths present on this machine, in the order diapo prefers them. */
export async function findInstalledBrowsers(env = process.env, candidates = knownBrowserPaths(process.platform, env)): Promise<string[]> {
  const found = await Promise.all(candidates.map(async (c) => ((await isExecutable(c)) ? c : undefined)))
  return found.filter((c): c is string => c !== undefined)
}

/** A browser in a few words: `Chromium headless shell (/usr/bin/chromium-headless-shell)`, `embedded Chromium 147 (...)`. */
export function describeBrowser(choice: BrowserChoice): string {
  if (choice.embedded) return `embedded Chromium ${choice.embedded.version.split('.')[0]} (${EMBEDDED_LABEL}, in ${tildify(choice.embedded.dir)})`
  const kind = isHeadlessShell(choice.executablePath) ? 'Chromium headless shell' : browserName(choice.executablePath)
  return `${kind} (${choice.executablePath})`
}

/**
 * Launches a headless browser with a fresh profile in a temporary folder, removed on close.
 * The caller must close it (`closeBrowser`) in a `finally`.
 */
export async function launchBrowser(options: BrowserOptions = {}): Promise<Browser> {
  const choice = await resolveBrowser(options)
  options.onChoice?.(choice)
  const executablePath = choice.embedded ? await unpackEmbeddedBrowser(choice.embedded) : choice.executablePath
  const embedded = !!choice.embedded || (await isEmbeddedBrowser(executablePath))
  const { default: puppeteer } = await import('puppeteer-core')
  // One temporary folder for the profile and for Chromium's own temporary files (its TMPDIR), so that
  // removing it leaves nothing behind, even when the browser was killed.
  // Short names: the full Chromium puts a socket in its TMPDIR, and a socket's path may not pass 107
  // bytes (a long TMPDIR, as macOS's, left little room for 'diapo-chrome-XXXXXX/tmp/').
  // Made synchronously, its removal registered at once: an interrupt cannot fall in between.
  const root = makeTempDirReaped(path.join(os.tmpdir(), 'diapo-'))
  let proc: ReturnType<Browser['process']> = null
  // The profile folder and the browser go with diapo, however it ends: closed, crashed, or stopped by a
  // signal (see `exitOnSignals`: it calls process.exit, hence a synchronous 'exit' listener), even
  // during the launch. SIGKILL runs no listener: then the pipe (below) ends the browser.
  const removeOnExit = (): void => {
    killProcessTree(proc)
    removeAtExit(root)
  }
  process.once('exit', removeOnExit)
  const userDataDir = path.join(root, 'profile')
  mkdirSync(path.join(root, 't'))
  const args = [...BROWSER_ARGS]
  // Chromium's sandbox cannot start as root (containers, CI): only then is it turned off. The embedded
  // browser has no sandbox helper (it was built for serverless machines), so it always runs without:
  // it only opens the deck diapo just built from the user's own files, which reaches nothing outside.
  if (isRoot() || process.env.DIAPO_NO_SANDBOX || embedded) args.push('--no-sandbox')
  const env = { ...process.env, TMPDIR: path.join(root, 't') }
  const launchOptions: LaunchOptions = {
    executablePath,
    // The embedded browser is a headless shell too (its package's own arguments say so).
    headless: isHeadlessShell(executablePath) || embedded ? 'shell' : true,
    userDataDir,
    env: embedded ? embeddedBrowserEnv(executablePath, env) : env,
    args,
    timeout: options.timeout ?? DEFAULT_TIMEOUT,
    protocolTimeout: protocolTimeoutFor(options.timeout),
    // DevTools over a pipe rather than a WebSocket: when diapo dies, even by SIGKILL, the pipe closes and
    // the browser ends with it (over a WebSocket it kept running, ~400 MB, for ever).
    pipe: true,
    // diapo's own handlers (`exitOnSignals`) stop it with one line; Puppeteer's would kill the browser
    // under the running export, which then failed with a false "could not start the browser".
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  }
  let browser: Browser
  try {
    browser = await puppeteer.launch(launchOptions)
    proc = browser.process()
    // Killing the browser (see closeBrowser) resets the DevTools pipe under Puppeteer, which has no
    // listener for that on its reading end: without this one, Node would crash on ECONNRESET.
    for (const stream of proc?.stdio ?? []) (stream as NodeJS.EventEmitter | null)?.on('error', () => undefined)
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
 * Puppeteer's time-out for one DevTools call, in ms: longer than any page diapo gives time to, so that
 * printing a big deck (one `page.pdf()` call of 5,000 slides) fails on diapo's own time-out, which names
 * the slide, never on Puppeteer's "Runtime.callFunctionOn timed out".
 */
export function protocolTimeoutFor(timeout = DEFAULT_TIMEOUT): number {
  return Math.max(timeout * 4, timeout + PROTOCOL_TIMEOUT_MIN)
}

/** The time one PDF page may take to load and print: `timeout` plus 0.1 s a slide (a big deck takes longer). */
export function pageTimeout(timeout = DEFAULT_TIMEOUT, slideCount = 0): number {
  return timeout + PRINT_MS_PER_SLIDE * slideCount
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
  return access(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK).then(
    () => true,
    () => false,
  )
}

const CLOSE_TIMEOUT = 5_000
const PRINT_MS_PER_SLIDE = 100
/**
 * A DevTools call has an hour more than the page time-out given: the browser is launched before the deck's size is known,
 * and a page's time-out (`pageTimeout`: 30 s plus 0.1 s a slide) stays under it up to 35,000 slides.
 */
const PROTOCOL_TIMEOUT_MIN = 3_600_000
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

const EMBEDDED_LABEL = 'npm package @sparticuz/chromium'
/** The value of `--browser-path` (or `CHROME_PATH`) that asks for the embedded browser. */
const EMBEDDED = 'embedded'

function tildify(file: string): string {
  const home = os.homedir()
  return home && file.startsWith(home + path.sep) ? `~${file.slice(home.length)}` : file
}

function browserName(executablePath: string): string {
  const base = path.basename(executablePath).toLowerCase()
  if (base.includes('edge')) return 'Microsoft Edge'
  if (base.includes('brave')) return 'Brave'
  if (base.includes('chrome') && !executablePath.toLowerCase().includes('chromium')) return 'Google Chrome'
  return 'Chromium'
}

function browserNotFound(tried: string[], message: string, first?: string): DeckError {
  const advice = `${installAdvice(process.platform, process.arch)}, or set CHROME_PATH to its executable`
  return new DeckError(message, 'E_BROWSER_NOT_FOUND', {
    hint: `${first ? `${first}; else ${advice.replace(/^./, (c) => c.toLowerCase())}` : advice}. Tried: ${tried.join(', ')}`,
  })
}

/** What to install where no browser can be had, in the words of this system. */
export function installAdvice(platform: NodeJS.Platform, arch: string): string {
  if (platform === 'darwin') return 'install Google Chrome (https://www.google.com/chrome/) or Microsoft Edge, or Chromium with Homebrew: "brew install --cask chromium"'
  if (platform === 'win32') return 'install Google Chrome (https://www.google.com/chrome/) or Microsoft Edge (https://www.microsoft.com/edge)'
  const apt = 'install Chromium (Debian/Ubuntu: "sudo apt-get install chromium-headless-shell", the fastest for PDFs, or "sudo apt-get install chromium"; Fedora: "sudo dnf install chromium") or Google Chrome'
  if (!embeddedSupported(platform, arch)) return `${apt} (diapo's embedded Chromium runs on Linux x64 only)`
  return `run "npm install" in diapo's folder without --omit=optional (it brings the embedded Chromium, ${EMBEDDED_LABEL}), or ${apt}`
}
