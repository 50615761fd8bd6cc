/**
 * Les messages de diapo en français, pour des bénévoles qui ne sont pas informaticiens : des mots simples,
 * ce qui ne va pas puis quoi faire. Mêmes clés et mêmes paramètres que `en.ts` (vérifié par le typage).
 * Typographie : espace avant « : » et dans « », comme en français imprimé.
 */
import type { Messages } from './en.js'

/** `1 diapositive`, `2 diapositives`; 0 et 1 au singulier, comme en français. */
const count = (n: number, one: string, many: string): string => `${n} ${n < 2 ? one : many}`
/** `0,5 s`: la virgule décimale du français. */
const seconds = (n: number): string => `${String(n).replace('.', ',')} s`
/** `Installez…` → `installez…`, pour un conseil qui suit un « ; ». */
const lowerFirst = (text: string): string => text.replace(/^./, (c) => c.toLowerCase())

export const fr: Messages = {
  // --- affichage (diagnostics.ts, log.ts, cli.ts) ---
  'severity.error': 'erreur',
  'severity.warning': 'attention',
  'location.slide': (p) => `diapositive ${p.slide}`,
  'cli.bug': "c'est un bogue de diapo ; merci de le signaler avec la commande lancée et ce qui est affiché au-dessus",
  'cli.langUnknown': (p) => `langue inconnue : « ${p.value} »`,
  'cli.langHint': 'utilisez --lang fr ou --lang en',

  // --- le navigateur et les PDF (export/, check/measure.ts) ---
  'browser.embeddedPackage': 'paquet npm @sparticuz/chromium',
  'browser.embeddedMissing': (p) => `le navigateur intégré (${p.label}) n'est pas installé`,
  'browser.givenMissing': (p) => `navigateur introuvable : celui indiqué par ${p.source} n'existe pas`,
  'browser.givenMissingHint': (p) => `vérifiez le chemin indiqué par ${p.source}, ou retirez ${p.source} pour laisser diapo choisir`,
  'browser.noneFound': 'navigateur introuvable : ni Chromium, ni Chrome, ni Edge',
  'browser.notFoundHint': (p) => {
    const advice = `${p.install}, ou indiquez où se trouve le navigateur dans la variable CHROME_PATH`
    return `${p.first ? `${p.first} ; sinon, ${lowerFirst(advice)}` : advice}. Chemins essayés : ${p.tried}`
  },
  'browser.installMac': 'installez Google Chrome (https://www.google.com/chrome/) ou Microsoft Edge, ou bien Chromium avec Homebrew : « brew install --cask chromium »',
  'browser.installWindows': 'installez Google Chrome (https://www.google.com/chrome/) ou Microsoft Edge (https://www.microsoft.com/edge)',
  'browser.installLinux':
    'installez Chromium (Debian/Ubuntu : « sudo apt-get install chromium-headless-shell », le plus rapide pour les PDF, ou « sudo apt-get install chromium » ; Fedora : « sudo dnf install chromium ») ou Google Chrome',
  'browser.installLinuxOnlyX64': (p) => `${p.install} (le Chromium fourni avec diapo ne fonctionne que sous Linux x64)`,
  'browser.installEmbedded': (p) =>
    `lancez « npm install » dans le dossier de diapo, sans --omit=optional (cela installe le Chromium fourni avec diapo, ${p.label}), ou ${p.install}`,
  'browser.embedded': (p) => `Chromium ${p.version} fourni avec diapo (${p.label}, dans ${p.dir})`,
  'browser.headlessShell': 'Chromium sans fenêtre (headless shell)',
  'browser.cannotStart': (p) => `impossible de démarrer le navigateur ${p.path}`,
  'browser.cannotStartHint': "vérifiez qu'il se lance (essayez-le avec --version), ou indiquez un autre Chromium, Chrome ou Edge dans la variable CHROME_PATH",
  'page.notReady': (p) => `${p.what} : la page n'était toujours pas prête au bout de ${seconds(p.seconds)}`,
  'page.notReadyHint':
    'une diapositive charge peut-être quelque chose qui ne finit jamais (un script, une vidéo) ; corrigez-la, ou laissez plus de temps avec --timeout (en secondes)',
  'pdf.slideNotReady': (p) => `cette diapositive n'était toujours pas prête au bout de ${seconds(p.seconds)} (${p.why}) : ${p.what} n'a pas été imprimé`,
  'pdf.slideNotReadyHint': 'corrigez ou retirez ce qui ne finit jamais sur cette diapositive, ou laissez plus de temps avec --timeout (en secondes)',
  'pdf.mediaNeverLoaded': 'une image, une vidéo ou un son qui ne finit jamais de se charger',
  'pdf.pageHung': 'la page ne répond plus : cette diapositive contient un script, qui ne se termine peut-être jamais',
  'pdf.missingGlyphs': (p) =>
    p.count > 1
      ? `${p.list} ne sont pas dans les polices de la présentation : les PDF les dessinent avec une police de l'ordinateur ; écrivez-les autrement (-> pour une flèche) ou mettez une image`
      : `${p.list} n'est pas dans les polices de la présentation : les PDF le dessinent avec une police de l'ordinateur ; écrivez-le autrement (-> pour une flèche) ou mettez une image`,
  'pdf.slideTooTall': (p) => `la diapositive dépasse de son cadre ; le bas est coupé dans ${p.file}`,
  'pdf.requestBlocked': (p) => `un fichier situé hors du dossier de la présentation a été bloqué : ${p.url}`,
  'pdf.pageCount': (p) => `${p.file} a ${p.pages} pages pour ${count(p.slides, 'diapositive', 'diapositives')}`,
  'pdf.handoutTextCut': 'le texte pour les participants est trop long pour le support et il est coupé ; raccourcissez-le',
  'pdf.notesCut': 'les notes sont trop longues pour notes.pdf et elles sont coupées ; raccourcissez-les ou coupez la diapositive en deux',
  'progress.browser': (p) => `navigateur : ${p.browser}${p.unpacking ? ' — première utilisation : il est décompressé, cela prend quelques secondes' : ''}`,
  'progress.loading': 'chargement…',
  'progress.printing': (p) => (p.pages ? `impression de ${p.pages} pages…` : 'impression…'),
  'progress.done': (p) => `${p.pdf} : ${p.pages} pages (${p.seconds.replace('.', ',')} s)`,
  'measure.deck': 'la présentation',
  'measure.notStarted': (p) =>
    `la présentation n'a pas démarré dans le navigateur en ${seconds(p.seconds)} : elle afficherait une page blanche${p.scriptError ? ` (erreur dans un script : ${p.scriptError})` : ''}`,
  'measure.notStartedHint':
    'une diapositive lance peut-être un script qui ne se termine jamais ou qui plante, ou charge quelque chose qui ne finit jamais ; retirez-le, puis reconstruisez la présentation',

  // --- résumé de check (check/report.ts) ---
  'check.summaryClean': (p) => `${p.deck} : ${count(p.slides, 'diapositive', 'diapositives')}, aucun problème trouvé`,
  'check.summary': (p) =>
    `${p.deck} : ${count(p.slides, 'diapositive', 'diapositives')}, ${count(p.errors, 'erreur', 'erreurs')}, ${count(p.warnings, 'avertissement', 'avertissements')}`,
}
