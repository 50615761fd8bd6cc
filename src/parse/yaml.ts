import { type Document, isScalar, LineCounter, parseDocument, visit, type YAMLError } from 'yaml'

import { DeckError, type DeckErrorCode } from '../errors.js'
import { t } from '../i18n/index.js'

/** A parsed YAML text and the way from an offset in it to a 1-based line and column. */
export interface ParsedYaml {
  doc: Document
  /** 1-based line and column, in the file, of an offset in the YAML text. */
  positionOf: (offset: number) => { line: number; column: number }
}

export interface YamlOptions {
  file: string
  code: DeckErrorCode
  /** 1-based file line of the YAML text's first line (front matter starts on line 2). */
  firstLine?: number
}

/** How many aliases (`*name`) a file may use: a few are normal, thousands are an "alias bomb". */
const MAX_ALIASES = 100

/**
 * Parses YAML written by a volunteer. A syntax slip is a `DeckError` at its own line and column, in
 * plain words, with the corrected line when the slip is a common one (an unquoted ":" or "#" or a value
 * starting with "*", a tab, a missing space after ":").
 */
export function parseYaml(text: string, options: YamlOptions): ParsedYaml {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter, logLevel: 'error' })
  const offsetLine = (options.firstLine ?? 1) - 1
  const positionOf = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(Math.min(Math.max(offset, 0), text.length))
    return { line: line + offsetLine, column: col }
  }
  const error = doc.errors[0]
  if (error) throw yamlSyntaxError(text, error, positionOf, options)
  const glued = gluedKeyLine(doc, text)
  if (glued !== undefined) {
    const { message, hint } = missingSpace(lineAt(text, glued))!
    throw new DeckError(message, options.code, { loc: { file: options.file, ...positionOf(glued) }, hint })
  }
  return { doc, positionOf }
}

/**
 * The plain data of a parsed YAML text. An alias to an anchor that does not exist (`title: *Atelier`,
 * or `**gras**`) or too many aliases is a `DeckError` at the alias's line.
 */
export function yamlToData(parsed: ParsedYaml, options: YamlOptions, text: string): unknown {
  try {
    return parsed.doc.toJS({ maxAliasCount: MAX_ALIASES })
  } catch (cause) {
    const alias = /\*([^\s,\]}]+)/.exec(text)
    const at = parsed.positionOf(alias?.index ?? 0)
    const line = lineText(text, at.line - ((options.firstLine ?? 1) - 1))
    throw new DeckError(
      String(cause).includes('Excessive alias count')
        ? t('yaml.tooManyAliases')
        : t('yaml.star', { alias: alias?.[0] ?? t('yaml.starIt') }),
      options.code,
      { loc: { file: options.file, ...at }, hint: quoteHint(line) ?? t('yaml.putInQuotes'), cause },
    )
  }
}

// --- internal ---

/**
 * `name: Amis` then `shortName:Amis` on the next line is valid YAML: with no space after its ":", the
 * second line continues the first value. The offset of such a line, if any.
 */
function gluedKeyLine(doc: Document, text: string): number | undefined {
  let found: number | undefined
  visit(doc, {
    Scalar(_, node) {
      if (found !== undefined || !isScalar(node) || node.type !== 'PLAIN' || !node.range) return
      const [start, end] = node.range
      let offset = text.indexOf('\n', start)
      while (offset !== -1 && offset < end) {
        const line = lineAt(text, offset + 1)
        if (missingSpace(line)) {
          found = offset + 1
          return visit.BREAK
        }
        offset = text.indexOf('\n', offset + 1)
      }
    },
  })
  return found
}

