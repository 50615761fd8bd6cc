import { isMap, isScalar, type Document, type Node } from 'yaml'
import type { z } from 'zod/mini'

import { DeckError, type DeckErrorCode } from '../errors.js'
import { type MessageKey, type MessageParams, t } from '../i18n/index.js'
import { type ParsedYaml, parseYaml, yamlToData } from '../parse/yaml.js'

/** A key path into YAML data, e.g. `['workshop', 'date']` or `['tools', 2, 'current']`. */
export type KeyPath = (string | number)[]

/** YAML data checked against a schema, with the line of every key for later errors. */
export interface LocatedData<T> {
  data: T
  file: string
  /** 1-based line of the value at `path` (of the closest parent that exists). */
  lineOf(path: KeyPath): number
  /** 1-based line of the key at `path` (the value's line when it has no key). */
  keyLineOf(path: KeyPath): number
}

export interface ValidateOptions {
  code: DeckErrorCode
  /** Shown under every error: what to read or do. */
  hint: string
}

/**
 * Parses YAML and checks it against a zod schema. The first problem is a `DeckError` at its line, in
 * words a volunteer can act on: `associations/x.yml:7: "workshop.date" ... ; write it YYYY-MM-DD`.
 */
export function parseYamlWithSchema<S extends z.ZodMiniType>(
  text: string,
  file: string,
  schema: S,
  options: ValidateOptions,
): LocatedData<z.infer<S>> {
  const yamlOptions = { file, code: options.code }
  const parsed = parseYaml(text, yamlOptions)
  const doc = parsed.doc
  const located = locate(doc, parsed.positionOf, file)
  const input: unknown = yamlToData(parsed, yamlOptions, text) ?? {}
  const result = schema.safeParse(input)
  if (!result.success) {
    const issues = result.error.issues
    const first = issues[0]!
    const more = issues.length > 1 ? t('validate.moreProblems', { count: issues.length - 1 }) : ''
    const unknownKey = first.code === 'unrecognized_keys' ? first.keys[0] : undefined
    const path = first.path.filter((p): p is string | number => typeof p !== 'symbol')
    const line = unknownKey !== undefined ? located.keyLineOf([...path, unknownKey]) : located.keyLineOf(path)
    const value = valueAt(input, path)
    const hint = slipHint(first, value, text.split(/\r?\n/)[line - 1] ?? '') ?? options.hint
    throw new DeckError(`${describeIssue(first, path, schema, value)}${more}`, options.code, { loc: { file, line }, hint })
  }
  return { ...located, data: result.data }
}

/** A zod message in the user's language, looked up when the problem is reported (never at import time). */
export function say<K extends MessageKey>(key: K, ...params: MessageParams<K>): { error: () => string } {
  return { error: () => t(key, ...params) }
}

