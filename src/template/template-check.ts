import { t } from '../i18n/index.js'

/** What slides see at the top of a template: `asso`, `deck`, and the diagnostic. */
export type TemplateScope = Record<string, unknown>

export interface KnownNames {
  helpers: string[]
  partials: string[]
  /**
   * A partial runs in whatever context it is included from (e.g. inside `{{#each}}`): only paths that
   * name a top-level key (`asso.x`, `@root.x`) can be checked there.
   */
  partial?: boolean
}

/** Reports a problem at a 1-based line of the template. */
export type Report = (message: string, line: number, hint?: string) => Error

/** Blocks whose content runs with another context (`this` changes), so `asso` is no longer at depth 0. */
const CONTEXT_HELPERS = new Set(['each', 'with'])

/**
 * Checks a parsed template before it runs, where Handlebars' own strict mode is silent or vague: an
 * unknown partial or helper, and a variable of `asso`/`deck` that does not exist, even inside
 * `{{#if ...}}` (where strict mode would quietly make it false). Throws the first problem.
 */
export function checkTemplate(ast: hbs.AST.Program, scope: TemplateScope, known: KnownNames, report: Report): void {
  walk(ast, { depth: 0, blockParams: [] }, { scope, known, report })
}

// --- internal ---

interface Where {
  /** How many context-changing blocks enclose the node. */
  depth: number
  blockParams: string[]
}

interface Checker {
  scope: TemplateScope
  known: KnownNames
  report: Report
}

type AnyNode = hbs.AST.Node & Record<string, unknown>

function walk(node: unknown, where: Where, c: Checker): void {
  if (!node || typeof node !== 'object') return
  if (Array.isArray(node)) return node.forEach((n) => walk(n, where, c))
  const n = node as AnyNode
  switch (n.type) {
    case 'Program':
      return walk(n.body, { ...where, blockParams: [...where.blockParams, ...((n.blockParams as string[] | undefined) ?? [])] }, c)
    case 'MustacheStatement':
    case 'SubExpression':
      return checkCall(n, where, c, n.type === 'SubExpression')
    case 'BlockStatement':
      return checkBlock(n, where, c)
    case 'PartialStatement':
    case 'PartialBlockStatement':
      return checkPartial(n, where, c)
    case 'PathExpression':
      return checkPath(n as unknown as hbs.AST.PathExpression, where, c)
    case 'Hash':
      return walk(
        (n.pairs as hbs.AST.HashPair[]).map((p) => p.value),
        where,
        c,
      )
    default:
      return
  }
}

function checkCall(n: AnyNode, where: Where, c: Checker, isSubExpression: boolean): void {
  const path = n.path as hbs.AST.PathExpression
  const params = n.params as hbs.AST.Expression[]
  const isHelper = params.length > 0 || !!n.hash || isSubExpression
  if (path.type === 'PathExpression' && c.known.helpers.includes(path.original)) {
    // a helper, with or without arguments
  } else if (isHelper) {
    throw c.report(
      t('template.unknownHelper', { name: path.original }),
      line(n),
      t('template.helpers', { names: c.known.helpers.join(', ') }),
    )
  } else {
    walk(path, where, c)
  }
  walk(params, where, c)
  walk(n.hash, where, c)
}

function checkBlock(n: AnyNode, where: Where, c: Checker): void {
  const path = n.path as hbs.AST.PathExpression
  const params = n.params as hbs.AST.Expression[]
  const helper = c.known.helpers.includes(path.original)
  if (!helper && (params.length > 0 || n.hash)) {
    throw c.report(
      t('template.unknownBlock', { name: path.original }),
      line(n),
      t('template.blockHelpers', { names: c.known.helpers.join(', ') }),
    )
  }
  if (!helper) walk(path, where, c)
  walk(params, where, c)
  walk(n.hash, where, c)
  const changes = !helper || CONTEXT_HELPERS.has(path.original)
  walk(n.program, changes ? { ...where, depth: where.depth + 1 } : where, c)
  walk(n.inverse, where, c)
}

function checkPartial(n: AnyNode, where: Where, c: Checker): void {
  const name = n.name as hbs.AST.PathExpression | hbs.AST.SubExpression
  if (name.type === 'PathExpression' && !c.known.partials.includes(name.original) && name.original !== '@partial-block') {
    const available = c.known.partials.length > 0 ? c.known.partials.join(', ') : 'none'
    throw c.report(t('template.unknownPartial', { name: name.original }), line(n), t('template.partialsHint', { available }))
  }
  walk(n.params, where, c)
  walk(n.hash, where, c)
  walk(n.program, where, c)
}

function checkPath(path: hbs.AST.PathExpression, where: Where, c: Checker): void {
  let parts: string[]
  if (path.data) {
    if (path.parts[0] !== 'root') return
    parts = path.parts.slice(1)
  } else {
    if (path.depth !== where.depth || path.parts.length === 0) return
    if (where.depth === 0 && where.blockParams.includes(path.parts[0]!)) return
    if (c.known.partial && !Reflect.has(c.scope, path.parts[0]!)) return
    parts = path.parts
  }
  let value: unknown = c.scope
  for (const [i, part] of parts.entries()) {
    if (value === null || typeof value !== 'object' || !(part in value)) {
      const known = value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : []
      const prefix = parts.slice(0, i).join('.')
      const hint =
        known.length > 0 ? t('template.knownHere', { names: known.map((k) => (prefix ? `${prefix}.${k}` : k)).join(', ') }) : undefined
      throw c.report(t('template.unknownVariable', { name: path.original }), line(path), hint)
    }
    value = (value as Record<string, unknown>)[part]
  }
}

function line(n: hbs.AST.Node): number {
  return n.loc?.start.line ?? 1
}
