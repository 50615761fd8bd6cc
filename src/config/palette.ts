import { clampChroma, converter, formatHex, parse, wcagContrast, type Oklch } from 'culori'

import { formatRatio } from '../check/contrast.js'
import { t } from '../i18n/index.js'
import type { KeyPath } from './validate.js'

/** WCAG AA for normal text: every text/background pair of a deck made for an association. */
export const MIN_TEXT_CONTRAST = 4.5
/** Headings are a deeper shade of the primary colour, as the themes' own headings are (AAA). */
export const HEADING_CONTRAST = 8

/** What the theme's CSS says of the page the profile's colours are painted on. */
export interface ThemeColours {
  /** `--diapo-bg`: the slides' background. */
  background: string
  /** `--diapo-min-contrast`: the contrast the theme promises its text (the contrast theme: 7); at least 4.5. */
  minContrast?: number
}

/** A colour of the profile that diapo had to change so the audience can read it. */
export interface ColourAdjustment {
  /** Where the colour is in the profile, e.g. `['colors', 'primary']`. */
  path: KeyPath
  /** As written in the profile. */
  asked: string
  /** What the deck uses instead (`#rrggbb`): same hue, the nearest lightness that passes. */
  used: string
  /** Contrast of the colour asked on `background`. */
  ratio: number
  /** Contrast of the colour used on `background`. */
  usedRatio: number
  background: string
  minimum: number
}

/** The deck's colours derived from a profile's: CSS custom properties, and what had to be adjusted. */
export interface Palette {
  /** `--diapo-*` custom properties (values `#rrggbb`). */
  vars: Record<string, string>
  adjustments: ColourAdjustment[]
  /**
   * Which profile key each colour the deck shows comes from (`#rrggbb` → key path), so that `diapo
   * check` blames the profile's line for a colour problem, never the shared slides.
   */
  origins: Map<string, KeyPath>
}

const RE_BG = /--diapo-bg\s*:\s*([^;]+);/g
const RE_MIN_CONTRAST = /--diapo-min-contrast\s*:\s*([\d.]+)\s*;/

/** The theme's background from its CSS (the last `--diapo-bg` it sets; white when none), and its minimum contrast. */
export function readThemeColours(themeCss: string): ThemeColours {
  const all = [...themeCss.matchAll(RE_BG)].map((m) => m[1]!.trim())
  const background = all.reverse().find((value) => parse(value)) ?? '#ffffff'
  const min = Number(RE_MIN_CONTRAST.exec(themeCss)?.[1])
  return { background: formatHex(parse(background)!), ...(min > MIN_TEXT_CONTRAST ? { minContrast: min } : {}) }
}

/**
 * Re-themes a deck from a profile's colours. `primary` is text (links, list markers, the title), and
 * gives the deck its other shades in the same hue: a deep one for headings and table headers, a light
 * tint behind the table headers, the table rules. `accent` is decoration (rules under headings, the
 * progress bar); without it, a lighter shade of the primary. A primary too light or too dark to read
 * on the theme's background (under 4.5:1, or the theme's `--diapo-min-contrast`) is replaced by the
 * nearest lightness of its hue that passes.
 */
export function derivePalette(colors: { primary: string | null; accent: string | null }, theme: ThemeColours): Palette {
  const vars: Record<string, string> = {}
  const adjustments: ColourAdjustment[] = []
  const origins = new Map<string, KeyPath>()
  const bg = theme.background
  const minimum = Math.max(MIN_TEXT_CONTRAST, theme.minContrast ?? 0)
  if (colors.primary) {
    const asked = toHex(colors.primary)
    const tint = quietShade(asked, bg, 0.045, 0.035)
    // Links and markers are on the background; the tint is only behind headings' colour.
    const primary = fitContrast(asked, bg, minimum)
    if (primary !== asked) {
      adjustments.push({
        path: ['colors', 'primary'],
        asked: colors.primary,
        used: primary,
        ratio: wcagContrast(asked, bg),
        usedRatio: wcagContrast(primary, bg),
        background: bg,
        minimum,
      })
    }
    const heading = fitContrast(
      fitContrast(primary, bg, Math.max(HEADING_CONTRAST, minimum)),
      tint,
      Math.max(HEADING_CONTRAST - 1, minimum),
    )
    Object.assign(vars, {
      '--diapo-primary': primary,
      '--diapo-link': primary,
      '--diapo-heading': heading,
      '--diapo-tint': tint,
      '--diapo-table-border': quietShade(asked, bg, 0.16, 0.06),
      '--diapo-accent': colors.accent ? toHex(colors.accent) : shade(asked, bg, 2.2),
    })
    for (const colour of [primary, heading, tint]) origins.set(colour, ['colors', 'primary'])
  }
  if (colors.accent) {
    vars['--diapo-accent'] = toHex(colors.accent)
    origins.set(vars['--diapo-accent'], ['colors', 'accent'])
  }
  return { vars, adjustments, origins }
}

