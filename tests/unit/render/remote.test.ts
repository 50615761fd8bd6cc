import { describe, expect, it } from 'vitest'

import { findRemoteResources } from '../../../src/render/remote.js'

// Each way raw HTML loads something, from the Internet or from a file: URL: found; links and local files: not.
describe('findRemoteResources', () => {
  it.each([
    ['<img src="https://x.org/a.png">', '<img src>'],
    ['<img srcset="a.png 1x, https://x.org/b.png 2x">', '<img srcset>'],
    ['<iframe src="//x.org/f.html"></iframe>', '<iframe src>'],
    ['<script src="http://x.org/s.js"></script>', '<script src>'],
    ['<style>@import "https://x.org/i.css";</style>', 'CSS @import'],
    ['<style>p { background: url(https://x.org/b.png) }</style>', 'CSS url()'],
    ['<p style="background:url(&quot;https://x.org/b.png&quot;)">', 'CSS url()'],
    ['<video poster="https://x.org/p.png"></video>', '<video poster>'],
    ['<audio src="https://x.org/a.mp3"></audio>', '<audio src>'],
    ['<object data="https://x.org/o.svg"></object>', '<object data>'],
    ['<link rel="stylesheet" href="https://x.org/l.css">', '<link href>'],
    ['<embed src="https://x.org/e.svg">', '<embed src>'],
    ['<svg><image xlink:href="https://x.org/i.png"/></svg>', '<image xlink:href>'],
    ['<source srcset="https://x.org/s.webp">', '<source srcset>'],
    ['<track src="https://x.org/t.vtt">', '<track src>'],
    ['<section data-background-image="https://x.org/b.jpg">', '<section data-background-image>'],
    ['<img src="file:///etc/hostname">', '<img src>'],
  ])('%s', (html, kind) => {
    expect(findRemoteResources(html).map((r) => r.kind)).toEqual([kind])
  })

  it('leaves links, local files and data: URLs alone', () => {
    expect(
      findRemoteResources(
        '<a href="https://x.org">x</a><img src="images/a.png"><img src="data:image/png;base64,AA"><link href="theme.css">',
      ),
    ).toEqual([])
  })
})
