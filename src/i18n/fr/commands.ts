/** Ce que l'outil dit de lui-même : affichage, navigateur et PDF, bilan de check, commandes. */
import type { commands as english } from '../en/commands.js'
import { count, lowerFirst, seconds } from './words.js'

export const commands: typeof english = {
  // --- affichage (diagnostics.ts, log.ts, cli.ts) ---
  'severity.error': 'erreur',
  'severity.warning': 'attention',
  'location.slide': (p) => `diapositive ${p.slide}`,
  'write.runtimeMissing': 'il manque à diapo le code qui fait tourner les présentations',
  'write.runtimeMissingHint': 'lancez « npm run compile » (ou « npm install ») dans le dossier de diapo',
  'singleFile.cannotInline': (p) => `${p.name} ne peut pas être inclus dans la présentation en un seul fichier`,
  'cli.bug': "c'est un bogue de diapo ; merci de le signaler avec la commande lancée et ce qui est affiché au-dessus",
  'cli.langUnknown': (p) => `langue inconnue : « ${p.value} »`,
  'cli.langHint': 'utilisez --lang fr ou --lang en',
  'interrupt.SIGINT': 'interrompu (Ctrl-C)',
  'interrupt.SIGTERM': 'arrêté (SIGTERM)',
  'interrupt.SIGHUP': 'arrêté (le terminal a été fermé)',
  'interrupt.stopped': (p) =>
    `${p.why} : diapo s’est arrêté ; le dossier de sortie garde ce que la dernière fabrication complète y a écrit`,

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
  'browser.installMac':
    'installez Google Chrome (https://www.google.com/chrome/) ou Microsoft Edge, ou bien Chromium avec Homebrew : « brew install --cask chromium »',
  'browser.installWindows': 'installez Google Chrome (https://www.google.com/chrome/) ou Microsoft Edge (https://www.microsoft.com/edge)',
  'browser.installLinux':
    'installez Chromium (Debian/Ubuntu : « sudo apt-get install chromium-headless-shell », le plus rapide pour les PDF, ou « sudo apt-get install chromium » ; Fedora : « sudo dnf install chromium ») ou Google Chrome',
  'browser.installLinuxOnlyX64': (p) => `${p.install} (le Chromium fourni avec diapo ne fonctionne que sous Linux x64)`,
  'browser.installEmbedded': (p) =>
    `lancez « npm install » dans le dossier de diapo, sans --omit=optional (cela installe le Chromium fourni avec diapo, ${p.label}), ou ${p.install}`,
  'browser.embedded': (p) => `Chromium ${p.version} fourni avec diapo (${p.label}, dans ${p.dir})`,
  'browser.headlessShell': 'Chromium sans fenêtre (headless shell)',
  'browser.cannotStart': (p) => `impossible de démarrer le navigateur ${p.path}`,
  'browser.cannotStartHint':
    "vérifiez qu'il se lance (essayez-le avec --version), ou indiquez un autre Chromium, Chrome ou Edge dans la variable CHROME_PATH",
  'page.notReady': (p) => `${p.what} : la page n'était toujours pas prête au bout de ${seconds(p.seconds)}`,
  'page.notReadyHint':
    'une diapositive charge peut-être quelque chose qui ne finit jamais (un script, une vidéo) ; corrigez-la, ou laissez plus de temps avec --timeout (en secondes)',
  'pdf.slideNotReady': (p) =>
    `cette diapositive n'était toujours pas prête au bout de ${seconds(p.seconds)} (${p.why}) : ${p.what} n'a pas été imprimé`,
  'pdf.slideNotReadyHint':
    'corrigez ou retirez ce qui ne finit jamais sur cette diapositive, ou laissez plus de temps avec --timeout (en secondes)',
  'pdf.mediaNeverLoaded': 'une image, une vidéo ou un son qui ne finit jamais de se charger',
  'pdf.pageHung': 'la page ne répond plus : cette diapositive contient un script, qui ne se termine peut-être jamais',
  'pdf.missingGlyphs': (p) =>
    p.count > 1
      ? `${p.list} ne sont pas dans les polices de la présentation : les PDF les dessinent avec une police de l'ordinateur ; écrivez-les autrement (-> pour une flèche) ou mettez une image`
      : `${p.list} n'est pas dans les polices de la présentation : les PDF le dessinent avec une police de l'ordinateur ; écrivez-le autrement (-> pour une flèche) ou mettez une image`,
  'pdf.slideTooTall': (p) => `la diapositive dépasse de son cadre ; le bas est coupé dans ${p.file}`,
  'pdf.requestBlocked': (p) => `${p.pdf} : un fichier situé hors du dossier de la présentation a été bloqué : ${p.url}`,
  'pdf.pageCount': (p) => `${p.file} a ${p.pages} pages pour ${count(p.slides, 'diapositive', 'diapositives')}`,
  'pdf.handoutTextCut': 'le texte pour les participants est trop long pour le support et il est coupé ; raccourcissez-le',
  'pdf.notesCut': 'les notes sont trop longues pour notes.pdf et elles sont coupées ; raccourcissez-les ou coupez la diapositive en deux',
  'progress.browser': (p) =>
    `navigateur : ${p.browser}${p.unpacking ? ' — première utilisation : il est décompressé, cela prend quelques secondes' : ''}`,
  'progress.loading': 'chargement…',
  'progress.printing': (p) => (p.pages ? `impression de ${p.pages} pages…` : 'impression…'),
  'progress.done': (p) => `${p.pdf} : ${p.pages} pages (${p.seconds.replace('.', ',')} s)`,
  'measure.deck': 'la présentation',
  'measure.notStarted': (p) =>
    `la présentation n'a pas démarré dans le navigateur en ${seconds(p.seconds)} : elle afficherait une page blanche${p.scriptError ? ` (erreur dans un script : ${p.scriptError})` : ''}`,
  'measure.notStartedHint':
    'une diapositive lance peut-être un script qui ne se termine jamais ou qui plante, ou charge quelque chose qui ne finit jamais ; retirez-le, puis reconstruisez la présentation',
  'page.default': 'la page',

  // --- résumé de check (check/report.ts) ---
  'check.summaryClean': (p) => `${p.deck} : ${count(p.slides, 'diapositive', 'diapositives')}, aucun problème trouvé`,
  'check.summary': (p) =>
    `${p.deck} : ${count(p.slides, 'diapositive', 'diapositives')}, ${count(p.errors, 'erreur', 'erreurs')}, ${count(p.warnings, 'avertissement', 'avertissements')}`,

  // --- les commandes (commands/*, cli.ts, i18n/commander.ts) : aide, avancement et bilans ---
  'cli.description': 'Des diapositives en Markdown → une présentation reveal.js qui marche sans Internet, et son support PDF.',
  'cli.optVersion': 'afficher le numéro de version',
  'cli.optDebug': 'montrer le détail technique des erreurs (pile d’appels et cause)',
  'cli.optLang': 'la langue de diapo : fr ou en (par défaut : celle du système)',
  'cli.helpAfterError': '(ajoutez --help pour voir comment l’utiliser)',
  'commander.usage': 'Utilisation :',
  'commander.options': 'Options :',
  'commander.commands': 'Commandes :',
  'commander.arguments': 'Arguments :',
  'commander.globalOptions': 'Options générales :',
  'commander.default': (p) => `par défaut : ${p.value}`,
  'commander.error': (p) => `erreur : ${p.message}`,
  'opt.argDir': 'dossier',
  'opt.argName': 'nom',
  'opt.argFile': 'fichier',
  'opt.argSeconds': 'secondes',
  'commander.command': 'commande',
  'commander.optHelp': 'afficher l’aide de la commande',
  'commander.unknownOption': (p) => `option inconnue : « ${p.option} »`,
  'commander.unknownCommand': (p) => `commande inconnue : « ${p.command} »`,
  'commander.didYouMean': (p) => `(vouliez-vous dire ${p.guess} ?)`,
  'commander.missingArgument': (p) => `il manque l’argument « ${p.name} »`,
  'commander.optionArgumentMissing': (p) => `il manque la valeur de l’option « ${p.option} »`,
  'commander.invalidArgument': (p) => `la valeur « ${p.value} » de l’option « ${p.option} » ne convient pas :`,
  'commander.tooManyArguments': (p) => `trop d’arguments : ${count(p.expected, 'attendu', 'attendus')}, ${p.received} donnés.`,
  'opt.deck': 'un fichier .md, ou un dossier dont les fichiers .md sont lus dans l’ordre de leur nom',
  'opt.out': 'dossier où écrire la présentation',
  'opt.theme':
    'thème : default, contrast, un thème de reveal.js (black, white, league...) ou un fichier .css (remplace celui de l’en-tête)',
  'opt.allowOutside':
    'copier dans la présentation des fichiers de n’importe quel dossier (par défaut : seulement du dossier de la présentation, du dossier de travail et de celui du profil)',
  'opt.asso': 'la présentation d’une association : son profil (.yml)',
  'opt.assoMany':
    'préparer pour une association : son profil (.yml), ou un dossier de profils (par ex. associations/) ; écrit DIR/<slug>/ pour chacune ; peut être répété',
  'opt.browserPath':
    'le Chromium, Chrome ou Edge qui imprime, ou « embedded » (par défaut : CHROME_PATH, puis les emplacements habituels, puis le Chromium fourni)',
  'opt.timeoutPdf': 'temps laissé à chaque page PDF pour se charger et s’imprimer, plus 0,1 s par diapositive',
  'opt.timeoutCheck': 'temps laissé à la présentation pour démarrer dans le navigateur',
  'opt.secondsInvalid': 'donnez un nombre de secondes, par ex. --timeout 60',
  'build.description': 'fabriquer la présentation dans DIR/index.html avec tout ce qu’il lui faut (marche sans Internet, depuis file://)',
  'build.optPdf': 'écrire aussi DIR/slides.pdf, DIR/handout.pdf et DIR/notes.pdf (il faut Chromium, Chrome ou Edge)',
  'build.optJson': 'afficher ce qui a été écrit et les avertissements en JSON, pour des outils',
  'build.written': (p) => `${count(p.slides, 'diapositive', 'diapositives')} → ${p.files}`,
  'build.singleFile': 'fichier unique',
  'build.pages': (p) => `${p.pages} p.`,
  'build.decksPage': (p) => `page de toutes les présentations → ${p.file}`,
  'build.pdfFailedDeckBuilt': (p) => `${p.out}/index.html est prêt ; les PDF ne le sont pas, les anciens sont gardés`,
  'profiles.slugTaken': (p) => `le dossier « ${p.slug} » est déjà celui de ${p.taken}`,
  'profiles.slugTakenHint': 'donnez à chaque profil son propre nom de fichier, ou son propre « slug »',
  'profiles.someFailed': (p) => `${count(p.failed, 'profil', 'profils')} sur ${p.total} en échec (${p.names}) ; les autres sont prêts`,
  'profiles.allFailed': (p) => `${count(p.failed, 'profil', 'profils')} sur ${p.total} en échec (${p.names})`,
  'profiles.failedHint':
    'corrigez les lignes indiquées plus haut et relancez : ce qui avait été fait pour un profil en échec n’a pas été touché',
  'profiles.built': (p) => `${count(p.count, 'profil prêt', 'profils prêts')} en ${p.time}`,
  'pdf.description':
    'fabriquer la présentation et ses PDF : DIR/slides.pdf (une page par diapositive), DIR/handout.pdf (A4, pour le public) et DIR/notes.pdf (A4, pour l’animateur) ; comme build --pdf',
  'new.description': 'créer associations/<slug>.yml, le profil d’une association, avec un commentaire sur chaque ligne',
  'new.argSlug': 'nom court de l’association : minuscules, chiffres et tirets (par ex. amis-du-velo)',
  'new.optDir': 'dossier des profils',
  'new.slugInvalid': (p) => `« ${p.slug} » ne peut pas servir de nom de profil`,
  'new.slugInvalidHint': (p) =>
    `utilisez des minuscules, des chiffres et des tirets, ${p.max} au plus, par ex. « diapo new amis-du-velo » (mais pas ${p.reserved})`,
  'new.exists': (p) => `${p.file} existe déjà ; il n’a pas été touché`,
  'new.existsHint': 'modifiez ce fichier, ou choisissez un autre nom pour le nouveau profil',
  'new.created': (p) => `${p.file} est créé : remplissez-le, puis lancez « npx diapo build --asso ${p.file} »`,
  'check.description':
    'afficher la présentation en 1280×720 et signaler ce qui déborde, les images absentes, les textes de remplacement et liens manquants, ' +
    'les couleurs difficiles à lire, les diapositives vides et celles sans notes (en cas d’erreur, code de sortie 1)',
  'check.blocked': (p) => `la présentation a demandé ${p.url}, hors de son dossier (bloqué)`,
  'check.blockedHint': 'copiez le fichier dans le dossier de la présentation et donnez son chemin relatif',
  'check.profileColour': (p) => `${p.message}, dans la couleur tirée de ${p.key}`,
  'check.profileColourHint': (p) => `choisissez un ${p.key} qui se lit sur ce fond`,
  'check.linkMissing': (p) => `lien vers un fichier qui n’existe pas : ${p.href}`,
  'check.linkMissingHint': (p) => `vérifiez le nom ; le chemin part du dossier de ce fichier Markdown (${p.target})`,
  'check.optJson': 'afficher le rapport en JSON, pour des outils',
  'doctor.description':
    'dire quel navigateur imprime les PDF et pourquoi, ce qui a été trouvé d’autre, et l’essayer : le lancer et imprimer un PDF d’une page',
  'doctor.optBrowserPath': 'essayer plutôt ce Chromium, Chrome ou Edge',
  'doctor.why--browser-path': 'indiqué avec --browser-path',
  'doctor.whyCHROME_PATH': 'indiqué par la variable d’environnement CHROME_PATH',
  'doctor.whyPUPPETEER_EXECUTABLE_PATH': 'indiqué par la variable d’environnement PUPPETEER_EXECUTABLE_PATH',
  'doctor.whyinstalled':
    'le premier installé dans l’ordre où diapo cherche (headless shell, Chromium, Chrome, Edge) : les navigateurs installés passent avant celui fourni',
  'doctor.whyembedded': 'aucun Chromium, Chrome ou Edge n’est installé : diapo utilise celui qui est venu avec lui par npm',
  'doctor.unpacked': 'décompressé',
  'doctor.notUnpacked': 'pas encore décompressé : sa première utilisation le décompresse (environ 200 Mo, quelques secondes)',
  'doctor.noBrowser': (p) => `aucun navigateur pour imprimer : ${p.message}`,
  'doctor.browser': (p) => `navigateur : ${p.label}`,
  'doctor.why': (p) => `pourquoi : ${p.why}`,
  'doctor.alsoFound': 'trouvés aussi :',
  'doctor.alsoFoundNothing': 'trouvés aussi : aucun autre',
  'doctor.testOk': (p) =>
    `essai d’impression : ${p.version} ${p.unpacked ? 'décompressé et ' : ''}lancé en ${p.launch}, PDF d’une page imprimé en ${p.print}`,
  'doctor.testFailed': (p) => `l’essai d’impression a échoué : ${p.error}`,
  'dev.description':
    'montrer la présentation sur cet ordinateur et la recharger à chaque changement d’une diapositive, d’un thème ou d’une image',
  'dev.optPort': 'port (le suivant qui est libre s’il est pris)',
  'dev.optOpen': 'ouvrir la présentation dans votre navigateur',
  'dev.portInvalid': 'un port est un nombre entier de 1 à 65535, par ex. --port 3000',
  'dev.rebuilt': (p) => `${p.file} a changé : présentation refaite en ${p.ms} ms`,
  'dev.portInUse': (p) => `le port ${p.asked} est pris : diapo utilise le ${p.port}`,
  'dev.served': (p) => `présentation visible sur ${p.url}  (Ctrl-C pour arrêter)`,
  'dev.stopped': 'présentation arrêtée',
  'dev.overlayBug': (p) => `diapo a échoué (c’est un bogue de diapo) : ${p.message}`,
  'dev.overlayTip':
    'Corrigez le fichier et enregistrez-le : la présentation revient toute seule. Échap ou un clic à côté cache ce message.',
  'output.cannotWrite': (p) => `impossible d’écrire dans le dossier ${p.out} : ${p.problem} (${p.at})`,
  'output.kept': (p) => `${p.hint} ; ce qui avait été fabriqué avant n’a pas été touché`,
  'output.diskFull': 'le disque est plein',
  'output.quota': 'votre quota de disque est atteint',
  'output.freeSpaceHint': 'libérez de la place (ou choisissez un autre dossier avec --out), puis relancez',
  'output.noPermission': 'vous n’avez pas le droit d’écrire là',
  'output.ownFolderHint': 'choisissez un de vos dossiers avec --out, par ex. --out dist',
  'output.readOnly': 'ce disque est en lecture seule',
  'output.readOnlyHint': 'choisissez un autre dossier avec --out (une clé USB est peut-être verrouillée)',
  'output.fileInTheWay': 'un fichier se trouve là où il faut un dossier',
  'output.fileInTheWayHint': 'choisissez un autre dossier avec --out, ou déplacez ce fichier',
  'output.cannotCreate': 'ce dossier ne peut pas être créé',
  'output.ioError': 'le disque signale une erreur de lecture ou d’écriture',
  'output.ioErrorHint': 'vérifiez le disque (ou la clé USB), puis relancez',
}
