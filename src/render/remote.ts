import type { Diagnostic } from '../diagnostics.js'
import { t } from '../i18n/index.js'
import type { Deck, RenderedDeck } from '../types.js'
import { lineOfText } from './deck.js'

/**
 * Resources a slide's raw HTML would load from outside the deck: images, scripts, frames, style sheets,
 * fonts, videos... The deck's policy (Content-Security-Policy) blocks them, so they show as holes in
 * the room without Wi-Fi, and in a PDF: the build warns, `diapo check` reports them as errors. Links
 * (`<a href>`) are not loads: they are kept.
 */

export interface RemoteResource {
  /** What would load it: `<img src>`, `CSS url()`, `<link href>`... */
  kind: string
  url: string
}

/** An address on another machine (`http(s):`, `ftp:`, `ws(s):`, protocol-relative `//host`), or a `file:` one (never copied). */
const RE_REMOTE = /^\s*(?:(?:https?|ftp|wss?|file):|\/\/)/i
/** A start tag with its attributes (quoted values may hold `>`). */
const RE_TAG = /<([a-z][a-z0-9:-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi
const RE_ATTRIBUTE = /([^\s"'=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g
/** Attributes that load what they name, on any element (`<a href>` and `<form action>` do not load). */
const LOADING_ATTRIBUTES = new Set([
  'src',
  'srcset',
  'poster',
  'data',
  'background',
  'data-background-image',
  'data-background-video',
  'data-background-iframe',
  'data-src',
])
/** `href` loads on these (a style sheet, an icon, an SVG image or symbol). */
const HREF_LOADS = new Set(['link', 'image', 'use', 'feimage'])
const RE_CSS_URL = /url\(\s*(["']?)([^"')]*)\1\s*\)/gi
const RE_CSS_IMPORT = /@import\s+(["'])([^"']*)\1/gi
/** A kind named by its tag and attribute: `<img src>`. */
const RE_KIND_TAG = /^<(\S+) (\S+)>$/
const RE_STYLE_ELEMENT = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi

/** Every remote resource of a piece of HTML (a slide's, its notes'), in order. */
export function findRemoteResources(html: string): RemoteResource[] {
  const found: RemoteResource[] = []
  const add = (kind: string, url: string): void => {
    if (RE_REMOTE.test(url)) found.push({ kind, url: url.trim() })
  }
  for (const tag of html.matchAll(RE_TAG)) {
    const name = tag[1]!.toLowerCase()
    for (const attribute of tag[2]!.matchAll(RE_ATTRIBUTE)) {
      const key = attribute[1]!.toLowerCase()
      const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? ''
      if (key === 'srcset') value.split(',').forEach((candidate) => add(`<${name} srcset>`, candidate.trim().split(/\s+/)[0] ?? ''))
      else if (LOADING_ATTRIBUTES.has(key) || ((key === 'href' || key === 'xlink:href') && HREF_LOADS.has(name)))
        add(`<${name} ${key}>`, value)
      else if (key === 'style') findInCss(decodeCssEntities(value), add)
    }
  }
  for (const style of html.matchAll(RE_STYLE_ELEMENT)) findInCss(style[1]!, add)
  return found
}

// --- internal ---

function findInCss(css: string, add: (kind: string, url: string) => void): void {
  for (const m of css.matchAll(RE_CSS_IMPORT)) add('CSS @import', m[2]!)
  for (const m of css.matchAll(RE_CSS_URL)) add('CSS url()', m[2]!)
}

/** `&quot;` and friends in a style attribute, as marked leaves them. */
function decodeCssEntities(text: string): string {
  return text.replace(/&(?:quot|#34|#x22);/gi, '"').replace(/&(?:amp|#38);/gi, '&')
}

/**
 * The remote resources of a whole deck, each as a warning at the line that names it (the slide's own
 * line when the address cannot be found as written, e.g. written with entities).
 */
export function findRemoteInDeck(deck: Deck, rendered: RenderedDeck): Diagnostic[] {
  const slides = deck.stacks.flatMap((s) => s.slides)
  return rendered.stacks
    .flatMap((s) => s.slides)
    .flatMap((r, i) => {
      const slide = slides[i]!
      const attributes = Object.entries(r.attributes).map(([k, v]) => `<section ${k}="${v.replace(/"/g, '&quot;')}">`)
      const found = findRemoteResources([r.html, r.notesHtml, r.handoutHtml, ...attributes].join('\n')).map<Diagnostic>((resource) => ({
        severity: 'warning',
        rule: 'remote',
        loc: { file: slide.loc.file, line: lineOfText(slide, resource.url, slide.attributesLine ?? slide.loc.line) },
        message: t('remote.loads', { kind: kindName(resource.kind), url: resource.url }),
        hint: t('remote.hint'),
      }))
      return found.sort((a, b) => a.loc!.line - b.loc!.line)
    })
}

/** `<img src>`, `CSS url()`... in the user's language. */
function kindName(kind: string): string {
  const tag = RE_KIND_TAG.exec(kind)
  if (tag) return t('remote.kind.attribute', { tag: tag[1]!, attribute: tag[2]! })
  return kind === 'CSS @import' ? t('remote.kind.cssImport') : t('remote.kind.cssUrl')
}