const RE_KEY_VALUE = /^(\s*(?:-\s+)?)([^\s:#'"][^:#]*?):[ \t]+(.+?)\s*$/
const RE_NO_SPACE_AFTER_COLON = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(\S.*)$/

function yamlSyntaxError(text: string, error: YAMLError, positionOf: ParsedYaml['positionOf'], options: YamlOptions): DeckError {
  let offset = error.pos[0]
  // An unclosed quote or bracket is only noticed where the next line starts: blame the line that opened it.
  if (error.code === 'MISSING_CHAR' && error.message.includes('quote')) {
    offset = openingQuoteLine(text, offset)
  } else if (
    (error.code === 'MISSING_CHAR' || error.code === 'BAD_INDENT') &&
    startsLine(text, offset) &&
    !RE_NO_SPACE_AFTER_COLON.test(lineAt(text, offset))
  ) {
    offset = previousContentLine(text, offset)
  }
  const at = positionOf(offset)
  const localLine = at.line - ((options.firstLine ?? 1) - 1)
  const line = lineText(text, localLine)
  const { message, hint } = explain(error, line)
  return new DeckError(message, options.code, { loc: { file: options.file, ...at }, hint, cause: error })
}

/** The slip in a volunteer's words, and how to write the line instead. */
function explain(error: YAMLError, line: string): { message: string; hint: string } {
  const noSpace = missingSpace(line)
  if (noSpace) return noSpace
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return {
        message: t('yaml.colon'),
        hint: quoteHint(line) ?? t('yaml.quoteIt'),
      }
    case 'TAB_AS_INDENT':
      return { message: t('yaml.tab'), hint: t('yaml.tabHint') }
    case 'DUPLICATE_KEY': {
      const key = /^\s*(?:-\s+)?([^:]+):/.exec(line)?.[1]?.trim()
      return {
        message: t('yaml.duplicateKey', { key: key ?? line.trim() }),
        hint: t('yaml.duplicateKeyHint'),
      }
    }
    case 'MISSING_CHAR':
      if (/["']/.test(line) && error.message.includes('closing')) {
        return { message: t('yaml.unclosedQuote'), hint: t('yaml.unclosedQuoteHint') }
      }
      break
    case 'BAD_INDENT':
    case 'UNEXPECTED_TOKEN':
      if (/[[{]/.test(line) && !/[\]}]\s*$/.test(line)) {
        const [open, close] = line.includes('[') ? ['[', ']'] : ['{', '}']
        return { message: t('yaml.unclosedBracket', { open }), hint: t('yaml.unclosedBracketHint', { close }) }
      }
      break
    default:
      break
  }
  return {
    message: t('yaml.unreadable', { reason: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') }),
    hint: t('yaml.unreadableHint'),
  }
}

/** `name:Amis` → `write: name: Amis` (not for `- http://…`, whose ":" needs no space). */
function missingSpace(line: string): { message: string; hint: string } | undefined {
  const parts = RE_NO_SPACE_AFTER_COLON.exec(line)
  if (!parts || parts[3]!.startsWith('//')) return undefined
  return { message: t('yaml.missingSpace', { key: parts[2]! }), hint: t('yaml.write', { line: `${parts[1]}${parts[2]}: ${parts[3]}` }) }
}

/** `place: Maison des assos: salle 2` → `write it in quotes: place: "Maison des assos: salle 2"`. */
function quoteHint(line: string): string | undefined {
  const parts = RE_KEY_VALUE.exec(line)
  if (!parts) return undefined
  const [, indent, key, value] = parts
  const quoted = `"${value!.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
  return t('yaml.quoteLine', { line: `${indent}${key}: ${quoted}` })
}

function lineText(text: string, line: number): string {
  return text.split(/\r?\n/)[line - 1] ?? ''
}

function lineAt(text: string, offset: number): string {
  const end = text.indexOf('\n', offset)
  return text.slice(offset, end === -1 ? undefined : end)
}

function startsLine(text: string, offset: number): boolean {
  return offset === 0 || offset >= text.length || text[offset - 1] === '\n'
}

/** The offset of the last non-blank line before the one that starts at `offset`. */
function previousContentLine(text: string, offset: number): number {
  let end = offset - 1
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1
    if (text.slice(start, end).trim() !== '') return start
    end = start - 1
  }
  return 0
}

/** The offset of the line, before `offset`, that leaves a quote open. */
function openingQuoteLine(text: string, offset: number): number {
  let start = 0
  for (const line of text.slice(0, offset).split('\n')) {
    if ((line.match(/"/g) ?? []).length % 2 === 1 || (/:\s*'/.test(line) && (line.match(/'/g) ?? []).length % 2 === 1)) return start
    start += line.length + 1
  }
  return previousContentLine(text, offset)
}
