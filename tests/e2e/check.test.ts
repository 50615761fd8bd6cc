import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import type { CheckReportJson as CheckReport } from '../../src/check/report.js'
import type { DiagnosticJson as CheckIssue } from '../../src/diagnostics.js'
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
    expect(stdout).toContain(`error ${DECKS}/low-contrast/slides.md:8 (slide 1): text #aaaaaa on #ffffff has a contrast of 2.32:1`)
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
    expect(report.issues).toMatchObject([{ severity: 'error', rule: 'build', file: `${DECKS}/template-error/slides.md`, line: 7 }])
    expect(report.issues[0]!.message).toContain('asso.nmae')
  })

  it('reports a dead link below a template loop at its own line, as the build reports its errors', async () => {
    // Six tools rendered by {{#each}} above the link: the slide's line map, not its text, gives the line.
    const { code, stdout } = await check([`${DECKS}/template-loop`, '--json'])
    expect(code).toBe(1)
    const report = JSON.parse(stdout) as CheckReport
    const file = `${DECKS}/template-loop/slides.md`
    const lines = (await readFile(file, 'utf8')).split('\n')
    const line = lines.indexOf('Voir [le programme](docs/programme.pdf)') + 1
    expect(line).toBe(11)
    expect(report.issues.filter((i) => i.rule === 'link-missing')).toMatchObject([{ slide: 1, file, line }])
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

  it('warns about a slide that shows a heading alone, at its line, but not about a divider', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'diapo-check-heading-'))
    try {
      const md = [
        '<!-- .slide: class="section-title" -->',
        '',
        '# Première partie',
        '',
        'Note:',
        'Annoncer la partie.',
        '',
        '---',
        '',
        '## La 3ème révolution majeure',
        '',
        'Note:',
        'Michel Serres, *Petite Poucette*.',
        '',
        '---',
        '',
        '## Avec du contenu',
        '',
        '- un point',
        '',
        'Note:',
        'x',
        '',
      ].join('\n')
      await writeFile(path.join(dir, 'slides.md'), md)
      const { code, stdout } = await check([dir, '--json'])
      const report = JSON.parse(stdout) as CheckReport
      expect(report.issues).toMatchObject([
        { severity: 'warning', rule: 'heading-only', slide: 2, file: path.join(dir, 'slides.md'), line: 10 },
      ])
      expect(report.issues[0]!.hint).toContain('section-title')
      expect(code).toBe(0)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('warns that a long association name crowds the title slide, measured in the frame, and not for the example profiles', async () => {
    const { stdout } = await check(['--asso', 'tests/fixtures/associations/long-name.yml', '--json'])
    const report = JSON.parse(stdout) as CheckReport
    const crowded = report.issues.filter((i) => i.rule === 'title-crowded')
    expect(crowded).toMatchObject([{ severity: 'warning', slide: 1, file: 'slides/01-titre.md' }])
    expect(crowded[0]!.details!.fill as number).toBeGreaterThan(0.8)
    expect(crowded[0]!.message).toMatch(/\d+ px high in the 720 px frame/)
    for (const profile of ['associations/jardins-partages.yml', 'associations/chorale-du-quartier.yml']) {
      const other = JSON.parse((await check(['--asso', profile, '--json'])).stdout) as CheckReport
      expect(
        other.issues.filter((i) => i.rule === 'title-crowded'),
        profile,
      ).toEqual([])
    }
  })

  it('measures a 4:3 deck in its 960×720 frame', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'diapo-check-43-'))
    try {
      const body = '# Large\n\n<div style="width: 1100px">Un bloc de 1100 pixels de large.</div>\n\nNote:\nx\n'
      await writeFile(path.join(dir, 'slides.md'), body)
      expect(JSON.parse((await check([dir, '--json'])).stdout)).toMatchObject({ errors: 0 })
      await writeFile(path.join(dir, 'slides.md'), `---\naspect: "4:3"\n---\n\n${body}`)
      const { code, stdout } = await check([dir, '--json'])
      const report = JSON.parse(stdout) as CheckReport
      expect(code).toBe(1)
      expect(report.issues).toMatchObject([{ rule: 'overflow', details: { edge: 'right' } }])
      // 72 px of padding, then 1100 px, in a 960 px frame.
      expect(report.issues[0]!.details!.pixels).toBe(72 + 1100 - 960)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

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
