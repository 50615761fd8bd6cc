import { constants } from 'node:fs'
import { access } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { DeckError } from '../errors.js'
import { t } from '../i18n/index.js'
import { type EmbeddedBrowser, embeddedSupported, findEmbeddedBrowser, unpackEmbeddedBrowser } from './embedded.js'

/** Which browser to start, and how long it may take. */
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
    throw browserNotFound([], t('browser.embeddedMissing', { label: t('browser.embeddedPackage') }))
  }
  // An explicit path that does not exist is a mistake to report, not a reason to pick another browser.
  if (explicit) {
    const [source, chosen] = explicit as [BrowserSource, string]
    if (await isExecutable(chosen)) return { executablePath: chosen, source }
    throw browserNotFound([chosen], t('browser.givenMissing', { source }), t('browser.givenMissingHint', { source }))
  }
  const candidates = knownBrowserPaths(process.platform, env)
  const installed = await findInstalledBrowsers(env, candidates)
  if (installed[0]) return { executablePath: installed[0], source: 'installed' }
  const embedded = await findEmbeddedBrowser(env)
  if (embedded) return { executablePath: embedded.executablePath, source: 'embedded', embedded }
  throw browserNotFound(candidates, t('browser.noneFound'))
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
  if (choice.embedded)
    return t('browser.embedded', {
      version: choice.embedded.version.split('.')[0]!,
      label: t('browser.embeddedPackage'),
      dir: tildify(choice.embedded.dir),
    })
  const kind = isHeadlessShell(choice.executablePath) ? t('browser.headlessShell') : browserName(choice.executablePath)
  return `${kind} (${choice.executablePath})`
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

/** What to install where no browser can be had, in the words of this system. */
export function installAdvice(platform: NodeJS.Platform, arch: string): string {
  if (platform === 'darwin') return t('browser.installMac')
  if (platform === 'win32') return t('browser.installWindows')
  const install = t('browser.installLinux')
  if (!embeddedSupported(platform, arch)) return t('browser.installLinuxOnlyX64', { install })
  return t('browser.installEmbedded', { label: t('browser.embeddedPackage'), install })
}

// --- internal ---

async function isExecutable(file: string): Promise<boolean> {
  return access(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK).then(
    () => true,
    () => false,
  )
}

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
  return new DeckError(message, 'E_BROWSER_NOT_FOUND', {
    hint: t('browser.notFoundHint', { first, install: installAdvice(process.platform, process.arch), tried: tried.join(', ') }),
  })
}
