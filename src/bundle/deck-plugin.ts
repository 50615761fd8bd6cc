import { readFile, stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import path from 'node:path'

import type { Plugin, ViteDevServer, WebSocketClient } from 'vite'

import { type CompiledDeck, compileDeck } from '../compile.js'
import { type DeckInput, deckWatchList, prepareDeck } from '../commands/deck-input.js'
import { isDeckError } from '../errors.js'
import { contentTypeOf } from '../media.js'
import type { Diagnostic } from '../diagnostics.js'
import { RUNTIME_DIR } from '../write.js'
import { HELLO_EVENT, type OverlayError, renderDevPage, renderOverlayError, SLIDES_EVENT, splitPage } from './dev-page.js'

export interface DeckPluginOptions extends DeckInput {
  /** Called after each rebuild: the error when it failed, and how long it took. */
  onRebuild?: (result: { error?: unknown; ms: number; file?: string; warnings?: Diagnostic[] }) => void
}

/** Pause after a change before rebuilding: editors often write a file in two steps. */
const DEBOUNCE_MS = 15
/**
 * Vite's watcher (chokidar) drops a file's change events for 50 ms after one it reported: a second save
 * in that time (an editor that formats on save) would never show. Look at the file again after it.
 */
const WATCHER_THROTTLE_MS = 50
const RE_DECK_FILE = /\.(?:md|css|svg|png|jpe?g|gif|webp|avif|mp4|webm|hbs|ya?ml)$/i

/**
 * `diapo:deck`: serves the deck exactly as `diapo build` writes it (`/index.html`, `/assets/diapo.js|css`
 * straight from the bundled runtime, `/assets/theme.css`, `/media/...`), rebuilds it when a slide,
 * profile, template, partial, theme or image changes, and reloads the page (its hash keeps the slide).
 * A failed rebuild shows in Vite's error overlay, and the next good one reloads the page.
 */
export function createDeckPlugin(options: DeckPluginOptions): Plugin {
  const state: DevState = { build: 0 }
  const watched = new Set<string>()
  let server: ViteDevServer | undefined

  const rebuild = async (file?: string): Promise<void> => {
    const started = performance.now()
    try {
      const prepared = await prepareDeck(options)
      const compiled = await compileDeck(prepared.compile)
      state.compiled = compiled
      state.html = compiled.html
      state.error = undefined
      watchFiles(server, watched, [...prepared.watch, compiled.themeFile, ...compiled.assets.map((a) => a.source)])
      options.onRebuild?.({ ms: performance.now() - started, file, warnings: compiled.warnings })
    } catch (err) {
      const loc = isDeckError(err) ? err.detail.loc : undefined
      const source = loc ? await readFile(loc.file, 'utf8').catch(() => undefined) : undefined
      state.error = renderOverlayError(err, options.cwd, source)
      options.onRebuild?.({ error: err, ms: performance.now() - started, file })
    } finally {
      state.build++
    }
  }
  const scheduleRebuild = debounceQueue(async (file: string) => {
    const before = state.html
    const theme = state.compiled?.themeFile
    const run = rebuild(file)
    state.pending = run
    await run
    if (state.error) server?.ws.send({ type: 'error', err: state.error })
    else {
      // A front matter that picks another theme changes no byte of the page, but its stylesheet.
      const slides = theme === state.compiled?.themeFile ? slidesOnlyChange(file, before, state.html) : undefined
      if (slides !== undefined) server?.ws.send(SLIDES_EVENT, { slides })
      else server?.ws.send({ type: 'full-reload', path: '*' })
    }
  }, DEBOUNCE_MS)

  return {
    name: 'diapo:deck',
    apply: 'serve',
    // Vite's own reaction to a changed file (none: nothing here is a module) is replaced by ours.
    handleHotUpdate: () => [],
    async configureServer(devServer) {
      server = devServer
      watchFiles(devServer, watched, deckWatchList(options))
      state.pending = rebuild()
      await state.pending
      // A page whose socket opened after a rebuild was announced shows an older build: reload it.
      devServer.ws.on(HELLO_EVENT, (data: { build?: number }, client: WebSocketClient) => {
        if (data?.build !== state.build) client.send({ type: 'full-reload', path: '*' })
      })
      const recheck = recheckAfterThrottle(scheduleRebuild)
      devServer.watcher.on('all', (event, file) => {
        if (event === 'addDir' || event === 'unlinkDir') return
        if (!isRelevant(file, options, watched, Boolean(state.error))) return
        scheduleRebuild(file)
        recheck(file)
      })
      devServer.middlewares.use((req, res, next) => {
        void serve(req.url ?? '/', res, state).then((served) => {
          if (!served) next()
        }, next)
      })
    },
  }
}

// --- internal ---

interface DevState {
  compiled?: CompiledDeck
  html?: string
  error?: OverlayError
  pending?: Promise<void>
  /** Rebuilds done, good or failed: a page knows the one it was served. */
  build: number
}

async function serve(url: string, res: ServerResponse, state: DevState): Promise<boolean> {
  const pathname = decodePath(url)
  if (pathname === undefined) {
    // `/%` and the like: a bad address, not an error of the server.
    res.statusCode = 400
    res.setHeader('Content-Type', 'text/plain; charset=utf-8')
    res.end('Bad request: this address is not valid')
    return true
  }
  if (pathname === '/' || pathname === '/index.html') {
    await state.pending
    send(res, '.html', renderDevPage(state.html, state.error, state.build))
    return true
  }
  let file: string | undefined
  if (pathname === '/assets/theme.css') file = state.compiled?.themeFile
  else if (/^\/assets\/[\w.-]+$/.test(pathname)) file = path.join(RUNTIME_DIR, pathname.slice('/assets/'.length))
  else if (pathname.startsWith('/media/')) {
    const target = pathname.slice(1)
    file = state.compiled?.assets.find((a) => decodeURIComponent(a.target) === target)?.source
  }
  if (!file) return false
  const body = await readFile(file).catch(() => undefined)
  if (!body) return false
  send(res, path.extname(file).toLowerCase(), body)
  return true
}

function decodePath(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url, 'http://localhost').pathname)
  } catch {
    return undefined
  }
}

