// The differential check of decks written for reveal.js and reveal-md: one Markdown file rendered by
// reveal.js's own Markdown and highlight plugins (node_modules/reveal.js, in a page written here, as
// reveal-md renders it) and by `diapo build`, both read back from the DOM in the same headless Chromium
// and compared slide by slide.
import { access, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { Browser } from 'puppeteer-core'
import { parse as parseYaml } from 'yaml'

import { compileDeck } from '../../src/compile.js'
import { writeDeck } from '../../src/write.js'
import { REPO_ROOT } from './helpers.js'

/** reveal-md's default separators (lib/defaults.json). */
const REVEAL_MD_SEPARATOR = '\\r?\\n---\\r?\\n'
const REVEAL_MD_VERTICAL = '\\r?\\n----\\r?\\n'
const REVEAL_DIST = path.join(REPO_ROOT, 'node_modules', 'reveal.js', 'dist')

/** What a slide shows, as read from the DOM: the same reader for both renderings. */
export interface SlideView {
  attributes: Record<string, string>
  /** Elements that carry attributes an author can set (`.element` comments, raw HTML). */
  elements: string[]
  text: string
  notes: string
  hrefs: string[]
  media: { tag: string; src: string }[]
  code: CodeView[][]
}

interface CodeView {
  lineNumbers: string | null
  startFrom: string | null
  fragment: boolean
  lines: { n: string | null; text: string; highlighted: boolean }[] | string
}

export type DeckView = SlideView[][]

/**
 * The page reveal-md writes for a Markdown file (its template, trimmed to what renders slides; the
 * Markdown indented as there, which reveal.js's plugin un-indents: a first line `---` then follows a
 * line break, and is a separator).
 */
export async function writeOraclePage(markdownFile: string, dir: string): Promise<string> {
  const text = (await readFile(markdownFile, 'utf8')).replace(/^\uFEFF/, '')
  const { body, options } = splitFrontMatter(text)
  const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
  const sep = typeof options.separator === 'string' ? options.separator : REVEAL_MD_SEPARATOR
  const vsep = typeof options.verticalSeparator === 'string' ? options.verticalSeparator : REVEAL_MD_VERTICAL
  const dist = (file: string) => pathToFileURL(path.join(REVEAL_DIST, file)).href
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="${dist('reveal.css')}"></head>
<body><div class="reveal"><div class="slides">
        <section data-markdown data-separator="${escapeAttr(sep)}" data-separator-vertical="${escapeAttr(vsep)}">
          <textarea data-template>
            ${body.replace(/&/g, '&amp;').replace(/</g, '&lt;')}
          </textarea>
        </section>
</div></div>
<script src="${dist('reveal.js')}"></script>
<script src="${dist('plugin/markdown.js')}"></script>
<script src="${dist('plugin/highlight.js')}"></script>
<script>window.oracleReady = Reveal.initialize({ hash: false, plugins: [RevealMarkdown, RevealHighlight] }).then(() => true)</script>
</body></html>`
  const file = path.join(dir, 'oracle.html')
  await writeFile(file, html)
  return file
}

/** reveal-md's front matter: YAML between a first line `---` and the next, when it is a mapping. */
function splitFrontMatter(text: string): { body: string; options: Record<string, unknown> } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text)
  if (!m) return { body: text, options: {} }
  try {
    const data: unknown = parseYaml(m[1]!)
    if (data && typeof data === 'object' && !Array.isArray(data))
      return { body: text.slice(m[0].length), options: data as Record<string, unknown> }
  } catch {
    // not YAML: slides
  }
  return { body: text, options: {} }
}

/** Builds the file with diapo into `dir` (as `diapo build FILE --out DIR` does). */
export async function buildWithDiapo(markdownFile: string, dir: string): Promise<void> {
  // The working folder holds the cases and their media, as a user's project folder would.
  const compiled = await compileDeck({ cwd: path.dirname(path.dirname(markdownFile)), deck: markdownFile })
  await writeDeck(compiled, dir)
}

/** Opens a page and reads every slide. */
export async function readDeck(browser: Browser, file: string, ready: string): Promise<DeckView> {
  const page = await browser.newPage()
  try {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
    await page.waitForFunction(ready, { timeout: 20_000 })
    return await page.evaluate(readSlides)
  } finally {
    await page.close()
  }
}

/** Runs in the page. */
function readSlides(): DeckView {
  const norm = (s: string) =>
    s
      .replace(/[\u00a0\u202f]/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/\s+([;:!?»])/g, '$1')
      .replace(/«\s+/g, '«')
      .trim()
  const RUNTIME_CLASSES = new Set([
    'present',
    'past',
    'future',
    'stack',
    'visible',
    'current-fragment',
    'code-wrapper',
    'has-dark-background',
    'has-light-background',
  ])
  const RUNTIME_ATTRIBUTES = new Set([
    'data-markdown',
    'data-markdown-parsed',
    'data-separator',
    'data-separator-vertical',
    'data-separator-notes',
    'data-section',
    'data-source',
    'hidden',
    'aria-hidden',
    'style',
    'data-index-h',
    'data-index-v',
    'data-previous-indexv',
    'data-fragment-index',
    'data-background-image-loaded',
    'inert',
  ])
  // Attributes Markdown writes by itself (links, images, tables, task lists): not an author's choice.
  const CONTENT_ATTRIBUTES = new Set(['href', 'src', 'alt', 'title', 'type', 'checked', 'disabled', 'start', 'align', 'controls'])
  const MEDIA_ATTRIBUTES = /^data-background(?:-image|-video|-iframe)?$/
  const base = (src: string) => {
    if (/^(?:[a-z]+:|\/\/|#)/i.test(src)) return src
    return decodeURIComponent(src.split(/[?#]/)[0]!.split('/').pop()!)
  }
  const classes = (el: Element) =>
    [...el.classList]
      .filter((c) => !RUNTIME_CLASSES.has(c) && !/^(?:hljs|language-)/.test(c))
      .sort()
      .join(' ')
  const attributesOf = (el: Element, skip: Set<string>) => {
    const out: Record<string, string> = {}
    for (const { name, value } of [...el.attributes]) {
      if (skip.has(name) || name === 'class') continue
      out[name] = MEDIA_ATTRIBUTES.test(name)
        ? value
            .split(',')
            .map((v) => base(v.trim()))
            .join(',')
        : value
    }
    const cls = classes(el)
    if (cls) out.class = cls
    return out
  }
  const tops = [...document.querySelectorAll('.reveal .slides > section')]
  const grid = tops.map((top) => {
    const inner = [...top.querySelectorAll(':scope > section')]
    return inner.length ? inner : [top]
  })
  const slideText = (section: Element) => {
    const clone = section.cloneNode(true) as Element
    clone.querySelectorAll('aside.notes, pre').forEach((e) => e.remove())
    return norm(clone.textContent ?? '')
  }
  const resolveHash = (href: string) => {
    const m = /^#\/(\d+)(?:\/(\d+))?$/.exec(href)
    if (m) {
      const target = grid[Number(m[1])]?.[Number(m[2] ?? 0)]
      return `#→ ${target ? slideText(target) : '(none)'}`
    }
    const id = /^#\/(.+)$/.exec(href)
    if (id) {
      const target = document.getElementById(decodeURIComponent(id[1]!))
      return `#→ ${target ? slideText(target) : '(none)'}`
    }
    return href
  }
  return grid.map((stack) =>
    stack.map((section): SlideView => {
      const notes = norm([...section.querySelectorAll('aside.notes')].map((n) => n.textContent).join(' '))
      const content = [...section.querySelectorAll('*')].filter((e) => !e.closest('aside.notes'))
      return {
        attributes: attributesOf(section, RUNTIME_ATTRIBUTES),
        elements: content
          .filter((e) => !e.closest('pre'))
          .map((e) => {
            const attrs = attributesOf(e, new Set([...RUNTIME_ATTRIBUTES, ...CONTENT_ATTRIBUTES]))
            return Object.keys(attrs).length
              ? `<${e.tagName.toLowerCase()}> "${norm(e.textContent ?? '').slice(0, 40)}" ${JSON.stringify(attrs)}`
              : ''
          })
          .filter(Boolean),
        text: slideText(section),
        notes,
        hrefs: content.filter((e) => e.matches('a[href]')).map((a) => resolveHash(a.getAttribute('href')!)),
        media: content
          .filter((e) => e.matches('img[src], video[src], audio[src], source[src], iframe[src]'))
          .map((e) => ({ tag: e.tagName.toLowerCase(), src: e.getAttribute('src')! })),
        code: [...section.querySelectorAll('pre')].map((pre) =>
          [...pre.querySelectorAll(':scope > code')].map((code) => ({
            lineNumbers: code.getAttribute('data-line-numbers'),
            startFrom: code.getAttribute('data-ln-start-from'),
            fragment: code.classList.contains('fragment'),
            lines: code.querySelector('table.hljs-ln')
              ? [...code.querySelectorAll('tr')].map((tr) => ({
                  n: tr.querySelector('.hljs-ln-n')?.getAttribute('data-line-number') ?? null,
                  text: tr.querySelector('.hljs-ln-code')?.textContent ?? '',
                  highlighted: tr.classList.contains('highlight-line'),
                }))
              : (code.textContent ?? ''),
          })),
        ),
      }
    }),
  )
}

