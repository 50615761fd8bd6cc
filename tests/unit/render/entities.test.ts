import { describe, expect, it } from 'vitest'

import { decodeHtmlEntities } from '../../../src/render/entities.js'

describe('decodeHtmlEntities', () => {
  it('decodes named, decimal and hexadecimal entities in one pass', () => {
    expect(decodeHtmlEntities('A &amp; B &lt;C&gt; &quot;d&quot; &#39;e&#x27; &#58;')).toBe(`A & B <C> "d" 'e' :`)
  })

  it('does not decode twice, and leaves unknown entities as written', () => {
    expect(decodeHtmlEntities('&amp;lt; &eacute;')).toBe('&lt; &eacute;')
  })
})
