// The two structure rules of src/ that no linter checks, run by `npm run verify`:
// - no file over MAX_LINES lines (a file that size holds more than one concern);
// - no import circle among src/'s modules. Type-only imports (`import type`, `export type`, or every
//   name marked `type`) are left out: they vanish from the built code and order nothing at run time.
// Each offender is printed as `file:line: what is wrong`, then what to do; the exit code is 1 if any.
// Usage: node scripts/check-structure.mjs [folder]   (default: src)
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const MAX_LINES = 350
const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

const dir = path.resolve(process.argv[2] ?? path.join(ROOT, 'src'))
const files = listFiles(dir)
const modules = new Set(files.filter((f) => /\.[cm]?ts$/.test(f) && !f.endsWith('.d.ts')))
const tooLong = checkSizes(files)
const circles = checkCycles(modules)
for (const p of [...tooLong, ...circles]) console.error(`${p}\n`)
console.log(
  `check-structure: ${files.length} files in ${show(dir)}, ${tooLong.length} over ${MAX_LINES} lines, ` +
    `${circles.length} import circle(s) among ${modules.size} modules (type-only imports left out)`,
)
process.exitCode = tooLong.length + circles.length === 0 ? 0 : 1

// --- internal ---

function listFiles(folder) {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(folder, e.name)) : [path.join(folder, e.name)]))
    .sort()
}

/** A path as the user reads it: relative to the current folder. */
function show(file) {
  return path.relative(process.cwd(), file) || '.'
}

function checkSizes(all) {
  return all.flatMap((file) => {
    const text = readFileSync(file, 'utf8')
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0)
    if (lines <= MAX_LINES) return []
    return [
      `${show(file)}:${MAX_LINES + 1}: ${lines} lines, over the limit of ${MAX_LINES}\n` +
        `  Split it by concern: move a group of functions that work together (with their types) into a module of its own ` +
        `beside it, and import that from here.`,
    ]
  })
}

function checkCycles(all) {
  const graph = new Map([...all].map((file) => [file, runtimeImports(file)]))
  return stronglyConnected(graph).map((component) => describeCycle(component, graph))
}

/** The src files this module loads at run time: `{ target, line, spec }` for each relative import or re-export. */
function runtimeImports(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const found = []
  const add = (specifier) => {
    const target = resolveImport(file, specifier.text)
    const line = source.getLineAndCharacterOfPosition(specifier.getStart()).line + 1
    if (target) found.push({ target, line, spec: specifier.text })
  }
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      if (!isTypeOnly(node)) add(node.moduleSpecifier)
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments
      if (arg && ts.isStringLiteralLike(arg)) add(arg)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

function isTypeOnly(node) {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause
    if (!clause) return false // `import './x.js'`: loaded for its effects
    if (clause.isTypeOnly) return true
    const named = clause.namedBindings
    return (
      !clause.name &&
      named !== undefined &&
      ts.isNamedImports(named) &&
      named.elements.length > 0 &&
      named.elements.every((e) => e.isTypeOnly)
    )
  }
  if (node.isTypeOnly) return true
  const clause = node.exportClause
  return clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly)
}

/** `./x.js` written in a .ts file names `./x.ts` (NodeNext); undefined for packages and files outside the graph. */
function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return undefined
  const base = path.resolve(path.dirname(from), spec)
  const candidates = [base.replace(/\.([cm]?)js$/, '.$1ts'), base, `${base}.ts`, path.join(base, 'index.ts')]
  return candidates.find((c) => modules.has(c))
}

/** Tarjan's algorithm: the groups of modules that reach each other (each group is one or more circles). */
function stronglyConnected(graph) {
  const index = new Map()
  const low = new Map()
  const stack = []
  const onStack = new Set()
  const groups = []
  let next = 0
  const visit = (node) => {
    index.set(node, next)
    low.set(node, next++)
    stack.push(node)
    onStack.add(node)
    for (const { target } of graph.get(node)) {
      if (!index.has(target)) {
        visit(target)
        low.set(node, Math.min(low.get(node), low.get(target)))
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node), index.get(target)))
    }
    if (low.get(node) !== index.get(node)) return
    const group = []
    let member
    do {
      member = stack.pop()
      onStack.delete(member)
      group.push(member)
    } while (member !== node)
    const selfImport = graph.get(node).some((e) => e.target === node)
    if (group.length > 1 || selfImport) groups.push(group.sort())
  }
  for (const node of graph.keys()) if (!index.has(node)) visit(node)
  return groups
}

/** One circle through the group, each step with the line of its import, and what to do. */
function describeCycle(group, graph) {
  const members = new Set(group)
  const start = group[0]
  const steps = []
  const seen = new Set()
  let node = start
  // Follow edges inside the group until a module comes round again: that loop is a circle.
  while (!seen.has(node)) {
    seen.add(node)
    const edge =
      graph.get(node).find((e) => members.has(e.target) && (e.target === start || !seen.has(e.target))) ??
      graph.get(node).find((e) => members.has(e.target))
    steps.push({ from: node, ...edge })
    node = edge.target
  }
  const circle = steps.slice(steps.findIndex((s) => s.from === node))
  const [first] = circle
  const others = group.length > circle.length ? ` (${group.length} modules reach each other: ${group.map(show).join(', ')})` : ''
  return (
    `${show(first.from)}:${first.line}: import circle: ${[...circle.map((s) => show(s.from)), show(first.from)].join(' → ')}${others}\n` +
    circle.map((s) => `  ${show(s.from)}:${s.line} imports '${s.spec}'\n`).join('') +
    `  Break it at one of these imports: move what both sides use into a module of its own that imports neither, ` +
    `or, if only types cross, write \`import type\`.`
  )
}
