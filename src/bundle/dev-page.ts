import { formatLocation, isDeckError } from '../errors.js'

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

/**
 * An error of a dev rebuild for Vite's overlay: `file:line: message`, the hint, and the source lines
 * around the faulty one. `source` is the faulty file's text, when it could be read.
 */
export function renderOverlayError(err: unknown, cwd: string, source?: string): OverlayError {
  if (!isDeckError(err)) {
    const e = err instanceof Error ? err : new Error(String(err))
    return { message: `diapo failed (this is a bug in diapo): ${e.message}`, stack: e.stack ?? '', plugin: 'diapo' }
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
 * Without a good build yet, a blank page carries the overlay.
 */
export function renderDevPage(html: string | undefined, error?: OverlayError): string {
  const page = html ?? '<!doctype html><html><head><meta charset="utf-8"><title>diapo</title></head><body></body></html>'
  // The deck's policy allows 'self' only: the client's socket to this same server is allowed explicitly.
  const withSocket = page.replace(
    /(<meta http-equiv="Content-Security-Policy" content="[^"]*?)(")/,
    (_, head: string, end: string) => `${head}; connect-src 'self' ws://127.0.0.1:*${end}`,
  )
  const scripts = [`<script type="module" src="${VITE_CLIENT}"></script>`]
  if (error) {
    // Module scripts run in order: the client has defined its overlay element by then.
    const json = JSON.stringify(error).replace(/</g, '\\u003c')
    scripts.push(
      `<script type="module">const E = customElements.get('vite-error-overlay'); if (E) document.body.appendChild(new E(${json}))</script>`,
    )
  }
  return withSocket.replace(/<\/head>/i, `${scripts.join('\n')}\n</head>`)
}
