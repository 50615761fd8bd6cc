// The CLI's error paths, as a volunteer meets them: `file:line: what is wrong`, exit code 1, and the
// previous output folder left exactly as it was.
import { execFileSync } from 'node:child_process'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { cleanup, runCli, snapshotDir, tempDir } from './helpers.js'

/** A real 1×1 PNG: diapo checks that an image's content is what its name says. */
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64')

describe('diapo build errors', () => {
  let work: string

  beforeEach(async () => {
    work = await tempDir('diapo-cli-')
    await mkdir(path.join(work, 'slides', 'images'), { recursive: true })
    await writeFile(path.join(work, 'slides', '01-titre.md'), '---\ntitle: Atelier\nlang: fr\n---\n\n# Atelier\n\nNote: bonjour\n')
    await writeFile(path.join(work, 'slides', '02-outils.md'), '# Outils\n\n![Logo](images/logo.png)\n')
    await writeFile(path.join(work, 'slides', 'images', 'logo.png'), TINY_PNG)
  })
  afterEach(() => cleanup(work))

  /** Builds the good deck into dist/, then breaks it and checks the second build changed nothing. */
  async function expectFailureKeepsOutput(breakIt: () => Promise<void>, args: string[] = []) {
    const first = await runCli(['build', 'slides', '--out', 'dist'], work)
    expect(first.code, first.stderr).toBe(0)
    const before = await snapshotDir(path.join(work, 'dist'))
    expect(Object.keys(before)).toContain('media/images/logo.png')
    await breakIt()
    const result = await runCli(['build', 'slides', '--out', 'dist', ...args], work)
    expect(result.code).toBe(1)
    expect(await snapshotDir(path.join(work, 'dist'))).toEqual(before)
    // No staging folder is left behind.
    expect((await readdir(work)).filter((e) => e.startsWith('.diapo-tmp'))).toEqual([])
    return result
  }

  it('reports a missing image at its file and line, and keeps the previous output', async () => {
    const result = await expectFailureKeepsOutput(() =>
      writeFile(path.join(work, 'slides', '02-outils.md'), '# Outils\n\n---\n\n## Suite\n\n![Absent](images/absent.png)\n'),
    )
    expect(result.stderr).toMatch(/slides\/02-outils\.md:7: image not found: .*absent\.png/)
    expect(result.stderr).toMatch(/→ .+/)
  })

  it('reports malformed front matter at the faulty line', async () => {
    const result = await expectFailureKeepsOutput(() =>
      writeFile(path.join(work, 'slides', '01-titre.md'), '---\ntitle: Atelier\nauthor: [Libérons nos ordis\nlang: fr\n---\n\n# Atelier\n'),
    )
    expect(result.stderr).toContain('slides/01-titre.md:3:1: a "[" opened on this line is never closed')
  })

  it('reports an output folder that cannot be written in words, exit 1, no stack', async () => {
    await writeFile(path.join(work, 'a-file'), 'not a folder')
    for (const out of ['a-file/dist', ...(process.platform === 'linux' ? ['/proc/diapo-nope/dist'] : [])]) {
      const result = await runCli(['build', 'slides', '--out', out], work)
      expect(result.code, out).toBe(1)
      expect(result.stderr, out).toContain(`cannot write the output folder ${out}`)
      expect(result.stderr, out).not.toMatch(/at .+\.js:\d+/)
    }
  })

  it.runIf(process.platform === 'linux' && process.getuid?.() === 0)('reports a full disk and leaves nothing behind', async () => {
    const disk = path.join(work, 'tiny')
    await mkdir(disk)
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=200k', 'tmpfs', disk])
    try {
      const result = await runCli(['build', 'slides', '--out', path.join(disk, 'dist')], work)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('the disk is full')
      expect(await readdir(disk)).toEqual([])
    } finally {
      execFileSync('umount', [disk])
    }
  })

  it('lists the available themes for an unknown theme', async () => {
    const result = await expectFailureKeepsOutput(() => Promise.resolve(), ['--theme', 'fluo'])
    expect(result.stderr).toMatch(/unknown theme "fluo"/)
    expect(result.stderr).toMatch(/default/)
    expect(result.stderr).toMatch(/contrast/)
  })

  it('reports an unknown theme named in front matter at its line', async () => {
    const result = await expectFailureKeepsOutput(() =>
      writeFile(path.join(work, 'slides', '01-titre.md'), '---\ntitle: Atelier\nlang: fr\ntheme: fluo\n---\n\n# Atelier\n'),
    )
    expect(result.stderr).toMatch(/slides\/01-titre\.md:4: unknown theme "fluo"/)
    expect(result.stderr).toMatch(/contrast, default/)
  })

  it('reports a deck without any slide', async () => {
    const result = await expectFailureKeepsOutput(async () => {
      await writeFile(path.join(work, 'slides', '01-titre.md'), '---\ntitle: Atelier\n---\n')
      await writeFile(path.join(work, 'slides', '02-outils.md'), '\n')
    })
    expect(result.stderr).toMatch(/slides\/01-titre\.md:1: the deck has no slide/)
  })

  it('reports a deck that does not exist', async () => {
    const result = await runCli(['build', 'nulle-part', '--out', 'dist'], work)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/deck not found: .*nulle-part/)
    expect(result.stderr).toMatch(/→ /)
    expect(await readdir(work)).not.toContain('dist')
  })

  it('writes the deck with its images when nothing is wrong', async () => {
    const result = await runCli(['build', 'slides', '--out', 'dist'], work)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/2 slides → dist\/index\.html/)
    const files = Object.keys(await snapshotDir(path.join(work, 'dist')))
    expect(files).toEqual(
      expect.arrayContaining(['assets/diapo.css', 'assets/diapo.js', 'assets/theme.css', 'index.html', 'media/images/logo.png']),
    )
    // Only the deck's own files: nothing of the sources or the staging folder.
    expect(files.filter((f) => f.endsWith('.md') || f.includes('.diapo-tmp'))).toEqual([])
  })
})
