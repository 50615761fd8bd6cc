/**
 * diapo's messages in English: the reference catalogue (`fr.ts` must have the same keys and parameters).
 * Keys are grouped by the stage that says them; keep each group's keys together, in the order of the code.
 */

/** `1 slide`, `2 slides`. */
const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`
/** `Install…` → `install…`, for advice that follows a `;`. */
const lowerFirst = (text: string): string => text.replace(/^./, (c) => c.toLowerCase())

export const en = {
  // --- printing (diagnostics.ts, log.ts, cli.ts) ---
  'severity.error': 'error',
  'severity.warning': 'warning',
  'location.slide': (p: { slide: number }) => `slide ${p.slide}`,
  'cli.bug': 'this is a bug in diapo; please report it with the command you ran and the output above',
  'cli.langUnknown': (p: { value: string }) => `unknown language "${p.value}"`,
  'cli.langHint': 'use --lang fr or --lang en',

  // --- the browser and the PDFs (export/, check/measure.ts) ---
  'browser.embeddedPackage': 'npm package @sparticuz/chromium',
  'browser.embeddedMissing': (p: { label: string }) => `the embedded browser (${p.label}) is not installed`,
  'browser.givenMissing': (p: { source: string }) => `the browser given by ${p.source} does not exist`,
  'browser.givenMissingHint': (p: { source: string }) => `check the path ${p.source} gives, or leave ${p.source} out to let diapo choose`,
  'browser.noneFound': 'no Chromium, Chrome or Edge found',
  'browser.notFoundHint': (p: { first?: string; install: string; tried: string }) => {
    const advice = `${p.install}, or set CHROME_PATH to its executable`
    return `${p.first ? `${p.first}; else ${lowerFirst(advice)}` : advice}. Tried: ${p.tried}`
  },
  'browser.installMac': 'install Google Chrome (https://www.google.com/chrome/) or Microsoft Edge, or Chromium with Homebrew: "brew install --cask chromium"',
  'browser.installWindows': 'install Google Chrome (https://www.google.com/chrome/) or Microsoft Edge (https://www.microsoft.com/edge)',
  'browser.installLinux':
    'install Chromium (Debian/Ubuntu: "sudo apt-get install chromium-headless-shell", the fastest for PDFs, or "sudo apt-get install chromium"; Fedora: "sudo dnf install chromium") or Google Chrome',
  'browser.installLinuxOnlyX64': (p: { install: string }) => `${p.install} (diapo's embedded Chromium runs on Linux x64 only)`,
  'browser.installEmbedded': (p: { label: string; install: string }) =>
    `run "npm install" in diapo's folder without --omit=optional (it brings the embedded Chromium, ${p.label}), or ${p.install}`,
  'browser.embedded': (p: { version: string; label: string; dir: string }) => `embedded Chromium ${p.version} (${p.label}, in ${p.dir})`,
  'browser.headlessShell': 'Chromium headless shell',
  'browser.cannotStart': (p: { path: string }) => `could not start the browser ${p.path}`,
  'browser.cannotStartHint': 'check that it runs (try it with --version), or point CHROME_PATH to another Chromium, Chrome or Edge',
  'page.notReady': (p: { what: string; seconds: number }) => `${p.what}: the page was not ready after ${p.seconds} s`,
  'page.notReadyHint': 'a slide may load something that never finishes (a script, a video); fix it, or allow more time with --timeout (in seconds)',
  'pdf.slideNotReady': (p: { seconds: number; why: string; what: string }) => `this slide was not ready after ${p.seconds} s (${p.why}): ${p.what} was not printed`,
  'pdf.slideNotReadyHint': 'fix or remove what never finishes on this slide, or allow more time with --timeout (in seconds)',
  'pdf.mediaNeverLoaded': 'an image, video or sound that never finished loading',
  'pdf.pageHung': 'the page stopped answering: this slide has a script, which may never end',
  'pdf.missingGlyphs': (p: { list: string; count: number }) =>
    p.count > 1
      ? `${p.list} are not in the deck's fonts: the PDFs draw them in a system font; write them otherwise (-> for an arrow) or use an image`
      : `${p.list} is not in the deck's fonts: the PDFs draw it in a system font; write it otherwise (-> for an arrow) or use an image`,
  'pdf.slideTooTall': (p: { file: string }) => `the slide is taller than its frame; its end is cut in ${p.file}`,
  'pdf.requestBlocked': (p: { url: string }) => `a request outside the deck's folder was blocked: ${p.url}`,
  'pdf.pageCount': (p: { file: string; pages: number; slides: number }) => `${p.file} has ${p.pages} pages for ${p.slides} slides`,
  'pdf.handoutTextCut': "the attendees' text is too long for the handout and is cut; shorten it",
  'pdf.notesCut': 'the notes are too long for notes.pdf and are cut; shorten them or split the slide',
  'progress.browser': (p: { browser: string; unpacking: boolean }) => `browser: ${p.browser}${p.unpacking ? ' — unpacking it, once, takes a few seconds' : ''}`,
  'progress.loading': 'loading…',
  'progress.printing': (p: { pages?: number }) => (p.pages ? `printing ${p.pages} pages…` : 'printing…'),
  'progress.done': (p: { pdf: string; pages: number; seconds: string }) => `${p.pdf}: ${p.pages} pages (${p.seconds} s)`,
  'measure.deck': 'the deck',
  'measure.notStarted': (p: { seconds: number; scriptError?: string }) =>
    `the deck did not start in the browser within ${p.seconds} s: it would show a blank page${p.scriptError ? ` (script error: ${p.scriptError})` : ''}`,
  'measure.notStartedHint': 'a slide may run a script that never ends or fails, or load something that never finishes; remove it, and build again',

  // --- check's summary (check/report.ts) ---
  'check.summaryClean': (p: { deck: string; slides: number }) => `${p.deck}: ${count(p.slides, 'slide', 'slides')}, no problem found`,
  'check.summary': (p: { deck: string; slides: number; errors: number; warnings: number }) =>
    `${p.deck}: ${count(p.slides, 'slide', 'slides')}, ${count(p.errors, 'error', 'errors')}, ${count(p.warnings, 'warning', 'warnings')}`,
}

export type Messages = typeof en
