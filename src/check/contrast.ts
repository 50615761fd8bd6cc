/** An sRGB colour with alpha: r, g, b in 0–255, a in 0–1. */
export type Rgba = [number, number, number, number]

/** WCAG 2 AA for normal text. */
export const AA_RATIO = 4.5

/** Relative luminance of an sRGB colour (WCAG 2.x definition). */
export function relativeLuminance([r, g, b]: Rgba | [number, number, number]): number {
  const lin = (c: number): number => {
    const s = c / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/** Contrast ratio of two opaque colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: Rgba | [number, number, number], b: Rgba | [number, number, number]): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** Paints `top` over `bottom` (alpha compositing); the result is opaque when `bottom` is. */
export function blend(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3] + bottom[3] * (1 - top[3])
  if (a === 0) return [0, 0, 0, 0]
  const mix = (t: number, b: number): number => (t * top[3] + b * bottom[3] * (1 - top[3])) / a
  return [mix(top[0], bottom[0]), mix(top[1], bottom[1]), mix(top[2], bottom[2]), a]
}

/**
 * The colour seen behind text: background layers from the nearest to the farthest, painted over white
 * (a browser's canvas) where they are not opaque.
 */
export function effectiveBackground(layers: Rgba[]): Rgba {
  let colour: Rgba = [255, 255, 255, 1]
  for (const layer of [...layers].reverse()) colour = blend(layer, colour)
  return colour
}

/** `#rrggbb`, or `#rrggbbaa` when not opaque. */
export function toHex([r, g, b, a]: Rgba): string {
  const hex = (n: number): string =>
    Math.round(Math.min(255, Math.max(0, n)))
      .toString(16)
      .padStart(2, '0')
  return `#${hex(r)}${hex(g)}${hex(b)}${a < 1 ? hex(a * 255) : ''}`
}

/** Rounds a ratio down to 2 decimals, so that 4.499 is never shown as a passing "4.5". */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`
}
