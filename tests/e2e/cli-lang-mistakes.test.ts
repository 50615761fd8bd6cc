// Issue 16's promise for mistakes, seen from the terminal: on a French system a volunteer's slips are
// explained in French, at their line; on LANG=C.UTF-8 in English. The real CLI, run as a volunteer runs it.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { cleanup, runCli, tempDir } from './helpers.js'

const FRENCH = { LANG: 'fr_FR.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined }
const ENGLISH = { LANG: 'C.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined }

describe("a volunteer's mistakes in their language", () => {
  let work: string

  beforeAll(async () => {
    work = await tempDir('diapo-lang-')
    await mkdir(path.join(work, 'slides'))
    await writeFile(path.join(work, 'slides', '01.md'), '# Bonjour\n\n![Le logo](absent.png)\n')
    await mkdir(path.join(work, 'associations'))
    await writeFile(
      path.join(work, 'associations', 'maison.yml'),
      'name: Maison des assos\nshortName: Maison\nworkshop:\n  date: 2026-12-05\n  place: Maison des assos: salle 2\n',
    )
  })
  afterAll(() => cleanup(work))

  it('says a missing deck is « introuvable » on a French system, "not found" on C.UTF-8', async () => {
    const fr = await runCli(['build', 'nulle-part', '--out', 'dist'], work, FRENCH)
    expect(fr.code).toBe(1)
    expect(fr.stderr).toMatch(/^erreur .*introuvable/m)
    const en = await runCli(['build', 'nulle-part', '--out', 'dist'], work, ENGLISH)
    expect(en.code).toBe(1)
    expect(en.stderr).toMatch(/^error .*not found/m)
  })

  it('says a missing image is « introuvable », at its line', async () => {
    const fr = await runCli(['build', '--out', 'dist'], work, FRENCH)
    expect(fr.code).toBe(1)
    expect(fr.stderr).toMatch(/slides\/01\.md:3(:\d+)?: image introuvable/)
  })

  it('explains an unquoted « : » at its own line, with the line written right', async () => {
    const fr = await runCli(['build', '--asso', 'associations/maison.yml', '--out', 'dist-maison'], work, FRENCH)
    expect(fr.code).toBe(1)
    expect(fr.stderr).toMatch(/associations\/maison\.yml:5(:\d+)?: /)
    expect(fr.stderr).toMatch(/guillemets/)
    expect(fr.stderr).toContain('place: "Maison des assos: salle 2"')
    const en = await runCli(['build', '--asso', 'associations/maison.yml', '--out', 'dist-maison'], work, ENGLISH)
    expect(en.stderr).toMatch(/associations\/maison\.yml:5(:\d+)?: /)
    expect(en.stderr).toMatch(/quotes/)
  })
})
