import { describe, expect, it } from 'vitest'

import { parseAttributes, splitSlides } from '../../../src/parse/split.js'

const FILE = '/deck/01-intro.md'
const split = (body: string, options: Partial<Parameters<typeof splitSlides>[1]> = {}) =>
  splitSlides(body, { file: FILE, section: 'intro', ...options })
const shape = (body: string, options = {}) => split(body, options).map((s) => s.slides.map((slide) => slide.markdown.trim()))

describe('splitSlides', () => {
  it('starts a horizontal slide at each line ---', () => {
    expect(shape('# A\n\n---\n\n# B\n\n---\n\n# C\n')).toEqual([['# A'], ['# B'], ['# C']])
  })

  it('starts a vertical slide at a line ---- or --', () => {
    expect(shape('# A\n\n----\n\n# A2\n\n--\n\n# A3\n\n---\n\n# B\n')).toEqual([['# A', '# A2', '# A3'], ['# B']])
  })

  it('accepts trailing spaces after a separator but not text', () => {
    expect(shape('# A\n\n---  \n\n# B\n\n--- no\n')).toEqual([['# A'], ['# B\n\n--- no']])
  })

  it('does not take a longer or shorter rule for a separator', () => {
    expect(shape('# A\n\n-----\n\n# B\n')).toEqual([['# A\n\n-----\n\n# B']])
  })

  it('ignores separators inside fenced code', () => {
    const body = '# A\n\n```yaml\n---\nkey: 1\n----\n```\n\n---\n\n~~~\n--\n~~~\n'
    expect(shape(body)).toEqual([['# A\n\n```yaml\n---\nkey: 1\n----\n```'], ['~~~\n--\n~~~']])
  })

  it('ignores separators in a code fence left open until the end', () => {
    expect(shape('# A\n\n```\n---\ncode')).toEqual([['# A\n\n```\n---\ncode']])
  })

  it('closes a fence only with the same marker at least as long', () => {
    expect(shape('````\n```\n---\n````\n\n---\n\n# B\n')).toEqual([['````\n```\n---\n````'], ['# B']])
  })

  it('uses the separators given as regular expressions', () => {
    const options = { separator: '^\\*\\*\\*$', verticalSeparator: '^===$' }
    expect(shape('# A\n\n===\n\n# A2\n\n***\n\n# B\n\n---\n\nstill B\n', options)).toEqual([['# A', '# A2'], ['# B\n\n---\n\nstill B']])
  })

  it('reports an invalid separator regular expression at the file', () => {
    expect(() => split('# A', { separator: '(' })).toThrowError(/separator.*not a valid regular expression/)
  })

  it('gives each slide the file line of its first non-blank line', () => {
    const body = '# A\n\n---\n\n\n# B\n\n----\n# C\n'
    const lines = split(body).flatMap((s) => s.slides.map((slide) => slide.loc.line))
    expect(lines).toEqual([1, 6, 9])
  })

  it('adds the front matter offset to the lines', () => {
    const stacks = split('# A\n\n---\n\n# B\n', { firstLine: 7 })
    expect(stacks.map((s) => s.slides[0]!.loc)).toEqual([
      { file: FILE, line: 7 },
      { file: FILE, line: 11 },
    ])
  })

  it('counts lines the same with Windows line endings', () => {
    const stacks = split('# A\r\n\r\n---\r\n\r\n# B\r\n')
    expect(stacks.map((s) => s.slides[0]!.loc.line)).toEqual([1, 5])
  })

  it('drops empty chunks between consecutive separators', () => {
    expect(shape('\n---\n\n# A\n\n---\n\n---\n\n# B\n\n---\n')).toEqual([['# A'], ['# B']])
  })

  it('keeps a slide that has only notes or only attributes', () => {
    const stacks = split('<!-- .slide: data-background-color="#000" -->\n\n---\n\nNote: talk here\n')
    expect(stacks).toHaveLength(2)
    expect(stacks[0]!.slides[0]!.attributes).toEqual({ 'data-background-color': '#000' })
    expect(stacks[1]!.slides[0]!.notes).toBe('talk here')
  })

  it('records the section of the file on every slide', () => {
    expect(split('# A\n\n---\n\n# B').every((s) => s.slides[0]!.section === 'intro')).toBe(true)
  })
})

