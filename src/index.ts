/**
 * diapo from code: what the README's "From code" section documents, and nothing of the file layout.
 *
 * - `build(options)`: a deck into its output folder (and its PDFs with `pdf: true`), as `diapo build`.
 * - `compileDeck`, `writeDeck`, `openBrowser`/`withBrowser` and `exportPdfs`: several decks printed by one
 *   browser session.
 * - `checkDeck(options)`: what `diapo check` reports, as a `CheckReport`.
 * - `DeckError` and `Diagnostic`: every mistake and warning, with its file, line and hint.
 *
 * Importing it does nothing: Puppeteer and Vite load only when a function needs them.
 */
export { type CheckReport, type CheckReportJson, type CheckRule, formatReport, formatReportJson } from './check/report.js'
export { type AfterWriteOutcome, buildInto, type BuildResult } from './commands/build/into.js'
export type { PdfOptions } from './commands/build/pdf.js'
export { type ProfileOutcome, buildProfiles, type ProfilesBuildOptions } from './commands/build/profiles.js'
export { build, type BuildOptions } from './commands/build/run.js'
export { type CheckOptions, checkDeck } from './commands/check/run.js'
export { type CompiledDeck, compileDeck, type CompileOptions } from './compile.js'
export { type Diagnostic, diagnosticJson, type DiagnosticJson, formatDiagnostic, type Severity } from './diagnostics.js'
export { DeckError, type DeckErrorCode, isDeckError, type SourceLocation } from './errors.js'
export type { BrowserOptions } from './export/browser.js'
export { type BrowserSession, openBrowser, type PageOptions, withBrowser } from './export/session.js'
export { exportPdfs, type ExportPdfsOptions, type ExportPdfsResult } from './export/pdf.js'
export { writeDeck } from './write.js'
