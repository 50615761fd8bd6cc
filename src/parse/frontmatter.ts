import { parseDocument } from 'yaml'

import { DeckError } from '../errors.js'

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
    throw new DeckError('front matter opened with "---" is never closed', 'E_FRONTMATTER', {
      loc: { file, line: 1 },
      hint: 'end the front matter with a line "---", or remove the first line if it was meant as a slide separator',
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
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true })
  const err = doc.errors[0]
  if (err) {
    const line = errorLine(yamlText, err.pos[0], err.code) + firstLine - 1
    throw new DeckError(`malformed YAML: ${firstSentence(err.message)}`, 'E_FRONTMATTER', {
      loc: { file, line },
      hint: 'check the indentation, and put quotes around values that contain ":" or "#"',
      cause: err,
    })
  }
  const data: unknown = doc.toJS()
  if (data == null) return {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new DeckError('front matter must be a list of "key: value" lines', 'E_FRONTMATTER', {
      loc: { file, line: firstLine },
      hint: 'write for example "title: Mon atelier"',
    })
  }
  return data as Record<string, unknown>
}

/**
 * 1-based file line of a top-level `key:` in a file's front matter, for errors about its value;
 * 1 (the front matter's start) when the key is not written there.
 */
export function frontMatterKeyLine(text: string, key: string): number {
  if (!RE_OPEN.test(text)) return 1
  const lines = text.split(/\r?\n/)
  for (let i = 1; i < lines.length && !RE_CLOSE.test(lines[i]!); i++) {
    if (lines[i]!.startsWith(`${key}:`) || lines[i]!.startsWith(`"${key}":`)) return i + 1
  }
  return 1
}

// --- internal ---

/**
 * 1-based line of a YAML error. `linePos` is only filled with `prettyErrors`, so count from the offset.
 * An unclosed `[`, `{` or quote is only noticed on the next line: blame the line that opened it.
 */
function errorLine(yamlText: string, offset: number, code: string): number {
  let line = countLines(yamlText.slice(0, offset) + 'x')
  const atLineStart = offset === 0 || yamlText[offset - 1] === '\n' || offset >= yamlText.length
  if ((code === 'BAD_INDENT' || code === 'MISSING_CHAR') && atLineStart) {
    const lines = yamlText.split(/\r?\n/)
    do line -= 1
    while (line > 1 && lines[line - 1]!.trim() === '')
  }
  return Math.max(line, 1)
}

function countLines(text: string): number {
  if (text === '') return 0
  return text.split(/\r?\n/).length - (text.endsWith('\n') ? 1 : 0)
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}