/** reveal.js keeps empty slides (a leading `---`); diapo drops them: compare the slides that show something. */
export function withoutEmptySlides(deck: DeckView): DeckView {
  const empty = (s: SlideView) =>
    !s.text && !s.notes && s.media.length === 0 && s.code.length === 0 && Object.keys(s.attributes).length === 0
  return deck.map((stack) => stack.filter((s) => !empty(s))).filter((stack) => stack.length > 0)
}

/** Every local file the built page refers to (`src`, `poster`, backgrounds) that is not in its own folder. */
export async function missingMedia(dir: string): Promise<string[]> {
  // What is inside a comment never loads.
  const html = (await readFile(path.join(dir, 'index.html'), 'utf8')).replace(/<!--[\s\S]*?-->/g, '')
  const missing: string[] = []
  for (const m of html.matchAll(/\s(src|poster|data-background(?:-image|-video|-iframe)?)="([^"]+)"/g)) {
    // `data-background` is a file only when reveal.js reads it as an image.
    if (m[1] === 'data-background' && !/\.(?:svg|png|jpe?g|gif|bmp|webp)\b/i.test(m[2]!)) continue
    for (const src of m[1]!.startsWith('data-background-video') ? m[2]!.split(',') : [m[2]!]) {
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(src)) continue
      const file = path.join(dir, ...decodeURIComponent(src.split(/[?#]/)[0]!).split('/'))
      await access(file).catch(() => missing.push(src))
    }
  }
  return missing
}

/** Media named by their file names: diapo copies them to media/..., reveal.js leaves them where they are. */
export function nameMedia(deck: DeckView): DeckView {
  return deck.map((stack) =>
    stack.map((s) => ({
      ...s,
      media: s.media.map((m) => ({
        tag: m.tag,
        src: /^(?:[a-z]+:|\/\/)/i.test(m.src) ? m.src : decodeURIComponent(m.src.split('/').pop()!),
      })),
    })),
  )
}
