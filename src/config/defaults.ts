import path from 'node:path'

import type { Alternative } from './catalogue.js'
import type { ProfileInput } from './schema.js'
import type { LocatedData } from './validate.js'

/**
 * One line of the tools diagnostic as the profile gives it: what the association needs, what it uses
 * for it today (as typed: `buildDiagnostic` finds how the catalogue spells it), and optionally its own
 * free alternatives for it.
 */
export interface ProfileTool {
  need: string | null
  current: string
  /** The profile's own alternatives (at least two), used instead of the catalogue's; `null`: the catalogue's. */
  alternatives: Alternative[] | null
}

/**
 * A profile with every key present (`null` when not given), as slides see it in `asso`: templates can
 * test `{{#if asso.logo}}` on any key, and a misspelt key is an error, never an empty string.
 */
export interface ResolvedProfile {
  name: string
  shortName: string
  /** Output folder name; `null` for the generic deck (written into the output folder itself). */
  slug: string | null
  /** Absolute path of the logo. */
  logo: string | null
  colors: { primary: string | null; accent: string | null }
  lang: string | null
  theme: string | null
  /** `16:9` or `4:3`; `null`: the deck's front matter decides (default 16:9). */
  aspect: '16:9' | '4:3' | null
  handoutUrl: string | null
  workshop: { date: string | null; place: string | null; facilitator: string | null }
  contact: { email: string | null; website: string | null }
  tools: ProfileTool[]
  sections: { exclude: string[] }
  /** Absolute paths of the association's own slide files, and the section each goes after. */
  extraSlides: { file: string; after: string }[]
  /** True for the built-in profile of a generic audience (no `--asso`). */
  generic: boolean
  /** A profile shipped as an example (`example: true`), marked so on the page of all decks. */
  example: boolean
}

/** A profile loaded from its file: the resolved values, and where each key was written. */
export interface LoadedProfile {
  profile: ResolvedProfile
  /** The profile file, with the line of each key (for errors found later, e.g. an unknown section). */
  source: LocatedData<ProfileInput>
}

/**
 * The audience when no profile is given: the talk reads naturally in French ("votre association").
 * The contact slide always gives Libérons nos ordis' addresses (templates/partials/contacts.hbs).
 */
export const GENERIC_PROFILE: ResolvedProfile = Object.freeze({
  name: 'votre association',
  shortName: 'votre association',
  slug: null,
  logo: null,
  colors: { primary: null, accent: null },
  lang: null,
  theme: null,
  aspect: null,
  handoutUrl: null,
  workshop: { date: null, place: null, facilitator: null },
  contact: { email: null, website: null },
  tools: [],
  sections: { exclude: [] },
  extraSlides: [],
  generic: true,
  example: false,
})

/** Fills in the defaults of a validated profile; relative files become absolute (relative to `file`). */
export function resolveProfile(input: ProfileInput, file: string): ResolvedProfile {
  const dir = path.dirname(file)
  return {
    name: input.name,
    shortName: input.shortName ?? input.name,
    slug: input.slug ?? slugOf(file),
    logo: input.logo ? path.resolve(dir, input.logo) : null,
    colors: { primary: input.colors?.primary ?? null, accent: input.colors?.accent ?? null },
    lang: input.lang ?? null,
    theme: input.theme ?? null,
    aspect: input.aspect ?? null,
    handoutUrl: input.handoutUrl ?? null,
    workshop: {
      date: input.workshop?.date ?? null,
      place: input.workshop?.place ?? null,
      facilitator: input.workshop?.facilitator ?? null,
    },
    contact: { email: input.contact?.email ?? null, website: input.contact?.website ?? null },
    tools: (input.tools ?? []).map((t) => ({ need: t.need ?? null, current: t.current, alternatives: t.alternatives ?? null })),
    sections: { exclude: input.sections?.exclude ?? [] },
    extraSlides: (input.extraSlides ?? []).map((x) => ({ file: path.resolve(dir, x.file), after: x.after })),
    generic: false,
    example: input.example ?? false,
  }
}

/** `associations/amis-du-velo.yml` → `amis-du-velo`. */
export function slugOf(file: string): string {
  return path.basename(file).replace(/\.ya?ml$/i, '')
}
