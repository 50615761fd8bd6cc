// diapo from code, as the README shows it: `import … from 'diapo'`, by the package's name; and `--json`.
import { execFile } from 'node:child_process'
import { access, mkdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { cleanup, REPO_ROOT, runCli, tempDir } from './helpers.js'

const DECK = '# Bonjour\n\nUne diapositive.\n\n---\n\n## Deux\n\n![](absent.png)\n'

describe("import from 'diapo'", () => {
  it("builds a deck through the package's entry point, and nothing of its file layout is importable", async () => {
    const dir = await tempDir()
    try {
      // A project that installed diapo: node_modules/diapo is the package.
      await mkdir(path.join(dir, 'node_modules'))
      await symlink(REPO_ROOT, path.join(dir, 'node_modules', 'diapo'), 'dir')
      await writeFile(path.join(dir, 'slides.md'), DECK.replace('\n![](absent.png)\n', '\n'))
      await writeFile(
        path.join(dir, 'run.mjs'),
        `import { build, DeckError, formatDiagnostic } from 'diapo'
const result = await build({ cwd: process.cwd(), deck: 'slides.md', out: 'out' })
const deep = await import('diapo/lib/compile.js').then(() => 'imported', (err) => err.code)
console.log(JSON.stringify({ slides: result.slideCount, index: result.indexFile, deep, error: typeof DeckError, format: typeof formatDiagnostic }))
`,
      )
      const stdout = await new Promise<string>((resolve, reject) =>
        execFile(process.execPath, ['run.mjs'], { cwd: dir }, (err, out, stderr) => (err ? reject(new Error(stderr)) : resolve(out))),
      )
      const run = JSON.parse(stdout) as { slides: number; index: string; deep: string; error: string; format: string }
      expect(run).toMatchObject({ slides: 2, deep: 'ERR_PACKAGE_PATH_NOT_EXPORTED', error: 'function', format: 'function' })
      expect(run.index).toBe(path.join(dir, 'out', 'index.html'))
      await access(run.index)
    } finally {
      await cleanup(dir)
    }
  })
})

describe('diapo build --json', () => {
  it('prints what was written and the warnings as JSON, files relative to the working folder', async () => {
    const dir = await tempDir()
    try {
      await writeFile(path.join(dir, 'slides.md'), DECK.replace('![](absent.png)', '<img src="https://example.org/a.png" alt="x">'))
      const { code, stdout } = await runCli(['build', 'slides.md', '--out', 'out', '--json'], dir)
      expect(code).toBe(0)
      const report = JSON.parse(stdout) as {
        decks: { out: string; slides: number; files: string[] }[]
        decksPage: string
        diagnostics: Record<string, unknown>[]
      }
      expect(report.decks).toEqual([
        { out: 'out', slides: 2, files: ['out/index.html', expect.stringMatching(/^out\/.+\.html$/)], pdfs: [] },
      ])
      expect(report.decksPage).toBe('out/sommaire.html')
      expect(report.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', rule: 'remote', file: 'slides.md', line: 9 })])
    } finally {
      await cleanup(dir)
    }
  })

  it('prints an error that stops the build as JSON too, and exits 1', async () => {
    const dir = await tempDir()
    try {
      await writeFile(path.join(dir, 'slides.md'), DECK)
      const { code, stdout, stderr } = await runCli(['build', 'slides.md', '--out', 'out', '--json'], dir)
      expect(code).toBe(1)
      const report = JSON.parse(stdout) as { diagnostics: Record<string, unknown>[] }
      expect(report.diagnostics).toEqual([expect.objectContaining({ severity: 'error', rule: 'image', file: 'slides.md', line: 9 })])
      expect(stderr).toMatch(/^error slides\.md:9: image not found/m)
    } finally {
      await cleanup(dir)
    }
  })
})
