/**
 * Les messages de diapo en français, pour des bénévoles qui ne sont pas informaticiens : des mots simples,
 * ce qui ne va pas puis quoi faire. Mêmes clés et mêmes paramètres que `en/` (vérifié par le typage).
 * Typographie : espace avant « : » et dans « », comme en français imprimé.
 */
import type { Messages } from '../en/index.js'
import { commands } from './commands.js'
import { sources } from './sources.js'

export const fr: Messages = { ...commands, ...sources }
