import { describe, expect, it } from 'vitest'

import { loadCatalogue } from '../../../src/config/catalogue.js'
import type { ProfileTool } from '../../../src/config/defaults.js'
import { loadDiagnosticMetrics } from '../../../src/render/diagnostic-metrics.js'
import { buildDiagnostic, type DiagnosticRow, paginateRows, rowHeight } from '../../../src/render/diagnostic.js'

const tool = (current: string, need: string | null = null, alternatives: ProfileTool['alternatives'] = null): ProfileTool => ({
  need,
  current,
  alternatives,
})
const OWN = [
  { name: 'uMap', url: 'https://umap.openstreetmap.fr', kind: 'service' as const },
  { name: 'Framacarte', url: 'https://framacarte.org', kind: 'service' as const },
]

describe('buildDiagnostic', () => {
  it('spells each tool as the catalogue does, and takes its alternatives and why from there', async () => {
    const catalogue = await loadCatalogue()
    const { rows } = buildDiagnostic(
      [tool('excel', 'Gestion des membres'), tool(' whats app '), tool('GOOGLE DRIVE'), tool('Insta')],
      catalogue,
    )
    expect(rows.map((r) => r.current)).toEqual(['Excel', 'WhatsApp', 'Google Drive', 'Instagram'])
    expect(rows.map((r) => r.typed)).toEqual(['excel', ' whats app ', 'GOOGLE DRIVE', 'Insta'])
    expect(rows[0]).toMatchObject({ need: 'Gestion des membres', source: 'catalogue', known: true })
    expect(rows[0]!.alternatives.map((a) => a.name)).toContain('LibreOffice Calc')
    expect(rows[1]!.need).toBe(catalogue.match('WhatsApp')!.need)
    expect(rows[1]!.why).toBe(catalogue.match('WhatsApp')!.why)
  })

  it("lists a tool the catalogue lacks as to study together, or with the profile's own alternatives", async () => {
    const catalogue = await loadCatalogue()
    const { rows } = buildDiagnostic([tool('Padlet', 'Mur d’idées'), tool('Mapotempo', 'Cartes', OWN), tool('Excel', null, OWN)], catalogue)
    expect(rows[0]).toMatchObject({ current: 'Padlet', source: 'unknown', known: false, alternatives: [], why: null })
    expect(rows[1]).toMatchObject({ current: 'Mapotempo', source: 'profile', known: true, alternatives: OWN, why: null })
    // The profile's alternatives win over the catalogue's, which still says why to change.
    expect(rows[2]).toMatchObject({ current: 'Excel', source: 'profile', alternatives: OWN })
    expect(rows[2]!.why).toBeTruthy()
  })
})

describe('paginateRows', () => {
  const metrics = loadDiagnosticMetrics()
  const row = (alternatives: string[], need = 'Besoin'): DiagnosticRow => ({
    need,
    current: 'Outil',
    typed: 'Outil',
    source: 'catalogue',
    known: true,
    alternatives: alternatives.map((name) => ({ name, url: 'https://x.example.org', kind: 'service' as const })),
    why: null,
  })

  it('keeps seven short rows on one slide', () => {
    const pages = paginateRows(Array.from({ length: 7 }, () => row(['Signal', 'Element', 'Delta Chat'], 'Messagerie de groupe')))
    expect(pages).toHaveLength(1)
    expect(pages[0]).toMatchObject({ number: 1, total: 1, several: false })
  })

  it('splits a long table over as few slides as fit, evenly, none over the room measured', () => {
    const rows = Array.from({ length: 20 }, (_, i) => row([`Alternative numéro ${i}`, 'Une autre alternative', 'Et une troisième']))
    const pages = paginateRows(rows)
    expect(pages.flatMap((p) => p.rows)).toEqual(rows)
    const sizes = pages.map((p) => p.rows.length)
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
    for (const page of pages) expect(page.rows.reduce((h, r) => h + rowHeight(r), 0)).toBeLessThanOrEqual(metrics.room)
    // One slide fewer would not hold them.
    expect(rows.reduce((h, r) => h + rowHeight(r), 0)).toBeGreaterThan((pages.length - 1) * metrics.room)
    expect(pages.map((p) => `${p.number}/${p.total}`)).toEqual(pages.map((_, i) => `${i + 1}/${pages.length}`))
  })

  it('counts the lines a cell wraps to from the measured widths of its characters', () => {
    const one = rowHeight(row(['A', 'B']))
    expect(one).toBeCloseTo(metrics.rowExtra + metrics.lineHeight, 5)
    expect(rowHeight(row(['Nextcloud', 'Frama.space', 'Zaclys'], 'Un besoin sur deux lignes du tableau'))).toBeCloseTo(
      one + metrics.lineHeight,
      5,
    )
    expect(rowHeight(row(['W'.repeat(80)]))).toBeGreaterThan(one + metrics.lineHeight)
  })
})

describe('loadDiagnosticMetrics', () => {
  it("gives each of diapo's themes its own measures, and a theme of one's own the default's", () => {
    expect(loadDiagnosticMetrics('contrast').fontSize).toBeGreaterThan(loadDiagnosticMetrics('default').fontSize)
    expect(loadDiagnosticMetrics('themes/maison.css')).toBe(loadDiagnosticMetrics())
  })
})
