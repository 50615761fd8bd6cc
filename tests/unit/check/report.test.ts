import { describe, expect, it } from 'vitest'

import { type CheckReportJson, createReport, formatReport, formatReportJson } from '../../../src/check/report.js'
import type { Diagnostic } from '../../../src/diagnostics.js'

const ISSUES: Diagnostic[] = [
  {
    severity: 'warning',
    rule: 'no-notes',
    slide: 3,
    loc: { file: 'slides/b.md', line: 9 },
    message: 'no speaker notes',
    hint: 'add a line "Note:"',
  },
  {
    severity: 'error',
    rule: 'overflow',
    slide: 3,
    loc: { file: 'slides/b.md', line: 1 },
    message: 'content overflows the slide frame: 40 px below it',
  },
  {
    severity: 'error',
    rule: 'image-alt',
    slide: 1,
    loc: { file: 'slides/a.md', line: 4 },
    message: 'image without alternative text: logo.png',
  },
]

describe('createReport', () => {
  it('sorts issues by slide, errors before warnings, and counts them', () => {
    const report = createReport('slides', 5, ISSUES)
    expect(report.issues.map((i) => [i.slide, i.rule])).toEqual([
      [1, 'image-alt'],
      [3, 'overflow'],
      [3, 'no-notes'],
    ])
    expect(report).toMatchObject({ deck: 'slides', slides: 5, errors: 2, warnings: 1 })
  })
})

describe('formatReport', () => {
  it('prints file:line, the slide number, the severity, the message and the hint', () => {
    const text = formatReport(createReport('slides', 5, ISSUES))
    expect(text.split('\n')).toEqual([
      'error slides/a.md:4 (slide 1): image without alternative text: logo.png',
      'error slides/b.md:1 (slide 3): content overflows the slide frame: 40 px below it',
      'warning slides/b.md:9 (slide 3): no speaker notes',
      '  → add a line "Note:"',
      '✖ slides: 5 slides, 2 errors, 1 warning',
    ])
  })

  it('says so when nothing is wrong', () => {
    expect(formatReport(createReport('slides', 1, []))).toBe('✔ slides: 1 slide, no problem found')
  })

  it('prints a build error without a slide number', () => {
    const report = createReport('deck', 0, [
      { severity: 'error', rule: 'build', loc: { file: 'deck/a.md', line: 2 }, message: 'malformed YAML' },
    ])
    expect(formatReport(report)).toContain('error deck/a.md:2: malformed YAML')
  })
})

describe('formatReportJson', () => {
  it('prints the report as JSON with the same issues', () => {
    const report = createReport('slides', 5, ISSUES)
    const json = JSON.parse(formatReportJson(report)) as CheckReportJson
    expect(json).toEqual({ ...report, issues: report.issues.map(({ loc, ...issue }) => ({ ...issue, file: loc!.file, line: loc!.line })) })
    expect(Object.keys(json.issues[0]!)).toEqual(['severity', 'rule', 'slide', 'file', 'line', 'message'])
    expect(Object.keys(json)).toEqual(['deck', 'slides', 'errors', 'warnings', 'issues'])
  })
})
