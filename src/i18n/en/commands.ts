/** What the tool says about itself: printing, the browser and the PDFs, check's summary, the commands. */
import { count, lowerFirst } from './words.js'

export const commands = {
  // --- printing (diagnostics.ts, log.ts, cli.ts) ---
  'severity.error': 'error',
  'severity.warning': 'warning',
  'location.slide': (p: { slide: number }) => `slide ${p.slide}`,
  'write.runtimeMissing': 'the deck runtime is missing from the diapo package',
  'write.runtimeMissingHint': 'run "npm run compile" (or "npm install") in the diapo folder',
  'singleFile.cannotInline': (p: { name: string }) => `${p.name} cannot be inlined into the single-file deck`,
  'cli.bug': 'this is a bug in diapo; please report it with the command you ran and the output above',
  'cli.langUnknown': (p: { value: string }) => `unknown language "${p.value}"`,
  'cli.langHint': 'use --lang fr or --lang en',
  'interrupt.SIGINT': 'interrupted (Ctrl-C)',
  'interrupt.SIGTERM': 'stopped (SIGTERM)',
  'interrupt.SIGHUP': 'stopped (the terminal was closed)',
  'interrupt.stopped': (p: { why: string }) => `${p.why}: diapo stopped; the output folder keeps what the last complete build wrote`,

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
  'browser.installMac':
    'install Google Chrome (https://www.google.com/chrome/) or Microsoft Edge, or Chromium with Homebrew: "brew install --cask chromium"',
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
  'page.notReadyHint':
    'a slide may load something that never finishes (a script, a video); fix it, or allow more time with --timeout (in seconds)',
  'pdf.slideNotReady': (p: { seconds: number; why: string; what: string }) =>
    `this slide was not ready after ${p.seconds} s (${p.why}): ${p.what} was not printed`,
  'pdf.slideNotReadyHint': 'fix or remove what never finishes on this slide, or allow more time with --timeout (in seconds)',
  'pdf.mediaNeverLoaded': 'an image, video or sound that never finished loading',
  'pdf.pageHung': 'the page stopped answering: this slide has a script, which may never end',
  'pdf.missingGlyphs': (p: { list: string; count: number }) =>
    p.count > 1
      ? `${p.list} are not in the deck's fonts: the PDFs draw them in a system font; write them otherwise (-> for an arrow) or use an image`
      : `${p.list} is not in the deck's fonts: the PDFs draw it in a system font; write it otherwise (-> for an arrow) or use an image`,
  'pdf.slideTooTall': (p: { file: string }) => `the slide is taller than its frame; its end is cut in ${p.file}`,
  'pdf.requestBlocked': (p: { pdf: string; url: string }) => `${p.pdf}: a request outside the deck's folder was blocked: ${p.url}`,
  'pdf.pageCount': (p: { file: string; pages: number; slides: number }) => `${p.file} has ${p.pages} pages for ${p.slides} slides`,
  'pdf.handoutTextCut': "the attendees' text is too long for the handout and is cut; shorten it",
  'pdf.notesCut': 'the notes are too long for notes.pdf and are cut; shorten them or split the slide',
  'progress.browser': (p: { browser: string; unpacking: boolean }) =>
    `browser: ${p.browser}${p.unpacking ? ' — unpacking it, once, takes a few seconds' : ''}`,
  'progress.loading': 'loading…',
  'progress.printing': (p: { pages?: number }) => (p.pages ? `printing ${p.pages} pages…` : 'printing…'),
  'progress.done': (p: { pdf: string; pages: number; seconds: string }) => `${p.pdf}: ${p.pages} pages (${p.seconds} s)`,
  'measure.deck': 'the deck',
  'measure.notStarted': (p: { seconds: number; scriptError?: string }) =>
    `the deck did not start in the browser within ${p.seconds} s: it would show a blank page${p.scriptError ? ` (script error: ${p.scriptError})` : ''}`,
  'measure.notStartedHint':
    'a slide may run a script that never ends or fails, or load something that never finishes; remove it, and build again',
  'page.default': 'the page',

  // --- check's summary (check/report.ts) ---
  'check.summaryClean': (p: { deck: string; slides: number }) => `${p.deck}: ${count(p.slides, 'slide', 'slides')}, no problem found`,
  'check.summary': (p: { deck: string; slides: number; errors: number; warnings: number }) =>
    `${p.deck}: ${count(p.slides, 'slide', 'slides')}, ${count(p.errors, 'error', 'errors')}, ${count(p.warnings, 'warning', 'warnings')}`,

  // --- the commands (commands/*, cli.ts, i18n/commander.ts): help, progress and summaries ---
  'cli.description': 'Markdown slides → an offline reveal.js deck, and its PDF handout.',
  'cli.optVersion': 'output the version number',
  'cli.optDebug': 'show stack traces and causes of errors',
  'cli.optLang': "the language diapo speaks: fr or en (default: the system's)",
  'cli.helpAfterError': '(add --help for usage)',
  'commander.usage': 'Usage:',
  'commander.options': 'Options:',
  'commander.commands': 'Commands:',
  'commander.arguments': 'Arguments:',
  'commander.globalOptions': 'Global Options:',
  'commander.default': (p: { value: string }) => `default: ${p.value}`,
  'commander.error': (p: { message: string }) => `error: ${p.message}`,
  'opt.argDir': 'dir',
  'opt.argName': 'name',
  'opt.argFile': 'file',
  'opt.argSeconds': 'seconds',
  'commander.command': 'command',
  'commander.optHelp': 'display help for command',
  'commander.unknownOption': (p: { option: string }) => `unknown option '${p.option}'`,
  'commander.unknownCommand': (p: { command: string }) => `unknown command '${p.command}'`,
  'commander.didYouMean': (p: { guess: string }) => `(Did you mean ${p.guess}?)`,
  'commander.missingArgument': (p: { name: string }) => `missing required argument '${p.name}'`,
  'commander.optionArgumentMissing': (p: { option: string }) => `option '${p.option}' argument missing`,
  'commander.invalidArgument': (p: { option: string; value: string }) => `option '${p.option}' argument '${p.value}' is invalid.`,
  'commander.tooManyArguments': (p: { expected: number; received: number }) =>
    `too many arguments. Expected ${count(p.expected, 'argument', 'arguments')} but got ${p.received}.`,
  'opt.deck': 'a .md file, or a folder whose .md files are read in name order',
  'opt.out': 'output folder',
  'opt.theme': 'theme: default, contrast, a reveal.js theme (black, white, league...), or a .css file (overrides front matter)',
  'opt.allowOutside':
    "copy files from any folder into the deck (default: only from the deck's folder, the working folder and the profile's folder)",
  'opt.asso': 'the deck of an association: its profile (.yml)',
  'opt.assoMany':
    'build for an association: its profile (.yml), or a folder of profiles (e.g. associations/); writes DIR/<slug>/ for each; repeatable',
  'opt.browserPath':
    'Chromium, Chrome or Edge to print with, or "embedded" (default: CHROME_PATH, then the usual install paths, then the embedded Chromium)',
  'opt.timeoutPdf': 'time allowed to each PDF page to load and print, plus 0.1 s a slide',
  'opt.timeoutCheck': 'time the deck may take to start in the browser',
  'opt.secondsInvalid': 'give a number of seconds, e.g. --timeout 60',
  'build.description': 'build a deck into DIR/index.html with everything it needs (works offline, from file://)',
  'build.optPdf': 'also write DIR/slides.pdf, DIR/handout.pdf and DIR/notes.pdf (needs Chromium, Chrome or Edge)',
  'build.optJson': 'print what was written and the warnings as JSON, for tools',
  'build.written': (p: { slides: number; files: string }) => `${count(p.slides, 'slide', 'slides')} → ${p.files}`,
  'build.singleFile': 'single file',
  'build.pages': (p: { pages: number }) => `${p.pages} p.`,
  'build.decksPage': (p: { file: string }) => `page of all decks → ${p.file}`,
  'build.pdfFailedDeckBuilt': (p: { out: string }) => `${p.out}/index.html is built; the PDFs are not, older ones are kept`,
  'profiles.slugTaken': (p: { slug: string; taken: string }) => `the output folder "${p.slug}" is already the one of ${p.taken}`,
  'profiles.slugTakenHint': 'give each profile its own file name, or its own "slug"',
  'profiles.someFailed': (p: { failed: number; total: number; names: string }) =>
    `${p.failed} of ${p.total} profiles failed (${p.names}); the others were built`,
  'profiles.allFailed': (p: { failed: number; total: number; names: string }) => `${p.failed} of ${p.total} profiles failed (${p.names})`,
  'profiles.failedHint': 'fix the lines shown above and build again: the output of a failed profile was left as it was',
  'profiles.built': (p: { count: number; time: string }) => `${count(p.count, 'profile', 'profiles')} built in ${p.time}`,
  'pdf.description':
    "build a deck and its PDFs: DIR/slides.pdf (one page a slide), DIR/handout.pdf (A4, for attendees) and DIR/notes.pdf (A4, the speaker's copy); same as build --pdf",
  'new.description': "create associations/<slug>.yml, an association's profile with comments (in French) on every key",
  'new.argSlug': 'short name of the association: lower-case letters, digits and dashes (e.g. amis-du-velo)',
  'new.optDir': 'folder of the profiles',
  'new.slugInvalid': (p: { slug: string }) => `"${p.slug}" cannot name a profile`,
  'new.slugInvalidHint': (p: { max: number; reserved: string }) =>
    `use lower-case letters, digits and dashes, ${p.max} at most, e.g. "diapo new amis-du-velo" (not ${p.reserved})`,
  'new.exists': (p: { file: string }) => `${p.file} already exists; it was left as it is`,
  'new.existsHint': 'edit that file, or choose another name for the new profile',
  'new.created': (p: { file: string }) => `${p.file} created: fill it in, then run "npx diapo build --asso ${p.file}"`,
  'check.description':
    'render the deck at 1280×720 and report overflowing slides, missing images, alternative texts and links, ' +
    'unreadable colours, empty slides and slides without notes (errors exit 1)',
  'check.blocked': (p: { url: string }) => `the deck asked for ${p.url}, outside its folder (blocked)`,
  'check.blockedHint': "copy the file into the deck's folder and give its relative path",
  'check.profileColour': (p: { message: string; key: string }) => `${p.message}, in the colour made from ${p.key}`,
  'check.profileColourHint': (p: { key: string }) => `choose a ${p.key} that reads on that background`,
  'check.linkMissing': (p: { href: string }) => `link to a file that does not exist: ${p.href}`,
  'check.linkMissingHint': (p: { target: string }) => `check the name; the path is relative to this Markdown file (${p.target})`,
  'check.optJson': 'print the report as JSON, for tools',
  'doctor.description': 'say which browser prints the PDFs and why, what else was found, and test it: launch it and print a one-page PDF',
  'doctor.optBrowserPath': 'test this Chromium, Chrome or Edge instead',
  'doctor.why--browser-path': 'given with --browser-path',
  'doctor.whyCHROME_PATH': 'given by the environment variable CHROME_PATH',
  'doctor.whyPUPPETEER_EXECUTABLE_PATH': 'given by the environment variable PUPPETEER_EXECUTABLE_PATH',
  'doctor.whyinstalled':
    "the first one installed in diapo's search order (headless shell, Chromium, Chrome, Edge): installed browsers come before the embedded one",
  'doctor.whyembedded': 'no Chromium, Chrome or Edge is installed: diapo uses the one that came with it from npm',
  'doctor.unpacked': 'unpacked',
  'doctor.notUnpacked': 'not unpacked yet: its first use unpacks it (about 200 MB, a few seconds)',
  'doctor.noBrowser': (p: { message: string }) => `no browser to print with: ${p.message}`,
  'doctor.browser': (p: { label: string }) => `browser: ${p.label}`,
  'doctor.why': (p: { why: string }) => `why: ${p.why}`,
  'doctor.alsoFound': 'also found:',
  'doctor.alsoFoundNothing': 'also found: nothing else',
  'doctor.testOk': (p: { version: string; unpacked: boolean; launch: string; print: string }) =>
    `test print: ${p.version} ${p.unpacked ? 'unpacked and ' : ''}started in ${p.launch} and printed a one-page PDF in ${p.print}`,
  'doctor.testFailed': (p: { error: string }) => `test print failed: ${p.error}`,
  'dev.description': 'serve the deck on this computer and reload it on every change of a slide, theme or image',
  'dev.optPort': 'port (the next free one if it is taken)',
  'dev.optOpen': 'open the deck in your browser',
  'dev.portInvalid': 'a port is a whole number from 1 to 65535, e.g. --port 3000',
  'dev.rebuilt': (p: { file: string; ms: number }) => `${p.file} changed: deck rebuilt in ${p.ms} ms`,
  'dev.portInUse': (p: { asked: number; port: number }) => `port ${p.asked} is in use: using ${p.port} instead`,
  'dev.served': (p: { url: string }) => `deck served at ${p.url}  (Ctrl-C to stop)`,
  'dev.stopped': 'dev server stopped',
  'dev.overlayBug': (p: { message: string }) => `diapo failed (this is a bug in diapo): ${p.message}`,
  'dev.overlayTip': 'Fix the file and save it: the deck comes back by itself. Press Esc or click outside to hide this message.',
  'output.cannotWrite': (p: { out: string; problem: string; at: string }) =>
    `cannot write the output folder ${p.out}: ${p.problem} (${p.at})`,
  'output.kept': (p: { hint: string }) => `${p.hint}; the previous output was left as it was`,
  'output.diskFull': 'the disk is full',
  'output.quota': 'your disk quota is used up',
  'output.freeSpaceHint': 'free some space (or choose another folder with --out), then build again',
  'output.noPermission': 'you may not write there',
  'output.ownFolderHint': 'choose a folder of yours with --out, e.g. --out dist',
  'output.readOnly': 'that disk is read-only',
  'output.readOnlyHint': 'choose another folder with --out (a USB stick may be locked)',
  'output.fileInTheWay': 'a file stands where a folder is needed',
  'output.fileInTheWayHint': 'choose another folder with --out, or move that file away',
  'output.cannotCreate': 'that folder cannot be created',
  'output.ioError': 'the disk reports a read or write error',
  'output.ioErrorHint': 'check the disk (or USB stick), then build again',
}
