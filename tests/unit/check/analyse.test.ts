import { afterEach, describe, expect, it } from 'vitest'

import { analyseMeasures, findLocalLinks } from '../../../src/check/analyse.js'
import { setLang } from '../../../src/i18n/index.js'
import { lineOfText as lineOf } from '../../../src/render/deck.js'
import type { SlideMeasure } from '../../../src/check/measure.js'
import type { Slide } from '../../../src/types.js'

const SLIDE: Slide = {
  loc: { file: '/deck/slides/a.md', line: 10 },
  markdown: '## Titre\n\n![](images/logo.png)\n\nVoir [le guide](docs/guide.pdf)\n',
  notes: 'Parler du guide.pdf',
  notesLine: 16,
  attributes: {},
  section: 'a',
}
const NONE = { top: 0, right: 0, bottom: 0, left: 0 }
const WHITE: [number, number, number, number] = [255, 255, 255, 1]

function measure(over: Partial<SlideMeasure> = {}): SlideMeasure {
  return {
    number: 1,
    h: 0,
    v: 0,
    source: 'slides/a.md:10',
    overflow: NONE,
    overflowFragments: NONE,
    extent: { top: 44, bottom: 500, left: 72, right: 1000 },
    frame: { width: 1280, height: 720 },
    classes: [],
    headingOnly: false,
    images: [],
    empty: false,
    hasNotes: true,
    texts: [],
    ...over,
  }
}

const CTX = {
  slides: [SLIDE],
  missingTargets: new Set<string>(),
  assets: new Map([['media/images/logo.png', { name: 'slides/images/logo.png', line: 12 }]]),
}

describe('analyseMeasures', () => {
  it('finds nothing on a clean slide', () => {
    expect(analyseMeasures([measure({ texts: [{ colour: [0, 0, 0, 1], layers: [WHITE], text: 'Titre' }] })], CTX)).toEqual([])
  })

  it('reports an overflow with its pixels, its edge, and whether fragments cause it', () => {
    const [issue] = analyseMeasures([measure({ overflowFragments: { ...NONE, bottom: 37 } })], CTX)
    expect(issue).toMatchObject({ severity: 'error', rule: 'overflow', slide: 1, loc: { file: '/deck/slides/a.md', line: 10 } })
    expect(issue!.message).toBe('content overflows the slide frame: 37 px below it, once all fragments are shown')
  })

  it('ignores overflows of a pixel or two (rounding)', () => {
    expect(analyseMeasures([measure({ overflow: { ...NONE, right: 2 } })], CTX)).toEqual([])
  })

  it('reports an image without alt text at the line of the image, by its source path', () => {
    const issues = analyseMeasures([measure({ images: [{ src: 'media/images/logo.png', alt: '', broken: false }] })], CTX)
    expect(issues).toMatchObject([
      { rule: 'image-alt', loc: { line: 12 }, message: 'image without alternative text: slides/images/logo.png' },
    ])
  })

  it('reports an image that does not load, unless the build already reported it missing', () => {
    const img = { src: 'https://example.org/x.png', alt: 'x', broken: true }
    expect(analyseMeasures([measure({ images: [img] })], CTX)).toMatchObject([{ rule: 'image-missing' }])
    const ctx = { ...CTX, missingTargets: new Set([img.src]) }
    expect(analyseMeasures([measure({ images: [img] })], ctx)).toEqual([])
  })

  it('reports an empty slide as an error and a slide without notes as a warning', () => {
    expect(analyseMeasures([measure({ empty: true, hasNotes: false })], CTX)).toMatchObject([{ severity: 'error', rule: 'empty-slide' }])
    expect(analyseMeasures([measure({ hasNotes: false })], CTX)).toMatchObject([{ severity: 'warning', rule: 'no-notes' }])
  })

  it('warns about a heading alone, except on layouts made for it', () => {
    expect(analyseMeasures([measure({ headingOnly: true })], CTX)).toMatchObject([
      { severity: 'warning', rule: 'heading-only', loc: { line: 10 } },
    ])
    for (const layout of ['section-title', 'statement', 'title-slide', 'closing']) {
      expect(analyseMeasures([measure({ headingOnly: true, classes: [layout] })], CTX), layout).toEqual([])
    }
  })

  it("warns about a title slide whose content fills more than 80 % of the frame's height", () => {
    const crowded = measure({ classes: ['title-slide'], extent: { top: 40, bottom: 640, left: 90, right: 1190 } })
    expect(analyseMeasures([crowded], CTX)).toMatchObject([
      {
        severity: 'warning',
        rule: 'title-crowded',
        message: 'the title slide is crowded: its content is 600 px high in the 720 px frame (83 %)',
      },
    ])
    const roomy = measure({ classes: ['title-slide'], extent: { top: 150, bottom: 560, left: 90, right: 1190 } })
    expect(analyseMeasures([roomy], CTX)).toEqual([])
  })

  it('reports each low-contrast pair once per slide, with its ratio, text alpha blended in', () => {
    const texts = [
      { colour: [0xaa, 0xaa, 0xaa, 1] as const, layers: [WHITE], text: 'pâle' },
      { colour: [0xaa, 0xaa, 0xaa, 1] as const, layers: [WHITE], text: 'pâle aussi' },
      { colour: [0, 0, 0, 0.2] as const, layers: [WHITE], text: 'transparent' },
    ].map((t) => ({ ...t, colour: [...t.colour] as [number, number, number, number] }))
    const issues = analyseMeasures([measure({ texts })], CTX)
    expect(issues.map((i) => i.details?.ratio)).toEqual([2.32, 1.61])
    expect(issues[0]!.message).toContain('#aaaaaa on #ffffff has a contrast of 2.32:1, below 4.5:1')
  })
})

