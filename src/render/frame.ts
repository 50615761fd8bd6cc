import { DeckError, type SourceLocation } from '../errors.js'
import { t } from '../i18n/index.js'

/** The slide frame's proportions: `16:9` (default) or `4:3`, for older projectors. */
export type Aspect = '16:9' | '4:3'

/** A slide frame, in CSS pixels. Both are 720 px high, so type sizes and layouts hold in both. */
export interface Frame {
  aspect: Aspect
  width: number
  height: number
}

export const FRAMES: Record<Aspect, Frame> = {
  '16:9': { aspect: '16:9', width: 1280, height: 720 },
  '4:3': { aspect: '4:3', width: 960, height: 720 },
}

export const DEFAULT_FRAME = FRAMES['16:9']

/** Whether a value is an aspect diapo knows. */
export function isAspect(value: unknown): value is Aspect {
  return typeof value === 'string' && Object.hasOwn(FRAMES, value.trim())
}

/**
 * The frame for `aspect` (front matter or profile); absent: 16:9. Anything else is a `DeckError` at
 * `loc` (the `aspect:` line).
 */
export function resolveFrame(aspect: unknown, loc?: SourceLocation): Frame {
  if (aspect === undefined || aspect === null) return DEFAULT_FRAME
  if (isAspect(aspect)) return FRAMES[aspect.trim() as Aspect]
  const { message, hint } = unknownAspect(aspect)
  throw new DeckError(message, 'E_FRONTMATTER', { ...(loc ? { loc } : {}), hint })
}

/** What to tell the writer of an aspect diapo does not know. */
export function unknownAspect(aspect: unknown): { message: string; hint: string } {
  return {
    message: t('frame.unknownAspect', { value: JSON.stringify(aspect) }),
    hint: t('frame.unknownAspectHint'),
  }
}