/** `['tools', 2, 'current']` → `tools[3].current` (lists counted from 1, as people do). */
export function formatKeyPath(path: KeyPath): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part + 1}]` : out ? `${out}.${part}` : part), '')
}

/** Same as `parseYamlWithSchema`, for a value that is not in any file yet. */
export function locateNothing<T>(data: T, file: string): LocatedData<T> {
  return { data, file, lineOf: () => 1, keyLineOf: () => 1 }
}

// --- internal ---

function locate(doc: Document, positionOf: ParsedYaml['positionOf'], file: string): Omit<LocatedData<unknown>, 'data'> {
  const lineAt = (offset: number | undefined): number => (offset === undefined ? 1 : positionOf(offset).line)
  const nearest = (path: KeyPath): { node?: Node; key?: Node } => {
    for (let n = path.length; n >= 0; n--) {
      const parent = n > 0 ? doc.getIn(path.slice(0, n - 1), true) : undefined
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined
      if (node || n === 0) {
        const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === path[n - 1]) : undefined
        return { node: node ?? (doc.contents as Node | undefined), key: n === path.length ? (pair?.key as Node | undefined) : undefined }
      }
    }
    return {}
  }
  return {
    file,
    lineOf: (path) => lineAt(nearest(path).node?.range?.[0]),
    keyLineOf: (path) => {
      const found = nearest(path)
      return lineAt((found.key ?? found.node)?.range?.[0])
    },
  }
}

/**
 * The fix for a slip that YAML reads without complaint but into the wrong kind of value: a colour after
 * an unquoted "#" (the rest of the line is a comment), a list written on one line as text.
 */
function slipHint(issue: z.core.$ZodIssue, value: unknown, line: string): string | undefined {
  if (issue.code !== 'invalid_type') return undefined
  const key = /^(\s*(?:-\s+)?[^:#]+):/.exec(line)?.[1]
  if (value === null && key && /:\s+#/.test(line)) {
    const rest = line.slice(line.indexOf('#')).trim()
    return t('validate.hashHint', { key: key.trim(), rest })
  }
  if (issue.expected === 'array' && typeof value === 'string') {
    const items = value.startsWith('-') ? value.split(/\s+-(?=\S)|^-/).filter(Boolean) : value.split(/\s*,\s*/)
    const indent = /^\s*/.exec(line)![0]
    const example = [`${key?.trim() ?? 'key'}:`, ...items.slice(0, 3).map((item) => `  - ${item.trim()}`)].map((l) => `      ${indent}${l}`)
    return t('validate.listHint', { example: example.join('\n') })
  }
  return undefined
}

/** zod's type names, in a volunteer's words. */
const EXPECTED = ['object', 'array', 'string', 'number', 'boolean'] as const

function expected(type: string): string {
  return (EXPECTED as readonly string[]).includes(type) ? t(`validate.expected.${type as (typeof EXPECTED)[number]}`) : type
}

function valueAt(data: unknown, path: KeyPath): unknown {
  return path.reduce<unknown>((v, part) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined), data)
}

function describeIssue(issue: z.core.$ZodIssue, path: KeyPath, schema: z.ZodMiniType, input: unknown): string {
  const where = formatKeyPath(path)
  const label = where ? `"${where}"` : t('validate.theFile')
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = keysAt(schema, path)
      return t('validate.unknownKey', { key: String(issue.keys[0]), inside: where, allowed: allowed.join(', ') })
    }
    case 'invalid_type':
      if (input === undefined) return t('validate.missing', { label })
      if (issue.message.startsWith('Invalid input'))
        return t('validate.mustBe', { label, expected: expected(issue.expected), got: describeValue(input) })
      return t('validate.wrong', { label, problem: issue.message, got: describeValue(input) })
    default:
      return t('validate.issue', { label, problem: issue.message })
  }
}

function describeValue(value: unknown): string {
  if (value === null) return t('validate.value.empty')
  if (Array.isArray(value)) return t('validate.value.list')
  if (typeof value === 'object') return t('validate.value.group')
  if (typeof value === 'string') return t('validate.value.text', { text: JSON.stringify(value) })
  if (typeof value === 'number') return t('validate.value.number', { value: String(value) })
  // YAML leaves booleans (and a missing value): anything else is named by its kind, never "[object Object]".
  return t('validate.value.other', { value: typeof value === 'boolean' || value === undefined ? String(value) : typeof value })
}

/** Keys an object schema accepts at `path` (for "expected one of"). */
function keysAt(schema: z.ZodMiniType, path: KeyPath): string[] {
  let current: unknown = schema
  for (const part of [...path, undefined]) {
    current = unwrap(current)
    if (part === undefined) break
    const def = (current as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def
    current = typeof part === 'number' ? def?.element : def?.shape?.[part]
  }
  const shape = (current as { def?: { shape?: Record<string, unknown> } } | undefined)?.def?.shape
  return shape ? Object.keys(shape) : []
}

function unwrap(schema: unknown): unknown {
  let s = schema as { def?: { type?: string; innerType?: unknown; out?: unknown } } | undefined
  while (s?.def && ['optional', 'default', 'nullable', 'pipe'].includes(s.def.type ?? '')) {
    // A pipe (`z.preprocess`) checks its value with its `out` schema.
    s = (s.def.type === 'pipe' ? s.def.out : s.def.innerType) as typeof s
  }
  return s
}
