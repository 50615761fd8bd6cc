import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'

import { z } from 'zod/mini'

import { DeckError } from '../errors.js'
import { t } from '../i18n/index.js'
import { PACKAGE_ROOT } from '../paths.js'
import { type LocatedData, parseYamlWithSchema, say } from './validate.js'

/** The alternatives catalogue shipped with diapo, that volunteers extend. */
export const CATALOGUE_FILE = path.join(PACKAGE_ROOT, 'data', 'catalogue.yml')

const CATEGORIES = ['gestion', 'communication-interne', 'communication-externe', 'bureautique', 'systeme'] as const

const text = z.string(say('catalogue.text')).check(z.trim(), z.minLength(1, say('catalogue.notEmpty')))
/** One free alternative, as the catalogue and a profile's own `alternatives:` write it. */
export const AlternativeSchema = z.strictObject({
  name: text,
  url: z
    .string(say('catalogue.url'))
    .check(z.refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), say('catalogue.fullUrl'))),
  kind: z.enum(['logiciel', 'service'], say('catalogue.kind')),
  note: z.optional(text),
})
/** A tool's alternatives: at least two, so the association has a choice. */
export const AlternativesSchema = z
  .array(AlternativeSchema, say('catalogue.alternatives'))
  .check(z.minLength(2, say('catalogue.twoAlternatives')))
const ToolSchema = z.strictObject({
  id: z.string(say('catalogue.text')).check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, say('catalogue.id'))),
  names: z.array(text, say('catalogue.names')).check(z.minLength(1, say('catalogue.oneName'))),
  need: text,
  category: z.enum(CATEGORIES, say('catalogue.category', { categories: CATEGORIES.join(', ') })),
  why: text,
  alternatives: AlternativesSchema,
})
const CatalogueSchema = z.strictObject({ tools: z.array(ToolSchema, say('catalogue.tools')) })

export type CatalogueTool = z.infer<typeof ToolSchema>
export type Alternative = z.infer<typeof AlternativeSchema>

/** The catalogue, with its tools indexed by every name they go by. */
export interface Catalogue {
  tools: CatalogueTool[]
  /** Finds the tool an association means by `name` (case, accents, spaces and punctuation ignored). */
  match(name: string): CatalogueTool | undefined
}

/**
 * Reads and checks the catalogue; a mistake in it is a `DeckError` at its line. Kept while the file
 * is unchanged, so the profiles of one build (or a dev server) share it.
 */
export async function loadCatalogue(file = CATALOGUE_FILE): Promise<Catalogue> {
  const cannotRead = (cause: unknown): never => {
    throw new DeckError(t('catalogue.cannotRead', { file }), 'E_CONFIG', { cause })
  }
  const { mtimeMs } = await stat(file).catch(cannotRead)
  const cached = cache.get(file)
  if (cached?.mtimeMs === mtimeMs) return cached.catalogue
  const catalogue = readFile(file, 'utf8').then((text) => parseCatalogue(text, file), cannotRead)
  cache.set(file, { mtimeMs, catalogue })
  // A catalogue with a mistake is read again next time (it is being fixed).
  catalogue.catch(() => cache.delete(file))
  return catalogue
}

/** Checks a catalogue's YAML text: its schema, unique ids and names. Pure. */
export function parseCatalogue(yamlText: string, file: string): Catalogue {
  const located = parseYamlWithSchema(yamlText, file, CatalogueSchema, { code: 'E_CONFIG', hint: t('catalogue.hint') })
  const tools = located.data.tools
  const byName = new Map<string, CatalogueTool>()
  const ids = new Set<string>()
  tools.forEach((tool, i) => {
    if (ids.has(tool.id)) throw duplicate(located, [i, 'id'], t('catalogue.duplicateId', { id: tool.id }))
    ids.add(tool.id)
    tool.names.forEach((name, j) => {
      const owner = byName.get(normalizeToolName(name))
      if (owner && owner !== tool) throw duplicate(located, [i, 'names', j], t('catalogue.duplicateName', { name, owner: owner.id }))
      byName.set(normalizeToolName(name), tool)
    })
  })
  return { tools, match: (name) => byName.get(normalizeToolName(name)) }
}

/** `Google Drive`, `google-drive`, `GoogleDrive ` → `googledrive`; `Réseau` → `reseau`. */
export function normalizeToolName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

// --- internal ---

const cache = new Map<string, { mtimeMs: number; catalogue: Promise<Catalogue> }>()

function duplicate(located: LocatedData<unknown>, at: (string | number)[], message: string): DeckError {
  return new DeckError(message, 'E_CONFIG', {
    loc: { file: located.file, line: located.keyLineOf(['tools', ...at]) },
    hint: t('catalogue.duplicateHint'),
  })
}
