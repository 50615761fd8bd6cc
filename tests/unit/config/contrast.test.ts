import { describe, expect, it } from 'vitest'

import { checkProfileContrast } from '../../../src/config/contrast.js'
import { GENERIC_PROFILE } from '../../../src/config/defaults.js'

const THEME = ':root {\n  --diapo-bg: #fbf6ee;\n  --diapo-fg: #2b211a;\n}'
const withColours = (primary: string | null, accent: string | null = null) => ({ ...GENERIC_PROFILE, colors: { primary, accent } })

describe('checkProfileContrast', () => {
  it('warns when the primary colour is hard to read on the theme background, with the ratio', async () => {
    const warnings = await checkProfileContrast(withColours('#ffd700'), THEME)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.path).toEqual(['colors', 'primary'])
    expect(warnings[0]!.message).toMatch(/contrast of 1\.\d:1 on the theme's background #fbf6ee/)
  })

  it('says nothing of readable colours, of the accent (decoration) or without colours', async () => {
    expect(await checkProfileContrast(withColours('#0a5c8a', '#ffd700'), THEME)).toEqual([])
    expect(await checkProfileContrast(withColours(null), THEME)).toEqual([])
  })
})