describe('speaker notes', () => {
  it('starts the notes at a line Note: and keeps them to the end of the slide', () => {
    const [stack] = split('# A\n\ntext\n\nNote:\nfirst line\n\n- a point\n')
    expect(stack!.slides[0]!.markdown.trim()).toBe('# A\n\ntext')
    expect(stack!.slides[0]!.notes).toBe('first line\n\n- a point')
  })

  it('accepts Notes:, any case and text on the same line', () => {
    for (const marker of ['Notes:', 'note:', 'NOTES:', '  Note:', 'Note :', 'Notes :', 'Note\u00a0:', 'Note\u202f:']) {
      const [stack] = split(`# A\n${marker} say hello\n`)
      expect(stack!.slides[0]!.notes, marker).toBe('say hello')
    }
  })

  it('does not take a line that only begins with the word for notes', () => {
    for (const line of ['Note  : deux espaces', 'Notez : ceci', 'Notes de version :']) {
      const [stack] = split(`Texte\n\n${line}\n`)
      expect(stack!.slides[0]!.notes, line).toBe('')
    }
  })

  it('ends the notes at the next separator', () => {
    const stacks = split('# A\nNote: one\n\n---\n\n# B\nNote: two\n')
    expect(stacks.map((s) => s.slides[0]!.notes)).toEqual(['one', 'two'])
    expect(stacks[1]!.slides[0]!.markdown.trim()).toBe('# B')
  })

  it('ignores Note: inside fenced code', () => {
    const [stack] = split('# A\n\n```\nNote: not a note\n```\n\nNote: the note\n')
    expect(stack!.slides[0]!.markdown).toContain('Note: not a note')
    expect(stack!.slides[0]!.notes).toBe('the note')
  })

  it('does not take a word like Notez for a note marker', () => {
    const [stack] = split('# A\n\nNotez bien : ceci\n')
    expect(stack!.slides[0]!.notes).toBe('')
  })

  it('records the file line where the notes begin', () => {
    const stacks = split('# A\n\n---\n\n# B\n\ntext\nNote: here\n', { firstLine: 5 })
    expect(stacks[1]!.slides[0]!.notesLine).toBe(12)
    expect(stacks[0]!.slides[0]!.notesLine).toBeUndefined()
  })

  it('uses a custom notes separator', () => {
    const [stack] = split('# A\n\n??? presenter\n', { notesSeparator: '^\\?\\?\\?' })
    expect(stack!.slides[0]!.notes).toBe('presenter')
  })
})

describe("attendees' text (Handout:)", () => {
  it('takes a Handout: block off the slide and out of the notes, in either order', () => {
    const [after] = split('# A\n\ntext\n\nNote:\nsay this\n\nHandout:\nkeep this\n')
    expect(after!.slides[0]!).toMatchObject({ markdown: '# A\n\ntext\n', notes: 'say this', handout: 'keep this' })
    const [before] = split('# A\n\nHandout: keep this\n- a point\n\nNotes : say this\n')
    expect(before!.slides[0]!).toMatchObject({ markdown: '# A\n', notes: 'say this', handout: 'keep this\n- a point' })
  })

  it('accepts any case and the space French puts before the colon; not a longer word', () => {
    for (const marker of ['handout:', 'HANDOUT :', 'Handout\u202f:'])
      expect(split(`# A\n${marker} x\n`)[0]!.slides[0]!.handout, marker).toBe('x')
    expect(split('# A\nHandouts: x\n')[0]!.slides[0]!.handout).toBeUndefined()
  })

  it('ignores Handout: inside fenced code and records its line', () => {
    const [stack] = split('# A\n\n```\nHandout: code\n```\n\nHandout: real\n', { firstLine: 3 })
    expect(stack!.slides[0]!.markdown).toContain('Handout: code')
    expect(stack!.slides[0]!.handout).toBe('real')
    expect(stack!.slides[0]!.handoutLine).toBe(9)
  })

  it("keeps a slide that has only attendees' text", () => {
    expect(split('Handout: only this\n')[0]!.slides[0]!.handout).toBe('only this')
  })
})

describe('slide attributes', () => {
  it('takes <!-- .slide: --> attributes off the slide content', () => {
    const [stack] = split('<!-- .slide: class="title-slide" data-transition="fade" -->\n\n# A\n')
    const slide = stack!.slides[0]!
    expect(slide.attributes).toEqual({ class: 'title-slide', 'data-transition': 'fade' })
    expect(slide.markdown).not.toContain('.slide')
  })

  it('gives the slide the line of its content and records the line of its first .slide comment', () => {
    const stacks = split('# A\n\n---\n\n<!-- .slide: class="x" -->\n\n## B\n')
    expect(stacks[1]!.slides[0]!.loc.line).toBe(7)
    expect(stacks[1]!.slides[0]!.attributesLine).toBe(5)
    expect(stacks[0]!.slides[0]!.attributesLine).toBeUndefined()
  })

  it('merges the classes of several comments', () => {
    const [stack] = split('<!-- .slide: class="a" -->\n# A\n<!-- .slide: class="b c" data-x=\'1\' -->\n')
    expect(stack!.slides[0]!.attributes).toEqual({ class: 'a b c', 'data-x': '1' })
  })

  it('leaves a .slide comment inside fenced code alone', () => {
    const [stack] = split('```html\n<!-- .slide: class="x" -->\n```\n')
    expect(stack!.slides[0]!.attributes).toEqual({})
    expect(stack!.slides[0]!.markdown).toContain('.slide: class="x"')
  })
})

describe('parseAttributes', () => {
  it('reads double-quoted, single-quoted and bare attributes', () => {
    expect(parseAttributes(`class="a b" data-id='x y' data-auto-animate`)).toEqual({
      class: 'a b',
      'data-id': 'x y',
      'data-auto-animate': '',
    })
  })

  it('joins repeated classes', () => {
    expect(parseAttributes('class="a" class="b"')).toEqual({ class: 'a b' })
  })
})
