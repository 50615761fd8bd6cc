import { readFile } from 'node:fs/promises'
import path from 'node:path'
import vm from 'node:vm'

import { DeckError } from './errors.js'
import { t } from './i18n/index.js'
import { contentTypeOf } from './media.js'
import { escapeAttribute } from './render/attributes.js'

/** The files of a written deck that its page loads, read from the disk. */
export interface DeckFiles {
  /** `assets/diapo.css`, `assets/theme.css` (the runtime's fonts are already inlined in it by Vite). */
  css: Record<string, string>
  /** `assets/diapo.js`. */
  js: Record<string, string>
  /** The deck's own media, by their target as written in the HTML (`media/...`). */
  media: { target: string; data: Buffer }[]
}

/**
 * The deck as one self-contained HTML file, to e-mail or put on a stick alone: the stylesheets and the
 * script inlined, every image, video or sound as a `data:` URI. It loads nothing, not even from its
 * own folder; its link to the local handout.pdf goes to `handoutUrl`, or goes. Pure: `files` holds what
 * `html` refers to.
 */
export function inlineDeck(html: string, files: DeckFiles, options: { handoutUrl?: string } = {}): string {
  // handout.pdf beside index.html does not travel with the single file: link to where it is published, or not at all.
  let out = html.replace(
    /<a class="diapo-handout-link diapo-handout-local" href="handout\.pdf" download>([^<]*)<\/a>/g,
    (_, label: string) =>
      options.handoutUrl ? `<a class="diapo-handout-link" href="${escapeAttribute(options.handoutUrl)}">${label}</a>` : '',
  )
  out = out.replace(/<link rel="stylesheet" href="([^"]+)">/g, (tag, href: string) => {
    const css = files.css[href]
    return css === undefined ? tag : `<style>${escapeStyle(css)}</style>`
  })
  out = out.replace(/<script src="([^"]+)"><\/script>/g, (tag, src: string) => {
    const js = files.js[src]
    return js === undefined ? tag : `<script>${escapeScript(js, src)}</script>`
  })
  for (const { target, data } of files.media) {
    const uri = `data:${mimeOf(target)};base64,${data.toString('base64')}`
    // Written as an attribute (src="...", href='...') or in CSS (url(...)).
    for (const [open, close] of [
      ['"', '"'],
      ["'", "'"],
      ['(', ')'],
    ] as const)
      out = out.split(`${open}${target}${close}`).join(`${open}${uri}${close}`)
  }
  return out
}

/** The single file's name: the profile's slug, else the deck's title up to its subtitle ("Emancip'asso : ..." → emancipasso). */
export function singleFileName(slug: string | null, title: string): string {
  const name = slug ?? slugify(title.split(/\s*[:—–|]\s/)[0] ?? title)
  return `${name && !RESERVED.includes(name) ? name : 'diaporama'}.html`
}

/** Reads the files a written deck (in `dir`) loads, for `inlineDeck`. */
export async function readDeckFiles(dir: string, compiled: { assets: { target: string }[] }): Promise<DeckFiles> {
  const read = (file: string) => readFile(path.join(dir, file), 'utf8')
  const [diapoCss, themeCss, diapoJs] = await Promise.all([read('assets/diapo.css'), read('assets/theme.css'), read('assets/diapo.js')])
  const targets = [...new Set(compiled.assets.map((a) => a.target))]
  const media = await Promise.all(
    targets.map(async (target) => ({ target, data: await readFile(path.join(dir, ...target.split('/').map(decodeURIComponent))) })),
  )
  return { css: { 'assets/diapo.css': diapoCss, 'assets/theme.css': themeCss }, js: { 'assets/diapo.js': diapoJs }, media }
}

// --- internal ---

/** Names the single file must not take beside the generic deck: its own page and the page of all decks. */
const RESERVED = ['index', 'sommaire', 'slides', 'handout', 'notes']

function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
}

function escapeStyle(css: string): string {
  return css.replace(/<\/style/gi, '<\\/style')
}

/**
 * A script's text inside `<script>`: `</script` would close the element and `<!--` (the notes plugin's
 * speaker view starts with one, then holds a `<script>`) would make the parser miss its end. Both only
 * appear in strings, template literals and regular expressions, where `<\/` and `<\!` mean the same:
 * the result is parsed again to be sure.
 */
function escapeScript(js: string, name: string): string {
  const escaped = js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--')
  try {
    new vm.Script(escaped)
  } catch (cause) {
    throw new DeckError(t('singleFile.cannotInline', { name }), 'E_DECK', {
      hint: t('cli.bug'),
      cause,
    })
  }
  return escaped
}

function mimeOf(target: string): string {
  return contentTypeOf(path.extname(decodeURIComponent(target)))
}
