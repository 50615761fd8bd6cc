import { writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CheckReportJson as CheckReport } from '../../src/check/report.js'
import { cleanup, runCli, tempDir } from './helpers.js'
import { runCli as runCliWithEnv } from './pdf-tools.js'

// Zero requests in every page diapo renders (deck, slides.pdf, handout.pdf, notes.pdf, check): a deck
// whose raw HTML names a resource of each kind on a server of ours is built with --pdf and checked, and
// the server must never be asked anything. The build warns and check errs, each at the line.

let dir: string
let server: Server
const hits: string[] = []
let base: string

const KINDS = (u: string) => [
  `![photo](${u}/img.png)`,
  `<img srcset="${u}/srcset.png 2x">`,
  `<iframe src="${u}/frame.html"></iframe>`,
  `<script src="${u}/script.js"></script>`,
  `<style>@import "${u}/import.css";</style>`,
  `<p style="background-image: url('${u}/bg.png')">fond</p>`,
  `<style>@font-face { font-family: Distante; src: url(${u}/font.woff2) } p { font-family: Distante }</style>`,
  `<video src="${u}/video.mp4" poster="${u}/poster.png"></video>`,
  `<audio src="${u}/audio.mp3" preload="auto"></audio>`,
  `<object data="${u}/object.svg"></object>`,
  `<link rel="stylesheet" href="${u}/link.css">`,
  `<embed src="${u}/embed.svg">`,
  `<svg width="10" height="10"><image href="${u}/svg.png" width="10" height="10"/></svg>`,
  `<picture><source srcset="${u}/source.png"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=""></picture>`,
  `<script>fetch('${u}/fetch.json'); new Image().src = '${u}/inline.png'</script>`,
]

beforeAll(async () => {
  dir = await tempDir('diapo-requests-')
  server = createServer((req, res) => {
    hits.push(req.url ?? '')
    res.end('x')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const body = KINDS(base)
    .map((k) => `${k}\n`)
    .join('\n')
  await writeFile(
    path.join(dir, 'deck.md'),
    `# Distant\n\n${body}\nNote:\n<img src="${base}/notes.png">\n\n---\n\n<!-- .slide: data-background-image="${base}/background.png" -->\n\n# Fin\n`,
  )
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await cleanup(dir)
})

describe('a deck naming remote resources', () => {
  it('build --pdf asks the server nothing, and warns at each line', async () => {
    const { code, stderr } = await runCliWithEnv(['build', path.join(dir, 'deck.md'), '--pdf', '--out', path.join(dir, 'out')], { CI: '1' })
    expect(code, stderr).toBe(0)
    expect(hits).toEqual([])
    const warned = [...stderr.matchAll(/deck\.md:(\d+): .* loads (\S+), from outside the deck/g)].map((m) => m[2]!.replace(base, ''))
    for (const file of [
      '/img.png',
      '/srcset.png',
      '/frame.html',
      '/script.js',
      '/import.css',
      '/bg.png',
      '/font.woff2',
      '/video.mp4',
      '/poster.png',
      '/audio.mp3',
      '/object.svg',
      '/link.css',
      '/embed.svg',
      '/svg.png',
      '/source.png',
      '/notes.png',
      '/background.png',
    ]) {
      expect(warned).toContain(file)
    }
  })

  it('check asks the server nothing, and errs at each line', async () => {
    const { code, stdout } = await runCli(['check', path.join(dir, 'deck.md'), '--json'])
    expect(code).toBe(1)
    expect(hits).toEqual([])
    const report = JSON.parse(stdout) as CheckReport
    const remote = report.issues.filter((i) => i.rule === 'remote')
    expect(remote.length).toBeGreaterThanOrEqual(17)
    expect(remote.every((i) => i.severity === 'error' && i.line! >= 1)).toBe(true)
    expect(remote.find((i) => i.message.includes('/img.png'))?.line).toBe(3)
  })
})
