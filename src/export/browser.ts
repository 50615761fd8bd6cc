import { access, mkdtemp, rm } from 'node:fs/promises'
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
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'diapo-chrome-'))
  const args = [...BROWSER_ARGS]
  // Chromium's sandbox cannot start as root (containers, CI): only then is it turned off.
  if (isRoot() || process.env.DIAPO_NO_SANDBOX) args.push('--no-sandbox')
  const launchOptions: LaunchOptions = {
    executablePath,
    headless: true,
    userDataDir,
    args,
    timeout: options.timeout ?? DEFAULT_TIMEOUT,
    protocolTimeout: (options.timeout ?? DEFAULT_TIMEOUT) * 4,
    handleSIGINT: true,
    handleSIGTERM: true,
    handleSIGHUP: true,
  }
  let browser: Browser
  try {
    browser = await puppeteer.launch(launchOptions)
  } catch (cause) {
    await rm(userDataDir, { recursive: true, force: true })
    throw new DeckError(`could not start the browser ${executablePath}`, 'E_BROWSER_NOT_FOUND', {
      hint: 'check that it runs (try it with --version), or point CHROME_PATH to another Chromium, Chrome or Edge',
      cause,
    })
  }
  // The profile folder goes with the browser, however it ends.
  browser.once('disconnected', () => void rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined))
  return browser
}

/** Closes a browser, never throwing: for `finally` blocks. */
export async function closeBrowser(browser: Browser | undefined): Promise<void> {
  if (!browser) return
  try {
    await browser.close()
  } catch {
    browser.process()?.kill('SIGKILL')
  }
}

/** Install paths of Chromium-based browsers, most likely first. */
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

async function isExecutable(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  )
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
      ? 'install Chromium (Debian/Ubuntu: "sudo apt-get install chromium") or Google Chrome'
      : 'install Google Chrome, Chromium or Microsoft Edge'
  return new DeckError(message, 'E_BROWSER_NOT_FOUND', {
    hint: `${install}, or set CHROME_PATH to its executable. Tried: ${tried.join(', ')}`,
  })
}
