/**
 * diapo's messages in English: the reference catalogue (`fr/` must have the same keys and parameters).
 * Keys are grouped by the stage that says them; keep each group's keys together, in the order of the code.
 * Two files because one would be too long to read: `commands.ts` (what the tool says about itself) and
 * `sources.ts` (what it says about the user's slides and profiles).
 */
import { commands } from './commands.js'
import { sources } from './sources.js'

export const en = { ...commands, ...sources }

export type Messages = typeof en