function send(res: ServerResponse, ext: string, body: string | Buffer): void {
  res.statusCode = 200
  res.setHeader('Content-Type', contentTypeOf(ext))
  // Every request reads the file afresh: a changed theme or image shows on the next reload.
  res.setHeader('Cache-Control', 'no-store')
  res.end(body)
}

/**
 * The new slides when a Markdown source changed only them (same head, theme, template), so that the
 * page can swap them in place; `undefined` when the page must reload (a theme, image or template).
 */
function slidesOnlyChange(file: string, before: string | undefined, after: string | undefined): string | undefined {
  if (!before || !after || !file.toLowerCase().endsWith('.md')) return undefined
  const [old, next] = [splitPage(before), splitPage(after)]
  return old && old.shell === next?.shell ? next.slides : undefined
}

/** Files outside the server's root (templates, themes, a profile, images) are added to Vite's watcher. */
function watchFiles(server: ViteDevServer | undefined, watched: Set<string>, files: string[]): void {
  const added = files.map((f) => path.resolve(f)).filter((f) => !watched.has(f))
  if (added.length === 0) return
  for (const f of added) watched.add(f)
  server?.watcher.add(added)
}

/**
 * A change matters when it is a deck source or a medium under the deck's folder, or a watched file or
 * folder. While the deck is broken, any file under its folder may be the fix (an image added at last).
 */
function isRelevant(file: string, options: DeckInput, watched: Set<string>, broken: boolean): boolean {
  const abs = path.resolve(file)
  const deck = path.resolve(options.cwd, options.deck)
  const root = deck.toLowerCase().endsWith('.md') ? path.dirname(deck) : deck
  if (abs === deck) return true
  if (abs.startsWith(root + path.sep) && (broken || RE_DECK_FILE.test(abs))) return true
  for (const w of watched) {
    if (abs === w || abs.startsWith(w + path.sep)) return true
  }
  return false
}

/**
 * After a change event, compares the file's modification time once the watcher's throttle is over, and
 * reports a change it swallowed.
 */
function recheckAfterThrottle(onChange: (file: string) => void): (file: string) => void {
  const timers = new Map<string, NodeJS.Timeout>()
  const mtimeOf = (file: string): Promise<number | undefined> =>
    stat(file).then(
      (info) => info.mtimeMs,
      () => undefined,
    )
  return (file) => {
    clearTimeout(timers.get(file))
    // The throttle starts again at each reported event: so does the wait.
    void mtimeOf(file).then((seen) => {
      clearTimeout(timers.get(file))
      const timer = setTimeout(() => {
        timers.delete(file)
        void mtimeOf(file).then((now) => {
          if (now !== seen) onChange(file)
        })
      }, WATCHER_THROTTLE_MS + DEBOUNCE_MS)
      timers.set(file, timer)
    })
  }
}

/**
 * Calls `fn` once after changes settle for `ms`; a change during a run schedules one more run after it,
 * so the last saved version is always the one shown.
 */
function debounceQueue(fn: (file: string) => Promise<void>, ms: number): (file: string) => void {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let again: string | undefined
  const run = (file: string): void => {
    if (running) {
      again = file
      return
    }
    running = fn(file).finally(() => {
      running = undefined
      if (again !== undefined) {
        const next = again
        again = undefined
        run(next)
      }
    })
  }
  return (file) => {
    clearTimeout(timer)
    timer = setTimeout(() => run(file), ms)
  }
}
