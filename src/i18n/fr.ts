/**
 * Les messages de diapo en français, pour des bénévoles qui ne sont pas informaticiens : des mots simples,
 * ce qui ne va pas puis quoi faire. Mêmes clés et mêmes paramètres que `en.ts` (vérifié par le typage).
 * Typographie : espace avant « : » et dans « », comme en français imprimé.
 */
import type { Messages } from './en.js'

/** `1 diapositive`, `2 diapositives`; 0 et 1 au singulier, comme en français. */
const count = (n: number, one: string, many: string): string => `${n} ${n < 2 ? one : many}`

export const fr: Messages = {
  // --- affichage (diagnostics.ts, log.ts, cli.ts) ---
  'severity.error': 'erreur',
  'severity.warning': 'attention',
  'location.slide': (p) => `diapositive ${p.slide}`,
  'cli.bug': "c'est un bogue de diapo ; merci de le signaler avec la commande lancée et ce qui est affiché au-dessus",
  'cli.langUnknown': (p) => `langue inconnue : « ${p.value} »`,
  'cli.langHint': 'utilisez --lang fr ou --lang en',

  // --- résumé de check (check/report.ts) ---
  'check.summaryClean': (p) => `${p.deck} : ${count(p.slides, 'diapositive', 'diapositives')}, aucun problème trouvé`,
  'check.summary': (p) =>
    `${p.deck} : ${count(p.slides, 'diapositive', 'diapositives')}, ${count(p.errors, 'erreur', 'erreurs')}, ${count(p.warnings, 'avertissement', 'avertissements')}`,
}
