import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { spawn } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'

import type { Browser, LaunchOptions } from 'puppeteer-core'

import { DeckError } from '../errors.js'
import { t } from '../i18n/index.js'
import { makeTempDirReaped } from '../reaper.js'
import { type BrowserOptions, isHeadlessShell, resolveBrowser } from './browser.js'
import { embeddedBrowserEnv, isEmbeddedBrowser, unpackEmbeddedBrowser } from './embedded.js'

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
 * Launches a headless browser with a fresh profile in a temporary folder, removed on close.
 * The caller must close it (`closeBrowser`) in a `finally`. Most callers want `openBrowser` (session.ts),
 * which does that and lends pages; this is for tests and `diapo doctor`, which drive the browser themselves.
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
  const root = makeTempDirReaped(path.join(os.tmpdir(), ROOT_PREFIX))
  let proc: ReturnType<Browser['process']> = null
  // The profile folder and the browser go with diapo, however it ends: closed, crashed, or stopped by a
  // signal (see `exitOnSignals`: it calls process.exit, hence a synchronous 'exit' listener), even
  // during the launch. SIGKILL runs no listener: then the pipe (below) ends the browser.
  const removeOnExit = (): void => {
    killProcessTree(proc)
    removeAtExit(root)
  }
  process.once('exit', removeOnExit)
  mkdirSync(path.join(root, 't'))
  let browser: Browser
  try {
    browser = await puppeteer.launch(launchOptions(executablePath, embedded, root, options.timeout))
    proc = browser.process()
    // Killing the browser (see closeBrowser) resets the DevTools pipe under Puppeteer, which has no
    // listener for that on its reading end: without this one, Node would crash on ECONNRESET.
    for (const stream of proc?.stdio ?? []) (stream as NodeJS.EventEmitter | null)?.on('error', () => undefined)
  } catch (cause) {
    process.off('exit', removeOnExit)
    await removeProfile(root)
    throw new DeckError(t('browser.cannotStart', { path: executablePath }), 'E_BROWSER_NOT_FOUND', {
      hint: t('browser.cannotStartHint'),
      cause,
    })
  }
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
  if (proc?.exitCode === null && proc.signalCode === null) {
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
    killProcessTree(proc)
    let timer: NodeJS.Timeout | undefined
    await Promise.race([exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT)))])
    clearTimeout(timer)
  }
  await browser.close().catch(() => undefined)
  const root = rootOf(proc)
  if (root) await removeProfile(root)
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

// --- internal ---

const ROOT_PREFIX = 'diapo-'
const PROFILE = 'profile'
const CLOSE_TIMEOUT = 5_000
const PRINT_MS_PER_SLIDE = 100
/**
 * A DevTools call has an hour more than the page time-out given: the browser is launched before the deck's size is known,
 * and a page's time-out (`pageTimeout`: 30 s plus 0.1 s a slide) stays under it up to 35,000 slides.
 */
const PROTOCOL_TIMEOUT_MIN = 3_600_000

function launchOptions(executablePath: string, embedded: boolean, root: string, timeout = DEFAULT_TIMEOUT): LaunchOptions {
  const args = [...BROWSER_ARGS]
  // Chromium's sandbox cannot start as root (containers, CI): only then is it turned off. The embedded
  // browser has no sandbox helper (it was built for serverless machines), so it always runs without:
  // it only opens the deck diapo just built from the user's own files, which reaches nothing outside.
  if (isRoot() || process.env.DIAPO_NO_SANDBOX || embedded) args.push('--no-sandbox')
  const env = { ...process.env, TMPDIR: path.join(root, 't') }
  return {
    executablePath,
    // The embedded browser is a headless shell too (its package's own arguments say so).
    headless: isHeadlessShell(executablePath) || embedded ? 'shell' : true,
    userDataDir: path.join(root, PROFILE),
    env: embedded ? embeddedBrowserEnv(executablePath, env) : env,
    args,
    timeout,
    protocolTimeout: protocolTimeoutFor(timeout),
    // DevTools over a pipe rather than a WebSocket: when diapo dies, even by SIGKILL, the pipe closes and
    // the browser ends with it (over a WebSocket it kept running, ~400 MB, for ever).
    pipe: true,
    // diapo's own handlers (`exitOnSignals`) stop it with one line; Puppeteer's would kill the browser
    // under the running export, which then failed with a false "could not start the browser".
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  }
}

/**
 * The temporary folder `launchBrowser` made for a browser, read from its command line (Puppeteer passes
 * the profile as `--user-data-dir`): no table of launched browsers is kept. `undefined` for a browser
 * diapo did not launch.
 */
function rootOf(proc: ReturnType<Browser['process']>): string | undefined {
  const flag = '--user-data-dir='
  const profile = proc?.spawnargs.find((arg) => arg.startsWith(flag))?.slice(flag.length)
  if (!profile || path.basename(profile) !== PROFILE) return undefined
  const root = path.dirname(profile)
  return path.dirname(root) === path.resolve(os.tmpdir()) && path.basename(root).startsWith(ROOT_PREFIX) ? root : undefined
}

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
