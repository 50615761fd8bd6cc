import { spawn } from 'node:child_process'
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { foreignFonts, pdfInfo, pdfText, squeeze } from './pdf-tools.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const DIAPO = path.join(ROOT, 'bin', 'diapo.js')
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'associations')

let work: string

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'diapo-cli-profiles-'))
  await cp(path.join(ROOT, 'slides'), path.join(work, 'slides'), { recursive: true })
})
afterEach(async () => {
  await rm(work, { recursive: true, force: true })
})

/** Runs the real CLI in the temporary folder; resolves with its exit code and output. */
function diapo(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [DIAPO, ...args], { cwd: work, env: { ...process.env, NO_COLOR: '1' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
  })
}

describe('diapo build --asso', () => {
  it('builds the good profile, reports the broken one at its line, and exits non-zero', async () => {
    await mkdir(path.join(work, 'associations'))
    await cp(path.join(FIXTURES, 'broken.yml'), path.join(work, 'associations', 'broken.yml'))
    await writeFile(path.join(work, 'associations', 'la-chorale.yml'), 'name: La Chorale du Quartier\n')
    // A previous deck of the broken profile must survive its failed build.
    await mkdir(path.join(work, 'dist', 'broken'), { recursive: true })
    await writeFile(path.join(work, 'dist', 'broken', 'index.html'), 'previous deck')

    const run = await diapo('build', '--asso', 'associations/broken.yml', '--asso', 'associations/la-chorale.yml')

    expect(run.code).toBe(1)
    expect(run.stderr).toContain('associations/broken.yml:3: unknown key "heure" in "workshop"; expected one of: date, place, facilitator')
    expect(run.stderr).toContain('1 of 2 profiles failed')
    const good = await readFile(path.join(work, 'dist', 'la-chorale', 'index.html'), 'utf8')
    expect(good).toContain('La Chorale du Quartier')
    expect(await readFile(path.join(work, 'dist', 'broken', 'index.html'), 'utf8')).toBe('previous deck')
  })

  it('reports an unquoted ":" on line 5 of a profile at line 5, with the line to write instead', async () => {
    await mkdir(path.join(work, 'associations'))
    const profile = 'name: Amis du vélo\nslug: amis\nworkshop:\n  date: 2026-12-10\n  place: Maison des assos: salle 2\n'
    await writeFile(path.join(work, 'associations', 'amis.yml'), profile)
    const run = await diapo('build', '--asso', 'associations/amis.yml')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/associations\/amis\.yml:5:\d+: /)
    expect(run.stderr).toContain('place: "Maison des assos: salle 2"')
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/)
  })

  it('blames the profile, at its line, for a missing theme file and for leaving out every section', async () => {
    await mkdir(path.join(work, 'associations'))
    await writeFile(path.join(work, 'associations', 'theme.yml'), 'name: Amis\nslug: amis\ntheme: maison.css\n')
    const theme = await diapo('build', '--asso', 'associations/theme.yml')
    expect(theme.code).toBe(1)
    expect(theme.stderr).toMatch(/associations\/theme\.yml:3: unknown theme/)

    const sections = (await readdir(path.join(work, 'slides'))).map((f) => f.replace(/\.md$/, '').replace(/^\d+[-_. ]*/, ''))
    await writeFile(path.join(work, 'associations', 'vide.yml'), `name: Amis\nslug: amis\nsections:\n  exclude: [${sections.join(', ')}]\n`)
    const empty = await diapo('build', '--asso', 'associations/vide.yml')
    expect(empty.code).toBe(1)
    expect(empty.stderr).toMatch(/associations\/vide\.yml:4: this profile leaves out every section/)
    expect(empty.stderr).not.toContain('01-titre.md')
  })

  it('builds every profile of a folder, and the generic deck keeps their folders', async () => {
    await cp(path.join(ROOT, 'associations'), path.join(work, 'associations'), { recursive: true })
    const profiles = await diapo('build', '--asso', 'associations')
    expect(profiles.code, profiles.stderr).toBe(0)
    const generic = await diapo('build')
    expect(generic.code, generic.stderr).toBe(0)
    const entries = await readdir(path.join(work, 'dist'))
    expect(entries).toEqual(expect.arrayContaining(['index.html', 'assets', 'chorale-du-quartier', 'jardins-partages']))
    const jardins = await readFile(path.join(work, 'dist', 'jardins-partages', 'index.html'), 'utf8')
    expect(jardins).toContain('Les Jardins Partagés de la Croix-Rousse')
    const external = path.join(work, 'dist', 'jardins-partages', 'media', 'external')
    const [folder] = await readdir(external)
    expect(await readdir(path.join(external, folder!))).toEqual(['logo.svg'])
  })

  it('prints each profile its own PDFs, with its own name', async () => {
    await cp(path.join(ROOT, 'associations'), path.join(work, 'associations'), { recursive: true })
    await writeFile(path.join(work, 'associations', 'amis-du-velo.yml'), 'name: Les Amis du Vélo\n')
    const run = await diapo('build', '--asso', 'associations', '--pdf')
    expect(run.code, run.stderr).toBe(0)
    const names = {
      'amis-du-velo': 'Les Amis du Vélo',
      'chorale-du-quartier': 'La Chorale du Quartier',
      'jardins-partages': 'Les Jardins Partagés de la Croix-Rousse',
    }
    for (const [slug, name] of Object.entries(names)) {
      const dir = path.join(work, 'dist', slug)
      const slideCount = (await readFile(path.join(dir, 'index.html'), 'utf8')).split('<section').length - 1
      const slides = path.join(dir, 'slides.pdf')
      expect(Number((await pdfInfo(slides)).Pages)).toBe(slideCount)
      // The title slide names this association, and no other.
      const first = squeeze(await pdfText(slides, 1))
      expect(first).toContain(squeeze(name))
      for (const other of Object.values(names).filter((n) => n !== name)) expect(first).not.toContain(squeeze(other))
      const handout = path.join(dir, 'handout.pdf')
      expect(Number((await pdfInfo(handout)).Pages)).toBeGreaterThan(Math.ceil(slideCount / 3))
      // On the cover; pdftotext drops the hyphen of a word broken at the end of a line (Croix-|Rousse).
      const dehyphen = (text: string): string => squeeze(text).replace(/-/g, '')
      expect(dehyphen(await pdfText(handout, 1))).toContain(dehyphen(name))
      // The deck's fonts only, the logos' included: an example to copy draws no text in a system font.
      for (const pdf of ['slides.pdf', 'handout.pdf', 'notes.pdf'])
        expect(await foreignFonts(path.join(dir, pdf)), `${slug}/${pdf}`).toEqual([])
    }
    // The tools diagnostic makes the Jardins deck longer than the minimal profiles'.
    const pages = async (slug: string): Promise<number> => Number((await pdfInfo(path.join(work, 'dist', slug, 'slides.pdf'))).Pages)
    expect(await pages('jardins-partages')).toBeGreaterThan(await pages('chorale-du-quartier'))
  })

  it('starts the line of a profile whose PDF fails with its file, and counts the failures', async () => {
    await mkdir(path.join(work, 'associations'))
    await writeFile(path.join(work, 'associations', 'la-chorale.yml'), 'name: La Chorale du Quartier\n')
    await writeFile(
      path.join(work, 'associations', 'bloquee.yml'),
      'name: Association Bloquée\nextraSlides:\n  - { file: bloquee.md, after: alternatives }\n',
    )
    // A slide of its own that never lets the page finish loading: its PDFs time out.
    await writeFile(path.join(work, 'associations', 'bloquee.md'), '## Bloquée\n\n<script>for (;;) {}</script>\n')
    const run = await diapo('build', '--asso', 'associations', '--pdf', '--timeout', '2')
    expect(run.code).toBe(1)
    const failures = run.stderr.split('\n').filter((l) => l.startsWith('error '))
    // The line starts with the profile; then the slide that never got ready, at its file:line.
    expect(failures[0]).toMatch(
      /^error associations\/bloquee\.yml: associations\/bloquee\.md:1: this slide was not ready after .*\.pdf was not printed/,
    )
    expect(failures.at(-1)).toBe('error 1 of 2 profiles failed (associations/bloquee.yml); the others were built')
    expect(Number((await pdfInfo(path.join(work, 'dist', 'la-chorale', 'slides.pdf'))).Pages)).toBeGreaterThan(10)
  })

  it('refuses a template mistake in a slide with its file and line', async () => {
    await writeFile(path.join(work, 'slides', '05-valeurs.md'), '## Valeurs\n\nPour {{asso.nme}}\n')
    const run = await diapo('build')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('slides/05-valeurs.md:3: unknown variable "asso.nme"')
  })
})

describe('diapo new', () => {
  it('writes a commented profile that builds, and never overwrites it', async () => {
    const first = await diapo('new', 'amis-du-velo')
    expect(first.code, first.stderr).toBe(0)
    const file = path.join(work, 'associations', 'amis-du-velo.yml')
    const text = await readFile(file, 'utf8')
    expect(text).toContain('name: "Amis du velo"')
    expect(text).toMatch(/# tools:/)

    await writeFile(file, 'name: Les Amis du Vélo\n')
    const second = await diapo('new', 'amis-du-velo')
    expect(second.code).toBe(1)
    expect(second.stderr).toContain('associations/amis-du-velo.yml already exists')
    expect(await readFile(file, 'utf8')).toBe('name: Les Amis du Vélo\n')

    await writeFile(file, text)
    const build = await diapo('build', '--asso', 'associations/amis-du-velo.yml')
    expect(build.code, build.stderr).toBe(0)
  })
})
