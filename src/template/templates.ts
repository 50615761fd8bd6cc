import Handlebars from 'handlebars'

import { DeckError } from '../errors.js'
import { t } from '../i18n/index.js'
import { findFences } from '../parse/split.js'
import { checkTemplate, type TemplateScope } from './template-check.js'

/** A template's source text and the file it comes from. */
export interface TemplateSource {
  file: string
  text: string
  /** 1-based file line of `text`'s first line (after front matter). */
  firstLine: number
}

/** What slides are rendered with: helpers, partials, and the names the strict checks know. */
export interface TemplateEnv {
  helpers: Record<string, Handlebars.HelperDelegate>
  partials: Record<string, TemplateSource>
}

/** A rendered template, and the source line of each of its lines. */
export interface RenderedTemplate {
  text: string
  /** `lines[i]` is the file line that produced line `i + 1` of `text`. */
  lines: number[]
}

const BUILTIN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log']
const RE_MARKER = /\uE000(\d+)\uE001/g
const RE_PLACEHOLDER = /\uE002(\d+)\uE003(\n*)/g

/**
 * Renders one slide file's Markdown body as a strict Handlebars template, before Markdown. Code spans
 * and fenced code are left as written; `\{{` writes `{{`. An unknown variable, helper or partial, or a
 * malformed expression, is a `DeckError` at its line in the file (or in the partial). The result
 * records the source line of every output line, so later errors still point at the right line.
 */
export function renderTemplate(source: TemplateSource, context: TemplateScope, env: TemplateEnv): RenderedTemplate {
  return createTemplateRenderer(env, context)(source, context)
}

/**
 * The same as `renderTemplate` for many files: helpers and partials are compiled once. `sample` is a
 * scope with the keys every file's scope has (partials are checked against it).
 */
export function createTemplateRenderer(
  env: TemplateEnv,
  sample: TemplateScope,
): (source: TemplateSource, context: TemplateScope) => RenderedTemplate {
  let instance: typeof Handlebars | undefined
  return (source, context) => {
    // Most slide files have no template at all: nothing to render, and their lines are their own.
    if (!source.text.includes('{{')) return { text: source.text, lines: source.text.split('\n').map((_, i) => i + source.firstLine) }
    instance ??= createInstance(sample, env)
    return renderWith(instance, source, context, env)
  }
}

// --- internal ---

function renderWith(instance: typeof Handlebars, source: TemplateSource, context: TemplateScope, env: TemplateEnv): RenderedTemplate {
  const { text, restore } = protectCode(source.text)
  const ast = parseTemplate(text, source)
  checkTemplate(ast, context, { helpers: helperNames(env), partials: Object.keys(env.partials) }, (message, line, hint) =>
    templateError(message, source, line, hint),
  )
  addLineMarkers(ast, source.firstLine)
  let output: string
  try {
    output = instance.compile(ast, compileOptions(env))(context)
  } catch (err) {
    throw toDeckError(err, source, text)
  }
  const mapped = collectLines(output, source.firstLine)
  return { text: restore(mapped.text), lines: mapped.lines }
}

function createInstance(context: TemplateScope, env: TemplateEnv): typeof Handlebars {
  const instance = Handlebars.create()
  instance.registerHelper(env.helpers)
  for (const [name, partial] of Object.entries(env.partials)) {
    // Compiled at its first use: compiling a template is the costly part, and most decks use few partials.
    let compiled: ((ctx: unknown, options: Handlebars.RuntimeOptions) => string) | undefined
    instance.registerPartial(name, ((ctx: unknown, options: Handlebars.RuntimeOptions) => {
      compiled ??= compilePartial(instance, partial, context, env)
      return compiled(ctx, options)
    }) as unknown as Handlebars.Template)
  }
  return instance
}

function compilePartial(
  instance: typeof Handlebars,
  partial: TemplateSource,
  context: TemplateScope,
  env: TemplateEnv,
): (ctx: unknown, options: Handlebars.RuntimeOptions) => string {
  const { text, restore } = protectCode(partial.text)
  const ast = parseTemplate(text, partial)
  const known = { helpers: helperNames(env), partials: Object.keys(env.partials), partial: true }
  checkTemplate(ast, context, known, (message, line, hint) => templateError(message, partial, line, hint))
  const template = instance.compile(ast, compileOptions(env))
  return (ctx, options) => {
    try {
      return restore(template(ctx, options))
    } catch (err) {
      throw toDeckError(err, partial, text)
    }
  }
}

function compileOptions(env: TemplateEnv): CompileOptions {
  return { strict: true, knownHelpers: Object.fromEntries(Object.keys(env.helpers).map((n) => [n, true])) }
}

type CompileOptions = Parameters<typeof Handlebars.compile>[1]

function helperNames(env: TemplateEnv): string[] {
  return [...BUILTIN_HELPERS, ...Object.keys(env.helpers)]
}

function parseTemplate(text: string, source: TemplateSource): hbs.AST.Program {
  try {
    return Handlebars.parse(text)
  } catch (err) {
    throw toDeckError(err, source, text)
  }
}

/**
 * Replaces fenced code blocks and code spans with placeholders that keep their line breaks, so that
 * Handlebars leaves them alone and line numbers do not move; `restore` puts them back.
 */
