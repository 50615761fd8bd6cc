import type { ResolvedProfile } from './defaults.js'
import type { KeyPath } from './validate.js'

/** WCAG AA for normal text: links and the title are written in the primary colour. */
export const MIN_TEXT_CONTRAST = 4.5

const RE_BG = /--diapo-bg\s*:\s*([^;]+);/

/** A colour of the profile that the audience may not see well on the theme's background. */
export interface ContrastWarning {
  path: KeyPath
  message: string
}

/**
 * Checks the profile's colours against the theme's background (`--diapo-bg` in its CSS): the primary
 * colour is text (links, title); the accent is decoration only (rules, progress bar), as in the themes. A warning, not an error: `diapo check`
 * measures the rendered deck; this says it at build time, where the colour was written.
 */
export async function checkProfileContrast(profile: ResolvedProfile, themeCss: string): Promise<ContrastWarning[]> {
  if (!profile.colors.primary) return []
  const { wcagContrast, parse } = await import('culori')
  const background = RE_BG.exec(themeCss)?.[1]?.trim() ?? '#ffffff'
  if (!parse(background)) return []
  const warnings: ContrastWarning[] = []
  const check = (key: 'primary' | 'accent', minimum: number, role: string): void => {
    const colour = profile.colors[key]
    if (!colour) return
    const ratio = wcagContrast(colour, background)
    if (ratio < minimum) {
      warnings.push({
        path: ['colors', key],
        message: `colors.${key} ${colour} has a contrast of ${ratio.toFixed(1)}:1 on the theme's background ${background}; ${role} needs at least ${minimum}:1 to be read on a projector (choose a darker or lighter shade)`,
      })
    }
  }
  check('primary', MIN_TEXT_CONTRAST, 'text in this colour (links, the title)')
  return warnings
}
