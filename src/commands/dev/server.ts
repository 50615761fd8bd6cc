import { stat } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import { createDeckPlugin, type DeckPluginOptions } from '../../bundle/deck-plugin.js'
import { DeckError } from '../../errors.js'
import { t } from '../../i18n/index.js'
import { deckRootOf } from '../../parse/deck.js'
import { PACKAGE_ROOT } from '../../paths.js'

export interface DevOptions extends DeckPluginOptions {
  /** Port to listen on; the next free one when it is taken (default 1948, reveal-md's). */
  port?: number
  /** Open the deck in the default browser. */
  open?: boolean
}

export interface DevServer {
  /** `http://127.0.0.1:PORT/` */
  url: string
  port: number
  /** The port asked for, when it was taken and another one is used. */
  portInUse?: number
  close(): Promise<void>
}

/** The Vite configuration shared with the runtime's build: `vite.config.ts` (its `serve` side). */
export const VITE_CONFIG_FILE = path.join(PACKAGE_ROOT, 'vite.config.ts')

/**
 * `diapo dev`: a Vite dev server on 127.0.0.1 that serves the deck as it will be built and reloads it
 * on every change of its sources. The caller closes it (`close()`), e.g. on Ctrl-C.
 */
export async function startDevServer(options: DevOptions): Promise<DevServer> {
  const { createServer } = await import('vite')
  const deckPath = path.resolve(options.cwd, options.deck)
  await stat(deckPath).catch((cause: unknown) => {
    // Mistakes inside the deck show in the page; a deck that is not there at all is a wrong command.
    throw new DeckError(t('deck.notFound', { path: deckPath }), 'E_DECK', {
      hint: t('deck.notFoundHint'),
      cause,
    })
  })
  const root = await deckRootOf(deckPath)
  const server = await createServer({
    configFile: VITE_CONFIG_FILE,
    // The config file is bundled next to the package, not in the user's folder.
    configLoader: 'runner',
    root,
    cacheDir: path.join(PACKAGE_ROOT, 'node_modules', '.vite-diapo'),
    plugins: [createDeckPlugin(options)],
    server: {
      ...(options.port === undefined ? {} : { port: options.port }),
      open: options.open ? '/' : false,
      // Vite would serve (through /@fs/) anything under the nearest package.json above the deck, which
      // may be a whole home folder. The page needs nothing of it: the deck plugin serves the deck's
      // files itself, and Vite's own client is always allowed.
      fs: { strict: true, allow: [root], deny: ['.env', '.env.*', '*.{crt,pem,key}', '**/.git/**', '**/.ssh/**'] },
    },
  })
  await server.listen()
  const port = (server.httpServer?.address() as AddressInfo | null)?.port
  if (!port) {
    await server.close()
    throw new Error('the dev server did not start listening')
  }
  const asked = options.port ?? server.config.server.port
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    ...(asked && asked !== port ? { portInUse: asked } : {}),
    close: () => server.close(),
  }
}
