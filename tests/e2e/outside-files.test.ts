// A deck is published: no file from outside the deck's folders may ride along with it, whatever the
// path says (../, %2e%2e/, a symbolic link) and whatever the file really is (a key named photo.png).
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { cleanup, runCli, tempDir } from './helpers.js'

const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64')
const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n'

describe('files from outside the deck', () => {
  let home: string
  let work: string

  // home/secret/ holds private files; home/projet/ is the working folder with slides/ and associations/.
  beforeEach(async () => {
    home = await tempDir('diapo-outside-')
    work = path.join(home, 'projet')
    await mkdir(path.join(home, 'secret'), { recursive: true })
    await writeFile(path.join(home, 'secret', 'photo.png'), TINY_PNG)
    await writeFile(path.join(home, 'secret', 'id_rsa.png'), KEY)
    await mkdir(path.join(work, 'slides', 'images'), { recursive: true })
    await mkdir(path.join(work, 'associations'), { recursive: true })
    await writeFile(path.join(work, 'slides', 'images', 'ok.png'), TINY_PNG)
  })
  afterEach(() => cleanup(home))

  async function buildWith(image: string, ...args: string[]) {
    await writeFile(path.join(work, 'slides', '01-titre.md'), `# Titre\n\nTexte\n\n![photo](${image})\n`)
    return runCli(['build', 'slides', '--out', 'dist', ...args], work)
  }

  const copied = async (): Promise<string[]> =>
    (await readdir(path.join(work, 'dist'), { recursive: true }).catch(() => [] as string[])).filter((f) => f.includes('media/'))

  it('refuses ../, %2e%2e/ and a symbolic link leading out, at the line of the image', async () => {
    await symlink(path.join(home, 'secret', 'photo.png'), path.join(work, 'slides', 'images', 'lien.png'))
    for (const image of ['../../secret/photo.png', '%2e%2e/%2e%2e/secret/photo.png', 'images/lien.png']) {
      const result = await buildWith(image)
      expect(result.code, image).toBe(1)
      expect(result.stderr, image).toMatch(/slides\/01-titre\.md:5: this file is outside the deck's folder/)
      expect(result.stderr, image).toContain('--allow-outside-files')
      expect(await copied(), image).toEqual([])
    }
  })

  it('refuses a file whose content is not the image its name says', async () => {
    await writeFile(path.join(work, 'slides', 'images', 'cle.png'), KEY)
    const result = await buildWith('images/cle.png')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/slides\/01-titre\.md:5: this file is not a PNG file/)
  })

  it('refuses a profile logo that is a link to a file elsewhere', async () => {
    await writeFile(path.join(work, 'slides', '01-titre.md'), '# {{asso.name}}\n\n{{#if asso.logo}}![logo]({{asso.logo}}){{/if}}\n')
    await symlink(path.join(home, 'secret', 'photo.png'), path.join(work, 'associations', 'logo.png'))
    await writeFile(path.join(work, 'associations', 'amis.yml'), 'name: Amis\nlogo: logo.png\n')
    const result = await runCli(['build', 'slides', '--asso', 'associations/amis.yml', '--out', 'dist'], work)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("this file is outside the deck's folder (a link to")
  })

  it('copies files of the deck, of the working folder, and from anywhere with --allow-outside-files', async () => {
    expect((await buildWith('images/ok.png')).code).toBe(0)
    await writeFile(path.join(work, 'partage.png'), TINY_PNG)
    expect((await buildWith('../partage.png')).code).toBe(0)
    const allowed = await buildWith('../../secret/photo.png', '--allow-outside-files')
    expect(allowed.code, allowed.stderr).toBe(0)
    expect((await copied()).some((f) => f.endsWith('photo.png'))).toBe(true)
  })

  it('diapo check reports a file from outside as an error at its line', async () => {
    await writeFile(path.join(work, 'slides', '01-titre.md'), '# Titre\n\nTexte\n\n![photo](../../secret/photo.png)\n\nNote: notes\n')
    const result = await runCli(['check', 'slides', '--json'], work)
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as { issues: { rule: string; file: string; line: number }[] }
    expect(report.issues).toContainEqual(
      expect.objectContaining({ rule: 'media-outside', file: path.join('slides', '01-titre.md'), line: 5 }),
    )
  })
})
