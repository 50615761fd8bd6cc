import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import type { CheckIssue, CheckReport } from '../../src/check/report.js'
import { runCli } from './helpers.js'

const DECKS = 'tests/fixtures/decks'

describe('diapo check', () => {
  it('finds the planted problems, each with its slide number and file:line, and exits 1', async () => {
    const { code, stdout } = await check([`${DECKS}/check-problems`, '--json'])
    expect(code).toBe(1)
    const report = JSON.parse(stdout) as CheckReport
    const file = `${DECKS}/check-problems/slides.md`
    const find = (rule: CheckIssue['rule']): CheckIssue[] => report.issues.filter((i) => i.rule === rule)

    const overflow = find('overflow')
    expect(overflow.map((i) => [i.slide, i.line])).toEqual([
      [2, 15],
      [3, 32],
    ])
    expect(overflow[0]!.details).toMatchObject({ edge: 'bottom', fragments: false })
    expect(overflow[0]!.details!.pixels).toBeGreaterThan(50)
    // The "grow" fragment only overflows once shown.
    expect(overflow[1]!.details).toMatchObject({ fragments: true })
    expect(overflow[1]!.message).toMatch(/\d+ px .* once all fragments are shown/)

    expect(find('image-alt')).toMatchObject([{ severity: 'error', slide: 4, file, line: 43 }])
    expect(find('link-missing')).toMatchObject([{ severity: 'error', slide: 5, file, line: 52 }])
    expect(find('link-missing')[0]!.message).toContain('docs/programme.pdf')
    expect(find('image-missing')).toMatchObject([{ severity: 'error', slide: 7, file, line: 67 }])
    expect(find('empty-slide')).toMatchObject([{ severity: 'error', slide: 8 }])
    expect(find('no-notes')).toMatchObject([{ severity: 'warning', slide: 6, file, line: 59 }])
    expect(find('contrast')).toEqual([])
    expect(report).toMatchObject({ deck: `${DECKS}/check-problems`, slides: 8, errors: 6, warnings: 1 })
  })

  it('reports a text/background pair below 4.5:1 with its ratio', async () => {
    const { code, stdout } = await check([`${DECKS}/low-contrast`, '--json'])
    expect(code).toBe(1)
    const report = JSON.parse(stdout) as CheckReport
    expect(report.issues).toHaveLength(1)
    expect(report.issues[0]).toMatchObject({
      severity: 'error',
      rule: 'contrast',
      slide: 1,
      file: `${DECKS}/low-contrast/slides.md`,
      line: 8,
      details: { ratio: 2.32, foreground: '#aaaaaa', background: '#ffffff' },
    })
    expect(report.issues[0]!.message).toContain('2.32:1')
  })

  it('prints one line per problem, then a summary, for people', async () => {
    const { code, stdout } = await check([`${DECKS}/low-contrast`])
    expect(code).toBe(1)
    expect(stdout).toContain(`${DECKS}/low-contrast/slides.md:8 (slide 1): error text #aaaaaa on #ffffff has a contrast of 2.32:1`)
    expect(stdout).toMatch(/1 slide, 1 error, 0 warnings/)
  })

  it('reports a deck that does not build as an error at its file:line instead of crashing', async () => {
    // Written at test time: the fixture decks must all parse (tests/unit/parse/fixtures.test.ts).
    const dir = await mkdtemp(path.join(os.tmpdir(), 'diapo-check-yaml-'))
    try {
      await writeFile(path.join(dir, 'slides.md'), '---\ntitle: Atelier\nauthor: [Camille\n---\n\n# Bonjour\n\nNote:\nx\n')
      const { code, stdout } = await check([dir, '--json'])
      expect(code).toBe(1)
      const report = JSON.parse(stdout) as CheckReport
      expect(report.issues).toMatchObject([
        { severity: 'error', rule: 'build', file: path.join(dir, 'slides.md'), line: expect.any(Number) },
      ])
      expect(report.issues[0]!.message).toContain('never closed')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('reports an unknown template variable as an error at its file:line', async () => {
    const { code, stdout } = await check([`${DECKS}/template-error`, '--json'])
    expect(code).toBe(1)
    const report = JSON.parse(stdout) as CheckReport
    expect(report.issues).toMatchObject([
      { severity: 'error', rule: 'build', file: `${DECKS}/template-error/slides.md`, line: 7 },
    ])
    expect(report.issues[0]!.message).toContain('asso.nmae')
  })

  it.each(['associations/jardins-partages.yml', 'associations/chorale-du-quartier.yml'])(
    'passes on the default deck made for the example profile %s',
    async (profile) => {
      const { code, stdout } = await check(['--asso', profile, '--json'])
      const report = JSON.parse(stdout) as CheckReport
      expect(report.issues.filter((i) => i.severity === 'error')).toEqual([])
      expect(report.slides).toBeGreaterThan(20)
      expect(code).toBe(0)
    },
  )

  it('passes on the default deck: no error, exit 0', async () => {
    const { code, stdout } = await check(['--json'])
    const report = JSON.parse(stdout) as CheckReport
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(report.slides).toBeGreaterThan(20)
    expect(code).toBe(0)
  })

  it('passes on the default deck with the contrast theme', async () => {
    const { code, stdout } = await check(['--theme', 'contrast'])
    expect(stdout).toMatch(/slides: \d+ slides, no problem found/)
    expect(code).toBe(0)
  })
})

// --- helpers ---

function check(args: string[]): ReturnType<typeof runCli> {
  return runCli(['check', ...args])
}
