import { formatLocation, isDeckError } from '../errors.js'
import { t } from '../i18n/index.js'

/** An error as Vite's client shows it in its overlay (`{ type: 'error', err }` on the HMR socket). */
export interface OverlayError {
  message: string
  stack: string
  plugin: string
  id?: string
  loc?: { file: string; line: number; column: number }
  frame?: string
}

/** The module the Vite client is served as; it connects to the dev server and reloads the page. */
export const VITE_CLIENT = '/@vite/client'

/** The custom HMR event that carries a deck's new slides, swapped into the page without a reload. */
export const SLIDES_EVENT = 'diapo:slides'

/** The custom HMR event by which a page tells which build it shows, once its socket is open. */
export const HELLO_EVENT = 'diapo:hello'

/**
 * The page's side of `diapo:slides`: replaces the slides in place and puts the deck back on the same
 * slide and fragment (as reveal.js itself does when it leaves its scroll view). Faster than a reload:
 * the runtime, fonts and theme stay loaded. A page without a deck (it never built) reloads instead.
 * It also says which build it was served (`diapo:hello`, sent by Vite's client once its socket opens):
 * a rebuild finished before that was announced to nobody, and the server then reloads the page.
 * Vite's error overlay is made plain, for volunteers: no "[plugin:diapo]", and instead of Vite's tip about
 * `server.hmr.overlay` in `vite.config.ts`, what to do, in the user's language (`tip`).
 */
const devClient = (build: number, tip: string): string => `import { createHotContext } from '${VITE_CLIENT}'
const tip = ${JSON.stringify(tip).replace(/</g, '\\u003c')}
const plain = (overlay) => {
  const root = overlay.shadowRoot
  const tipElement = root && root.querySelector('.tip')
  if (tipElement) tipElement.textContent = tip
  const plugin = root && root.querySelector('.plugin')
  if (plugin) plugin.textContent = ''
}
new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => { if (n.nodeName === 'VITE-ERROR-OVERLAY') plain(n) })))
  .observe(document.documentElement, { childList: true, subtree: true })
const hot = createHotContext('/@diapo/deck')
hot.send('${HELLO_EVENT}', { build: ${build} })
hot.on('${SLIDES_EVENT}', ({ slides }) => {
  const deck = window.diapo
  const element = deck && deck.isReady() && deck.getSlidesElement()
  if (!element) return location.reload()
  const state = deck.getState()
  element.innerHTML = slides
  deck.sync()
  deck.setState(state)
  document.querySelectorAll('vite-error-overlay').forEach((overlay) => overlay.close())
})`

const SLIDES_OPEN = '<div class="slides">'
const RE_SLIDES_CLOSE = /\s*<\/div>\s*<\/div>\s*<script type="application\/json" id="diapo-config">/

/** A built page split into its slides (inside `.reveal .slides`) and the rest; `undefined` if not found. */
export function splitPage(html: string): { shell: string; slides: string } | undefined {
  const start = html.indexOf(SLIDES_OPEN)
  if (start < 0) return undefined
  const from = start + SLIDES_OPEN.length
  const close = RE_SLIDES_CLOSE.exec(html.slice(from))
  if (!close) return undefined
  const to = from + close.index
  return { shell: html.slice(0, from) + html.slice(to), slides: html.slice(from, to) }
}

/**
 * An error of a dev rebuild for Vite's overlay: `file:line: message`, the hint, and the source lines
 * around the faulty one. `source` is the faulty file's text, when it could be read.
 */
export function renderOverlayError(err: unknown, cwd: string, source?: string): OverlayError {
  if (!isDeckError(err)) {
    const e = err instanceof Error ? err : new Error(String(err))
    return { message: t('dev.overlayBug', { message: e.message }), stack: e.stack ?? '', plugin: 'diapo' }
  }
  const loc = err.detail.loc
  const hint = err.detail.hint ? `\n→ ${err.detail.hint}` : ''
  if (!loc) return { message: `${err.message}${hint}`, stack: '', plugin: 'diapo' }
  const where = formatLocation(loc, cwd)
  const file = where.replace(/:\d+(?::\d+)?$/, '')
  return {
    message: `${where}: ${err.message}${hint}`,
    stack: '',
    plugin: 'diapo',
    id: file,
    loc: { file, line: loc.line, column: loc.column ?? 1 },
    ...(source === undefined ? {} : { frame: renderCodeFrame(source, loc.line) }),
  }
}

/** The lines around `line` (1-based), numbered, the faulty one marked with `>`: Vite's frame format. */
export function renderCodeFrame(source: string, line: number, around = 2): string {
  const lines = source.split(/\r?\n/)
  const from = Math.max(1, line - around)
  const to = Math.min(lines.length, line + around)
  const width = String(to).length
  const out: string[] = []
  for (let n = from; n <= to; n++) {
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${lines[n - 1]}`)
  }
  return out.join('\n')
}

/**
 * The deck's page as the dev server sends it: the built page plus Vite's client (live reload), and when
 * the last rebuild failed, a script that shows its error in Vite's overlay as soon as the page loads.
 * Without a good build yet, a blank page carries the overlay. `build` counts the server's rebuilds.
 */
export function renderDevPage(html: string | undefined, error?: OverlayError, build = 0): string {
  const page = html ?? '<!doctype html><html><head><meta charset="utf-8"><title>diapo</title></head><body></body></html>'
  // The deck's policy allows 'self' only: the client's socket to this same server is allowed explicitly.
  const withSocket = page.replace(
    /(<meta http-equiv="Content-Security-Policy" content="[^"]*?)(")/,
    (_, head: string, end: string) => `${head}; connect-src 'self' ws://127.0.0.1:*${end}`,
  )
  const scripts = [
    `<script type="module" src="${VITE_CLIENT}"></script>`,
    `<script type="module">${devClient(build, t('dev.overlayTip'))}</script>`,
  ]
  if (error) {
    // Module scripts run in order: the client has defined its overlay element by then.
    const json = JSON.stringify(error).replace(/</g, '\\u003c')
    scripts.push(
      `<script type="module">const E = customElements.get('vite-error-overlay'); if (E) document.body.appendChild(new E(${json}))</script>`,
    )
  }
  return withSocket.replace(/<\/head>/i, `${scripts.join('\n')}\n</head>`)
}
