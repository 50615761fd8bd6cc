import type { SourceFile } from '../types.js'

export interface SectionChanges {
  /** Section ids to leave out; `index` is the item's place in the profile's list (for errors). */
  exclude: string[]
  /** Extra slide files (already read), each inserted after a section. */
  extras: { source: SourceFile; after: string }[]
}

/** An id the deck does not have: `list` and `index` say which item of the profile names it. */
export interface UnknownSection {
  id: string
  list: 'exclude' | 'extraSlides'
  index: number
  known: string[]
}

/**
 * Leaves sections out and inserts extra slide files after a section. A section's id is `id` in its
 * front matter, or its file name without leading number and extension. Pure. An unknown id is
 * returned to the caller, who knows where the profile wrote it.
 */
export function arrangeSections(sources: SourceFile[], changes: SectionChanges): SourceFile[] | UnknownSection {
  const known = sources.map((s) => s.id)
  const unknownExclude = changes.exclude.findIndex((id) => !known.includes(id))
  if (unknownExclude !== -1) return { id: changes.exclude[unknownExclude]!, list: 'exclude', index: unknownExclude, known }
  const unknownAfter = changes.extras.findIndex((x) => !known.includes(x.after))
  if (unknownAfter !== -1) return { id: changes.extras[unknownAfter]!.after, list: 'extraSlides', index: unknownAfter, known }

  const out: SourceFile[] = []
  sources.forEach((source, i) => {
    if (!changes.exclude.includes(source.id)) out.push(source)
    // The deck's first file carries its front matter (title, lang...): an excluded first section keeps it.
    else if (i === 0) out.push({ ...source, body: '' })
    out.push(...changes.extras.filter((x) => x.after === source.id).map((x) => x.source))
  })
  return out
}
