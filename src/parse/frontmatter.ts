import { parseDocument } from 'yaml'

import { DeckError } from '../errors.js'
import { parseYaml, yamlToData } from './yaml.js'
import { t } from '../i18n/index.js'

export interface FrontMatter {
  data: Record<string, unknown>
  /** The text after the front matter. */
  body: string
  /** 1-based line of `body`'s first line in the file. */
  bodyLine: number
}

const RE_OPEN = /^\uFEFF?---[ \t]*\r?\n/
const RE_CLOSE = /^(?:---|\.\.\.)[ \t]*$/m
/**
 * What front matter begins with: blank or `#` comment lines, then a `key:` line (a word, or a quoted
 * key), or its end. Anything else after a first line `---` (a heading, text, an image) is a slide.
 */
const RE_YAML_START = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*(?:[\w"'$][^\n:]*:(?:[ \t]|\r?\n|$)|(?:---|\.\.\.)[ \t]*(?:\r?\n|$))/

/**
 * Splits YAML front matter (between a first line `---` and a line `---` or `...`) from a Markdown file.
 * A file without front matter gives `{}`. Malformed YAML is a `DeckError` located at the faulty line.
 */
export function parseFrontMatter(text: string, file: string): FrontMatter {
  const open = RE_OPEN.exec(text)
  if (!open) return { data: {}, body: text.replace(/^\uFEFF/, ''), bodyLine: 1 }

  const rest = text.slice(open[0].length)
  // A first line `---` followed by slides is a leading slide separator (reveal.js then shows an empty
  // first slide): front matter starts with a `key:` line (or a YAML comment, then one).
  if (!RE_YAML_START.test(rest)) return { data: {}, body: text.replace(/^\uFEFF/, ''), bodyLine: 1 }
  const close = RE_CLOSE.exec(rest)
  if (!close) {
    throw new DeckError(t('frontMatter.unclosed'), 'E_FRONTMATTER', {
      loc: { file, line: 1 },
      hint: t('frontMatter.unclosedHint'),
    })
  }
  const yamlText = rest.slice(0, close.index)
  // Between two `---` lines, text that YAML reads as nothing but comments (`# Title`) is a first slide
  // after a leading separator, not front matter: keep it as Markdown rather than lose it.
  if (yamlText.trim() !== '' && parseDocument(yamlText).contents === null) {
    return { data: {}, body: text.replace(/^\uFEFF/, ''), bodyLine: 1 }
  }
  const afterClose = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '')
  const yamlLines = countLines(yamlText)
  const data = parseYamlMapping(yamlText, file, 2)
  return { data, body: afterClose, bodyLine: 2 + yamlLines + 1 }
}

/**
 * Parses YAML that must be a mapping (or empty). `firstLine` is the file line of the YAML's first line,
 * so errors point at the right place in the file.
 */
export function parseYamlMapping(yamlText: string, file: string, firstLine = 1): Record<string, unknown> {
  const options = { file, code: 'E_FRONTMATTER', firstLine } as const
  const data = yamlToData(parseYaml(yamlText, options), options, yamlText)
  if (data == null) return {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new DeckError(t('frontMatter.notMapping'), 'E_FRONTMATTER', {
      loc: { file, line: firstLine },
      hint: t('frontMatter.notMappingHint'),
    })
  }
  return data as Record<string, unknown>
}

/**
 * 1-based file line of a top-level `key:` in a source's front matter, for errors about its value;
 * 1 (the front matter's start) when the key is not written there.
 */
export function frontMatterLine(source: { text: string }, key: string): number {
  return frontMatterKeyLine(source.text, key)
}

/** Same as `frontMatterLine`, on a file's text. */
export function frontMatterKeyLine(text: string, key: string): number {
  if (!RE_OPEN.test(text)) return 1
  const lines = text.split(/\r?\n/)
  for (let i = 1; i < lines.length && !RE_CLOSE.test(lines[i]!); i++) {
    if (lines[i]!.startsWith(`${key}:`) || lines[i]!.startsWith(`"${key}":`)) return i + 1
  }
  return 1
}

// --- internal ---

function countLines(text: string): number {
  if (text === '') return 0
  return text.split(/\r?\n/).length - (text.endsWith('\n') ? 1 : 0)
}
