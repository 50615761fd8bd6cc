import { lineOfText, toLocalPath } from '../render/deck.js'
import { decodeHtmlEntities } from '../render/entities.js'
import type { Slide } from '../types.js'
import { AA_RATIO, blend, contrastRatio, effectiveBackground, formatRatio, toHex } from './contrast.js'
import type { Edges, SlideMeasure } from './measure.js'
import type { Diagnostic } from '../diagnostics.js'
import { t } from '../i18n/index.js'

/** Overflow below this many pixels is rounding, not a problem a viewer could see. */
export const OVERFLOW_TOLERANCE = 2

const RE_LINK_HREF = /<a\b(?:[^>"']|"[^"]*"|'[^']*')*?\shref\s*=\s*(["'])(.*?)\1/gi

export interface AnalyseContext {
  /** The deck's slides in the order the browser visits them (one per measure). */
  slides: Slide[]
  /** Output paths (`media/...`) of local images already reported missing by the build. */
  missingTargets: Set<string>
  /** Local images by output path: their path as written for the report, and their line. */
  assets: Map<string, { name: string; line: number }>
}

/** Turns the browser's measures of each slide into issues, located by slide number and `file:line`. */
export function analyseMeasures(measures: SlideMeasure[], ctx: AnalyseContext): Diagnostic[] {
  return measures.flatMap((m, i) => {
    const slide = ctx.slides[i]
    const at = (needle?: string, line?: number): Pick<Diagnostic, 'slide' | 'loc'> => ({
      slide: m.number,
      ...(slide ? { loc: { file: slide.loc.file, line: line ?? (needle ? lineOfText(slide, needle) : slide.loc.line) } } : {}),
    })
    const issues: Diagnostic[] = []
    const overflow = overflowIssue(m)
    if (overflow) issues.push({ ...at(), ...overflow })
    for (const img of m.images) {
      const asset = ctx.assets.get(img.src)
      const params = { image: asset?.name ?? img.src }
      const image = (rule: 'image-missing' | 'image-alt', message: string, hint: string): Diagnostic => ({
        ...at(img.src, asset?.line),
        severity: 'error',
        rule,
        message,
        hint,
      })
      if (img.broken && !ctx.missingTargets.has(img.src)) {
        issues.push(image('image-missing', t('check.imageMissing', params), t('check.imageMissingHint')))
      }
      if (!img.alt?.trim()) {
        issues.push(image('image-alt', t('check.imageAlt', params), t('check.imageAltHint')))
      }
    }
    if (m.empty) {
      issues.push({
        ...at(),
        severity: 'error',
        rule: 'empty-slide',
        message: t('check.emptySlide'),
        hint: t('check.emptySlideHint'),
      })
    } else if (!m.hasNotes) {
      issues.push({
        ...at(),
        severity: 'warning',
        rule: 'no-notes',
        message: t('check.noNotes'),
        hint: t('check.noNotesHint'),
      })
    }
    const layout = layoutIssue(m)
    if (layout) issues.push({ ...at(), ...layout })
    issues.push(...contrastIssues(m).map((issue) => ({ ...at(issue.details?.sample as string), ...issue })))
    return issues
  })
}

/** Local link targets of rendered HTML (not URLs, `mailto:` or `#` anchors), decoded, without `?` or `#`. */
export function findLocalLinks(html: string): string[] {
  const found: string[] = []
  for (const m of html.matchAll(RE_LINK_HREF)) {
    const file = toLocalPath(decodeHtmlEntities(m[2]!))
    if (file) found.push(file)
  }
  return [...new Set(found)]
}

/** Layouts meant to show a heading alone (a cover, a divider, one big sentence). */
export const HEADING_LAYOUTS = ['title-slide', 'section-title', 'statement', 'closing', 'conclusion', 'center']

/**
 * A title slide is crowded when its content fills more than this share of the frame's height: a long
 * association name wrapping over lines pushes the title against the frame's edges.
 */
export const TITLE_FILL_LIMIT = 0.8

// --- internal ---

/** A heading alone on a content slide; a title slide squeezed by its content (a long name). */
function layoutIssue(m: SlideMeasure): Omit<Diagnostic, 'slide' | 'loc'> | undefined {
  if (m.headingOnly && !m.classes.some((c) => HEADING_LAYOUTS.includes(c))) {
    return {
      severity: 'warning',
      rule: 'heading-only',
      message: t('check.headingOnly'),
      hint: t('check.headingOnlyHint'),
    }
  }
  if (m.classes.includes('title-slide') && m.extent) {
    const height = m.extent.bottom - m.extent.top
    const fill = height / m.frame.height
    if (fill > TITLE_FILL_LIMIT) {
      return {
        severity: 'warning',
        rule: 'title-crowded',
        message: t('check.titleCrowded', { height, frame: m.frame.height, percent: Math.round(fill * 100) }),
        hint: t('check.titleCrowdedHint'),
        details: { height, frame: m.frame, fill: Math.round(fill * 100) / 100, extent: m.extent },
      }
    }
  }
  return undefined
}

function overflowIssue(m: SlideMeasure): Omit<Diagnostic, 'slide' | 'loc'> | undefined {
  const worst = (e: Edges): [keyof Edges, number] => (Object.entries(e) as [keyof Edges, number][]).reduce((a, b) => (b[1] > a[1] ? b : a))
  const [edge, px] = worst(m.overflow)
  const [edgeF, pxF] = worst(m.overflowFragments)
  if (Math.max(px, pxF) <= OVERFLOW_TOLERANCE) return undefined
  const withFragments = pxF > px
  const side = withFragments ? edgeF : edge
  const amount = withFragments ? pxF : px
  return {
    severity: 'error',
    rule: 'overflow',
    message: t('check.overflow', { pixels: amount, edge: side, fragments: withFragments }),
    hint: t('check.overflowHint'),
    details: { pixels: amount, edge: side, fragments: withFragments, overflow: m.overflow, overflowFragments: m.overflowFragments },
  }
}

function contrastIssues(m: SlideMeasure): Omit<Diagnostic, 'slide' | 'loc'>[] {
  const pairs = new Map<string, { ratio: number; fg: string; bg: string; sample: string }>()
  for (const text of m.texts) {
    const bg = effectiveBackground(text.layers)
    const fg = blend(text.colour, bg)
    const ratio = contrastRatio(fg, bg)
    const key = `${toHex(fg)} ${toHex(bg)}`
    if (ratio < AA_RATIO && !pairs.has(key)) pairs.set(key, { ratio, fg: toHex(fg), bg: toHex(bg), sample: text.text })
  }
  return [...pairs.values()].map((p) => ({
    severity: 'error' as const,
    rule: 'contrast' as const,
    message: t('check.contrast', { foreground: p.fg, background: p.bg, ratio: formatRatio(p.ratio), min: AA_RATIO, sample: p.sample }),
    hint: t('check.contrastHint'),
    details: { ratio: Math.round(p.ratio * 100) / 100, foreground: p.fg, background: p.bg, sample: p.sample },
  }))
}