function protectCode(input: string): { text: string; restore: (output: string) => string } {
  const text = input.replace(/\r\n?/g, '\n')
  const segments: string[] = []
  const ranges = [...findFences(text), ...findCodeSpans(text)].sort((a, b) => a[0] - b[0])
  let out = ''
  let from = 0
  for (const [start, end] of ranges) {
    if (start < from) continue
    const code = text.slice(start, end)
    out += text.slice(from, start) + `\uE002${segments.length}\uE003` + '\n'.repeat(code.split('\n').length - 1)
    segments.push(code)
    from = end
  }
  out += text.slice(from)
  const restore = (output: string): string =>
    output.replace(RE_PLACEHOLDER, (_, i: string, newlines: string) => {
      const code = segments[Number(i)]!
      return code + newlines.slice(code.split('\n').length - 1)
    })
  return { text: out, restore }
}

/** Offsets of inline code spans (CommonMark: a run of backticks closed by a run of the same length). */
function findCodeSpans(text: string): [number, number][] {
  const fences = findFences(text)
  const spans: [number, number][] = []
  const runs = [...text.matchAll(/`+/g)].filter((m) => text[m.index - 1] !== '\\' && !fences.some(([s, e]) => m.index >= s && m.index < e))
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i]!
    const closeIndex = runs.findIndex((r, j) => j > i && r[0].length === open[0].length)
    if (closeIndex === -1) continue
    const close = runs[closeIndex]!
    const end = close.index + close[0].length
    if (/\n[ \t]*\n/.test(text.slice(open.index, end))) continue
    spans.push([open.index, end])
    i = closeIndex
  }
  return spans
}

/**
 * Puts a marker carrying the source line at the start of every line of template content (after each
 * line break, and where content starts a line). After rendering, each output line takes the line of
 * its leading marker, or of the last marker before it (lines a helper or partial produced).
 */
function addLineMarkers(node: unknown, firstLine: number): void {
  if (!node || typeof node !== 'object') return
  if (Array.isArray(node)) return node.forEach((n) => addLineMarkers(n, firstLine))
  const statement = node as hbs.AST.ContentStatement
  if (statement.type === 'ContentStatement') {
    // @types say `original` is strip flags; in the parser's AST it is the content's raw text.
    const original = statement.original as unknown as string
    const { value, loc } = statement
    // An emptied content (whitespace control took it all) still marks where the next line starts.
    const stripped = (statement as { rightStripped?: boolean }).rightStripped
    const offset = value === '' ? (stripped ? original.length : 0) : startOfValue(original, value)
    let line = loc.start.line + countNewlines(original.slice(0, offset))
    const atLineStart = offset === 0 ? loc.start.column === 0 : original[offset - 1] === '\n'
    let marked = atLineStart ? marker(line, firstLine) : ''
    for (const char of value) {
      marked += char
      if (char === '\n') marked += marker(++line, firstLine)
    }
    statement.value = marked
    return
  }
  for (const [key, child] of Object.entries(node)) if (key !== 'loc') addLineMarkers(child, firstLine)
}

function marker(templateLine: number, firstLine: number): string {
  return `\uE000${templateLine + firstLine - 1}\uE001`
}

/** Where Handlebars' whitespace control left `value` inside `original` (only whitespace is removed around it). */
function startOfValue(original: string, value: string): number {
  for (let i = 0; i <= original.length - value.length; i++) {
    if (original.startsWith(value, i)) return i
    if (!/\s/.test(original[i]!)) break
  }
  return 0
}

function collectLines(output: string, firstLine: number): RenderedTemplate {
  const lines: number[] = []
  let last = firstLine
  const text = output
    .split('\n')
    .map((line) => {
      const leading = /^(?:\uE000\d+\uE001)+/.exec(line)?.[0]
      const markers = [...line.matchAll(RE_MARKER)]
      lines.push(leading ? Number([...leading.matchAll(RE_MARKER)].at(-1)![1]) : last)
      if (markers.length > 0) last = Number(markers.at(-1)![1])
      return markers.length > 0 ? line.replace(RE_MARKER, '') : line
    })
    .join('\n')
  return { text, lines }
}

function countNewlines(text: string): number {
  return text.split('\n').length - 1
}

function templateError(message: string, source: TemplateSource, templateLine: number, hint?: string): DeckError {
  return new DeckError(message, 'E_TEMPLATE', {
    loc: { file: source.file, line: templateLine + source.firstLine - 1 },
    hint: hint ?? t('template.hint'),
  })
}

/** A Handlebars error (syntax, strict lookup, helper) as a `DeckError` at the template's line. */
function toDeckError(err: unknown, source: TemplateSource, text: string): DeckError {
  if (err instanceof DeckError) return err
  const e = err as { message?: string; lineNumber?: number; column?: number; hint?: string }
  const message = String(e.message ?? err)
  const parse = /^Parse error on line (\d+):[\s\S]*\n(Expecting [\s\S]*)$/.exec(message)
  if (parse) {
    return templateError(
      t('template.malformed', { expected: parse[2]!.replace(/'/g, '').slice(0, 160) }),
      source,
      Number(parse[1]),
      t('template.malformedHint'),
    )
  }
  const line = e.lineNumber ?? 1
  const strict = /^"([^"]+)" not defined in/.exec(message)
  if (strict) {
    const expression = expressionAt(text, line, e.column ?? 0) ?? strict[1]!
    return templateError(t('template.unknownVariable', { name: expression }), source, line, t('template.unknownVariableHint'))
  }
  return templateError(message.replace(/ - \d+:\d+$/, ''), source, line, e.hint)
}

function expressionAt(text: string, line: number, column: number): string | undefined {
  return /^[@\w./[\]-]+/.exec(text.split('\n')[line - 1]?.slice(column) ?? '')?.[0]
}
