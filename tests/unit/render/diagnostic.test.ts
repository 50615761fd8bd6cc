import { describe, expect, it } from 'vitest'

import { loadCatalogue } from '../../../src/config/catalogue.js'
import { buildDiagnostic, paginateRows, rowHeight } from '../../../src/render/diagnostic.js'

describe('buildDiagnostic', () => {
  it('takes the alternatives from the catalogue and lists an unknown tool as to study together', async () => {
    const catalogue = await loadCatalogue()
    const { rows } = buildDiagnostic(
      [
        { need: 'Gestion des membres', current: 'excel' },
        { need: null, current: 'WhatsApp' },
        { need: 'Mur d’idées', current: 'Padlet' },
      ],
      catalogue,
    )
    expect(rows[0]).toMatchObject({ need: 'Gestion des membres', current: 'excel', known: true })
    expect(rows[0]!.alternatives.map((a) => a.name)).toContain('LibreOffice Calc')
    expect(rows[1]!.need).toBe(catalogue.match('WhatsApp')!.need)
    expect(rows[2]).toMatchObject({ known: false, alternatives: [], why: null })
  })
})

describe('paginateRows', () => {
  const row = (alternatives: string[]) => ({
    need: 'Besoin',
    current: 'Outil',
    known: true,
    alternatives: alternatives.map((name) => ({ name, url: 'https://x.example.org', kind: 'service' as const })),
    why: null,
  })

  it('keeps a short table on one slide', () => {
    const pages = paginateRows([row(['A', 'B']), row(['C', 'D'])])
    expect(pages).toHaveLength(1)
    expect(pages[0]).toMatchObject({ number: 1, total: 1, several: false })
  })

  it('splits a long table over several slides, evenly, none over its height budget', () => {
    const rows = Array.from({ length: 20 }, (_, i) => row([`Alternative numéro ${i}`, 'Une autre alternative', 'Et une troisième']))
    const pages = paginateRows(rows)
    expect(pages.length).toBeGreaterThan(2)
    expect(pages.flatMap((p) => p.rows)).toEqual(rows)
    const sizes = pages.map((p) => p.rows.length)
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
    for (const page of pages) expect(page.rows.reduce((h, r) => h + rowHeight(r), 0)).toBeLessThanOrEqual(420)
    expect(pages.map((p) => `${p.number}/${p.total}`)).toEqual(pages.map((_, i) => `${i + 1}/${pages.length}`))
  })

  it('counts a row whose cells wrap as taller', () => {
    expect(rowHeight(row(['Nextcloud', 'Frama.space', 'Zaclys', 'CryptPad']))).toBeGreaterThan(rowHeight(row(['A'])))
  })
})
