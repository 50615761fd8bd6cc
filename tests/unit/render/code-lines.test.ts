import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { parseCodeInfo, parseSteps, renderNumberedCode, splitHtmlLines } from '../../../src/render/code-lines.js'
import { createMarkdownRenderer } from '../../../src/render/markdown.js'

const md = createMarkdownRenderer({ frenchTypography: false })

describe('parseCodeInfo', () => {
  it('reads line numbers, steps and an offset as reveal.js does', () => {
    expect(parseCodeInfo('js [1|3-5]')).toEqual({ info: 'js', lineNumbers: '1|3-5' })
    expect(parseCodeInfo('js []')).toEqual({ info: 'js', lineNumbers: '' })
    expect(parseCodeInfo('[]')).toEqual({ info: '', lineNumbers: '' })
    expect(parseCodeInfo('js [123: 1,2]')).toEqual({ info: 'js', lineNumbers: '1,2', startFrom: 123 })
    expect(parseCodeInfo('python')).toEqual({ info: 'python' })
  })

  it('reads steps of ranges', () => {
    expect(parseSteps('1|3-5,7')).toEqual([[{ start: 1 }], [{ start: 3, end: 5 }, { start: 7 }]])
  })
})

describe('numbered code blocks', () => {
  it('numbers every line and makes one fragment a step, the first step highlighted first', () => {
    const { html } = md('```js [1|2-3]\na\nb\nc\n```\n')
    const codes = html.match(/<code[^>]*>/g)!
    expect(codes).toEqual([
      '<code class="hljs language-js has-highlights" data-line-numbers="1">',
      '<code class="hljs language-js has-highlights fragment" data-line-numbers="2-3">',
    ])
    expect(html.match(/data-line-number="(\d+)"><div/g)).toHaveLength(6)
    expect(html).not.toContain('language-[')
  })

  it('numbers from the offset and highlights by position in the block', () => {
    const { html } = md('```[10: 2]\nx\ny\n```\n')
    expect(html).toContain('data-ln-start-from="10"')
    expect(html).toMatch(/<tr class="highlight-line"><td class="hljs-ln-line hljs-ln-numbers" data-line-number="11">/)
    expect(html).toContain('<code class="hljs has-highlights"')
  })

  it('keeps highlighted spans whole on each line', () => {
    expect(splitHtmlLines('<span class="s">a\nb</span>c')).toEqual(['<span class="s">a</span>', '<span class="s">b</span>c'])
  })

  it('never loses a character of the code (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z <>&`]{0,12}$/), { minLength: 1, maxLength: 8 }), (lines) => {
        const code = lines.join('\n')
        const html = renderNumberedCode(
          code.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
          { info: '', lineNumbers: '' },
          'hljs',
        )
        const cells = [...html.matchAll(/hljs-ln-code" data-line-number="\d+">([\s\S]*?)<\/td>/g)].map((m) =>
          m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
        )
        const expected = [...lines]
        if (expected.length > 0 && expected[expected.length - 1]!.trim() === '') expected.pop()
        expect(cells).toEqual(expected.map((l) => (l.length > 0 ? l : ' ')))
      }),
    )
  })
})
