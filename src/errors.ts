import path from 'node:path'

import type { Diagnostic } from './diagnostics.js'

/** Where something comes from in the user's sources: a file and a 1-based line. */
export interface SourceLocation {
  file: string
  line: number
  column?: number
}

export type DeckErrorCode =
  | 'E_DECK' // unreadable deck, empty folder
  | 'E_FRONTMATTER' // malformed YAML front matter
  | 'E_MARKDOWN' // a slide the parser cannot use
  | 'E_IMAGE' // a referenced local file is missing
  | 'E_THEME' // unknown theme
  | 'E_TEMPLATE' // Handlebars template problem
  | 'E_CONFIG' // association profile / config problem
  | 'E_BROWSER_NOT_FOUND'
  | 'E_EXPORT'
  | 'E_OUTPUT' // the output folder cannot be written (full disk, no permission)
  | 'E_USAGE'

/**
 * A mistake the user can fix. Anything else thrown is a bug in diapo.
 * `cli.ts` prints it as every diagnostic is (`toDiagnostic`, `formatDiagnostic`); `--debug` adds its stack and cause.
 */
export class DeckError extends Error {
  override name = 'DeckError'

  constructor(
    message: string,
    readonly code: DeckErrorCode,
    readonly detail: { loc?: SourceLocation; hint?: string; cause?: unknown; rule?: string } = {},
  ) {
    super(message, { cause: detail.cause })
  }

  /** The error as every report prints it; its rule is the code's (`E_IMAGE` → `image`) unless given. */
  toDiagnostic(): Diagnostic {
    const { loc, hint, rule } = this.detail
    return {
      severity: 'error',
      rule: rule ?? this.code.slice(2).toLowerCase().replaceAll('_', '-'),
      ...(loc ? { loc } : {}),
      message: this.message,
      ...(hint ? { hint } : {}),
    }
  }

  /** `slides/intro.md:42: message` with the path relative to `cwd`. */
  format(cwd = process.cwd()): string {
    const { loc, hint } = this.detail
    const where = loc ? `${formatLocation(loc, cwd)}: ` : ''
    return `${where}${this.message}${hint ? `\n  → ${hint}` : ''}`
  }
}

export function formatLocation(loc: SourceLocation, cwd = process.cwd()): string {
  return `${displayPath(loc.file, cwd)}:${loc.line}${loc.column ? `:${loc.column}` : ''}`
}

/** A path as messages show it: relative to `cwd` when inside it, else absolute. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file)
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file
}

export function isDeckError(err: unknown): err is DeckError {
  return err instanceof DeckError
}
