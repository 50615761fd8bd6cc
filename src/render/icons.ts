import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import { t } from '../i18n/index.js'
import { PACKAGE_ROOT } from '../paths.js'
import { escapeAttribute } from './attributes.js'

/**
 * Icons slides show by name (`{{icon "lock"}}`): Lucide's (https://lucide.dev, ISC licence), from the
 * `lucide-static` package. Each is inlined as SVG when the deck is built, so only the icons a deck uses
 * are in it, nothing is loaded at run time, and they are drawn in the text's colour (`currentColor`).
 */
export const ICON_SET = 'Lucide'

const RE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const CACHE = new Map<string, string>()
let names: string[] | undefined

/** An unknown icon name, with the closest names the set has. */
export class UnknownIconError extends Error {
  constructor(
    readonly icon: string,
    readonly suggestions: string[],
  ) {
    super(t('template.iconUnknown', { icon }))
  }

  get hint(): string {
    return t('template.iconHint', { suggestions: this.suggestions.map((n) => `"${n}"`).join(', '), set: ICON_SET })
  }
}

/**
 * The SVG of icon `name`, on one line, ready to sit in a Markdown line: `class="icon icon-NAME"`, sized
 * by the CSS, hidden from screen readers unless `label` is given (then it is an image with that name).
 * Throws `UnknownIconError` for a name the set does not have.
 */
export function renderIcon(name: string, label?: string): string {
  const svg = loadIcon(name)
  const a11y = label ? `role="img" aria-label="${escapeAttribute(label)}"` : 'aria-hidden="true"'
  return svg.replace('<svg', `<svg class="icon icon-${name}" ${a11y} focusable="false"`)
}

/** Every icon name of the set, sorted. */
export function iconNames(): string[] {
  names ??= readdirSync(iconsDir())
    .filter((f) => f.endsWith('.svg'))
    .map((f) => f.slice(0, -4))
    .sort()
  return names
}

/**
 * Up to `count` names close to `name`: those its words are tags of (Lucide's keywords, "padlock" →
 * "lock"), then those at the smallest edit distance.
 */
export function closestIconNames(name: string, count = 3): string[] {
  const words = name
    .toLowerCase()
    .split(/[-\s_]+/)
    .filter(Boolean)
  const tagged = Object.entries(loadTags())
    .filter(([, tags]) => words.some((w) => tags.some((t) => t.toLowerCase() === w)))
    .map(([icon]) => icon)
  const scored = iconNames()
    .map((n) => [n, editDistance(name.toLowerCase(), n)] as const)
    .sort((a, b) => a[1] - b[1] || a[0].length - b[0].length)
    .filter(([, d]) => d <= Math.max(2, Math.ceil(name.length / 2)))
  // A typo (one letter off) first, then the icons tagged with the name's words, then the nearest names.
  const typos = scored.filter(([, d]) => d <= 1).map(([n]) => n)
  return [...new Set([...typos, ...tagged.slice(0, 2), ...scored.map(([n]) => n)])].slice(0, count)
}

// --- internal ---

function loadIcon(name: string): string {
  const cached = CACHE.get(name)
  if (cached) return cached
  if (!RE_NAME.test(name) || !iconNames().includes(name)) throw new UnknownIconError(name, closestIconNames(name))
  const raw = readFileSync(path.join(iconsDir(), `${name}.svg`), 'utf8')
  const svg = raw
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s*class="[^"]*"/, '')
    .replace(/\s*width="24"/, '')
    .replace(/\s*height="24"/, '')
    .replace(/\s+/g, ' ')
    .replace(/> </g, '><')
    .trim()
  CACHE.set(name, svg)
  return svg
}

function iconsDir(): string {
  const require = createRequire(path.join(PACKAGE_ROOT, 'package.json'))
  return path.join(path.dirname(require.resolve('lucide-static/package.json')), 'icons')
}

function loadTags(): Record<string, string[]> {
  try {
    return JSON.parse(readFileSync(path.join(iconsDir(), '..', 'tags.json'), 'utf8')) as Record<string, string[]>
  } catch {
    return {}
  }
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]!
}