/** `:root { --diapo-primary: #...; ... }`, or `undefined` for no variables. */
export function paletteStyle(palette: Palette): string | undefined {
  const entries = Object.entries(palette.vars)
  return entries.length > 0 ? `:root { ${entries.map(([k, v]) => `${k}: ${v};`).join(' ')} }` : undefined
}

/**
 * The colour, or the nearest colour of the same hue (OKLCH lightness moved, chroma kept where the
 * screen can show it) whose contrast on `background` is at least `minimum`. `#rrggbb`.
 */
export function fitContrast(colour: string, background: string, minimum: number): string {
  const hex = toHex(colour)
  if (wcagContrast(hex, background) >= minimum) return hex
  const start = toOklch(hex)!
  // Towards black or towards white: the nearest lightness that passes, on the side that can.
  const candidates = ([0, 1] as const)
    .map((end) => searchLightness(start, background, minimum, end))
    .filter((c): c is { hex: string; distance: number } => c !== undefined)
    .sort((a, b) => a.distance - b.distance)
  return candidates[0]?.hex ?? (wcagContrast('#000000', background) > wcagContrast('#ffffff', background) ? '#000000' : '#ffffff')
}

// --- internal ---

const toOklch = converter('oklch')

function toHex(colour: string): string {
  return formatHex(parse(colour) ?? parse('#000000')!)
}

function fromOklch(c: Oklch): string {
  return formatHex(clampChroma(c, 'oklch'))
}

/**
 * A quiet shade of `colour`'s hue near the background (behind table headers, table rules): the
 * background's lightness moved by `step` towards the text, with at most `chroma` of colour.
 */
function quietShade(colour: string, background: string, step: number, chroma: number): string {
  const c = toOklch(colour)!
  const bg = toOklch(background)!
  const l = bg.l > 0.5 ? bg.l - step : bg.l + step * 3
  return fromOklch({ mode: 'oklch', l, c: Math.min(c.c, chroma), h: c.h ?? 0 })
}

/** A lighter (on a light background) or softer shade of `colour`: its contrast on `background` at `ratio`. */
function shade(colour: string, background: string, ratio: number): string {
  const c = toOklch(colour)!
  const light = toOklch(background)!.l > 0.5
  let [lo, hi] = light ? [c.l, 1] : [0, c.l]
  for (let i = 0; i < 20; i++) {
    const mid = (lo + hi) / 2
    const passes = wcagContrast(fromOklch({ ...c, l: mid }), background) >= ratio
    if (light === passes) lo = mid
    else hi = mid
  }
  return fromOklch({ ...c, l: light ? lo : hi })
}

/** Bisects lightness between the colour's and `end` for the first value that passes. */
function searchLightness(start: Oklch, background: string, minimum: number, end: 0 | 1): { hex: string; distance: number } | undefined {
  const at = (l: number): string => fromOklch({ ...start, l })
  if (wcagContrast(at(end), background) < minimum) return undefined
  let [fail, pass] = [start.l, end as number]
  for (let i = 0; i < 24; i++) {
    const mid = (fail + pass) / 2
    if (wcagContrast(at(mid), background) >= minimum) pass = mid
    else fail = mid
  }
  // Rounding to #rrggbb may land a hair under the minimum: step on until it does not.
  let l = pass
  while (wcagContrast(at(l), background) < minimum && l !== end) l = end === 0 ? Math.max(0, l - 0.002) : Math.min(1, l + 0.002)
  return { hex: at(l), distance: Math.abs(l - start.l) }
}

/**
 * The one warning of an adjusted colour: where it is written, the colour asked, the colour used and
 * the ratios. Every word of it is built here, so that it can be translated in one place.
 */
export function describeAdjustment(adjustment: ColourAdjustment): { message: string; hint: string } {
  const { path, asked, used, ratio, usedRatio, background, minimum } = adjustment
  const key = path.join('.')
  const lighter = wcagContrast(used, '#000000') > wcagContrast(asked, '#000000')
  return {
    message: t('palette.adjusted', {
      key,
      asked,
      lighter,
      background,
      ratio: formatRatio(ratio),
      minimum,
      used,
      usedRatio: formatRatio(usedRatio),
    }),
    hint: t('palette.adjustedHint', { key: key.split('.').at(-1)!, used, lighter }),
  }
}
