/** What every command of the CLI gets. */
export interface CliContext {
  /** Working folder: relative paths in arguments and in messages are relative to it. */
  cwd: string
}

/** Default deck: the association's workshop talk, shipped in slides/. */
export const DEFAULT_DECK = 'slides'
export const DEFAULT_OUT = 'dist'
