import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { deckWatchList } from '../../../src/commands/deck-input.js'
import { PACKAGE_ROOT } from '../../../src/paths.js'

describe('deckWatchList', () => {
  it('watches the page template, partials, themes and catalogue of diapo', () => {
    expect(deckWatchList({ cwd: '/w', deck: 'slides' })).toEqual(['templates', 'themes', 'data'].map((dir) => path.join(PACKAGE_ROOT, dir)))
  })

  it('watches the profile and a theme file given on the command line, resolved from the working folder', () => {
    const list = deckWatchList({ cwd: '/w', deck: 'slides', asso: 'associations/x.yml', theme: 'mon-theme.css' })
    expect(list).toContain(path.resolve('/w', 'associations/x.yml'))
    expect(list).toContain(path.resolve('/w', 'mon-theme.css'))
  })

  it('does not take a theme name for a file', () => {
    expect(deckWatchList({ cwd: '/w', deck: 'slides', theme: 'contrast' })).toHaveLength(3)
  })
})
