import { writeFile } from 'node:fs/promises'
import path from 'node:path'

import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CheckReportJson as CheckReport } from '../../src/check/report.js'
import { createMarkdownRenderer } from '../../src/render/markdown.js'
import { findSwallower } from '../../src/render/swallow.js'
import { cleanup, closeBrowser, launchBrowser, runCli, snapshotDir, tempDir } from './helpers.js'

// A deck that builds starts. What would swallow the rest of the page (a comment or a raw-text element
// left open) is refused at its line by build and check; a deck that still never starts (a slide's script
// that never ends) is an error of `diapo check`, never a time-out's stack trace.

let dir: string
beforeAll(async () => {
  dir = await tempDir('diapo-starts-')
})
afterAll(async () => {
  await cleanup(dir)
})

async function deck(name: string, markdown: string): Promise<string> {
  const file = path.join(dir, name)
  await writeFile(file, markdown)
  return file
}

describe('a deck that would not start', () => {
  it('build refuses a <textarea> named in prose at its line, and keeps the previous output', async () => {
    const out = path.join(dir, 'out')
    const good = await deck('good.md', '# A\n\nUn champ suffit.\n\n---\n\n# B\n')
    expect((await runCli(['build', good, '--out', out])).code).toBe(0)
    const before = await snapshotDir(out)
    const file = await deck('textarea.md', '# A\n\nUn champ ou un <textarea> suffit.\n\n---\n\n# B\n')
    const { code, stderr } = await runCli(['build', file, '--out', out])
    expect(code).toBe(1)
    expect(stderr).toContain(`${file}:3: "<textarea>" is never closed`)
    expect(stderr).not.toMatch(/\n\s+at /)
    expect(await snapshotDir(out)).toEqual(before)
  })

  it('check reports an unclosed comment at its line, at once', async () => {
    const file = await deck('comment.md', '# A\n\n<!-- à revoir\n\n---\n\n# B\n')
    const started = performance.now()
    const { code, stdout, stderr } = await runCli(['check', file, '--json'])
    expect(performance.now() - started).toBeLessThan(15_000)
    expect(code).toBe(1)
    expect(stderr).toBe('')
    const report = JSON.parse(stdout) as CheckReport
    expect(report.issues).toMatchObject([{ severity: 'error', rule: 'build', line: 3 }])
  })

  it('check reports a deck whose slide script never ends as an error at that slide, not a stack trace', async () => {
    const file = await deck('loop.md', '# A\n\ntexte\n\n---\n\n# B\n\n<script>while (true) {}</script>\n')
    const { code, stdout, stderr } = await runCli(['check', file, '--json', '--timeout', '3'])
    expect(stderr).not.toMatch(/TimeoutError|\n\s+at /)
    expect(code).toBe(1)
    const report = JSON.parse(stdout) as CheckReport
    expect(report.issues).toMatchObject([{ severity: 'error', rule: 'start', slide: 2, line: 9 }])
    expect(report.issues[0]!.message).toContain('did not start')
  })

  it('check ends with a time-out error when a slide hangs the page once shown, instead of waiting for ever', async () => {
    // The deck starts; slide B's script loops as soon as check shows a slide to measure it.
    const hang = "<script>addEventListener('load', () => window.diapo.on('slidechanged', () => { for (;;) {} }))</script>"
    const file = await deck('hang.md', `# A\n\ntexte\n\n---\n\n# B\n\n${hang}\n`)
    const started = performance.now()
    const { code, stderr } = await runCli(['check', file, '--json', '--timeout', '3'])
    expect(performance.now() - started).toBeLessThan(60_000)
    expect(code).not.toBe(0)
    expect(stderr).toContain('the deck: the page was not ready after 6.2 s')
    expect(stderr).not.toMatch(/TimeoutError|\n\s+at /)
  })
})

describe('the rule is the browser’s', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await closeBrowser(browser)
  })

  // Each snippet rendered by diapo's Markdown, then put in a page before another slide and a script:
  // the detector flags exactly those after which Chromium loses the next slide or the script.
  const snippets = [
    'texte <!-- oublié',
    '<!-- à revoir',
    '<!-->texte',
    '<!-- fermé -->',
    'Un <textarea> suffit.',
    '<textarea>x</textarea>',
    '- la balise <script> charge',
    '<script>let a = "<!--"</script>',
    'La balise <style> met en forme',
    'Le <title> de la page',
    'Un `<title>` en code',
    '<p title="<style>">x</p>',
    '<xmp>',
    '<noscript>',
    '<iframe src="a.html">',
    '```html\n<!--\n```',
    '<div>pas fermé',
  ]
  it.each(snippets)('%j', async (snippet) => {
    const { html } = createMarkdownRenderer({ frenchTypography: true })(snippet)
    const page = await browser.newPage()
    try {
      await page.setJavaScriptEnabled(true)
      await page.setContent(
        `<!doctype html><body><section>${html}</section><section id="after">B</section><script>window.started = true</script></body>`,
      )
      const survives = await page.evaluate(
        () => !!document.getElementById('after') && (window as unknown as { started?: boolean }).started === true,
      )
      expect(findSwallower(html) === undefined).toBe(survives)
    } finally {
      await page.close()
    }
  })
})