describe('findLocalLinks', () => {
  it('keeps links to local files and drops URLs, mail addresses and anchors', () => {
    const html =
      '<a href="docs/guide.pdf#page=2">a</a> <a href="https://x.org">b</a> <a href="mailto:a@b.c">c</a> <a href="#/3">d</a> <a class="x" href="mon%20fichier.odt?v=1">e</a>'
    expect(findLocalLinks(html)).toEqual(['docs/guide.pdf', 'mon fichier.odt'])
  })
})

describe('lineOf', () => {
  it("finds the line of a text in the slide, then in its notes, else the slide's first line", () => {
    expect(lineOf(SLIDE, 'docs/guide.pdf')).toBe(14)
    expect(lineOf(SLIDE, 'Parler')).toBe(16)
    expect(lineOf(SLIDE, 'absent')).toBe(10)
  })
})

describe('analyseMeasures in French', () => {
  afterEach(() => setLang(undefined))

  it('says what it finds in the words of the volunteers, with the same rules and numbers', () => {
    setLang('fr')
    const issues = analyseMeasures(
      [
        measure({
          overflowFragments: { ...NONE, bottom: 37 },
          images: [{ src: 'media/images/logo.png', alt: '', broken: true }],
          hasNotes: false,
          texts: [{ colour: [170, 170, 170, 1], layers: [WHITE], text: 'Pâle' }],
        }),
      ],
      CTX,
    )
    expect(issues.map((i) => [i.rule, i.message])).toEqual([
      [
        'overflow',
        'le contenu dépasse du cadre de la diapositive : 37 px en bas, une fois affichés tous les éléments qui apparaissent un à un',
      ],
      ['image-missing', 'image introuvable : slides/images/logo.png'],
      ['image-alt', 'image sans texte de remplacement : slides/images/logo.png'],
      ['no-notes', 'pas de notes pour la personne qui présente'],
      ['contrast', 'le texte #aaaaaa sur #ffffff se lit mal : contraste de 2,32:1, sous le minimum de 4,5:1 (WCAG AA) : « Pâle »'],
    ])
    expect(issues.every((i) => i.hint && !/\b(the|and|or)\b/.test(i.hint))).toBe(true)
  })
})
