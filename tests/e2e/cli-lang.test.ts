// The CLI in the user's language: French on a French system, English otherwise, `--lang` over both.
import { describe, expect, it } from 'vitest'

import { cleanup, findBrowser, runCli, tempDir } from './helpers.js'

/** A French system: LANG says so, nothing overrides it. */
const FRENCH = { LANG: 'fr_FR.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined }
const ENGLISH = { LANG: 'C.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined }
const DECKS = 'tests/fixtures/decks'

describe("diapo in the user's language", () => {
  it("prints its help in French on a French system, commander's own words included", async () => {
    const { code, stdout } = await runCli(['--help'], undefined, FRENCH)
    expect(code).toBe(0)
    expect(stdout).toContain('Utilisation : diapo [options] [commande]')
    expect(stdout).toContain('Commandes :')
    expect(stdout).toContain('afficher l’aide de la commande')
    expect(stdout).toContain('fabriquer la présentation')
    expect(stdout).not.toMatch(/Usage:|Options:|display help/)
  })

  it('prints the help of a command in French, its defaults too', async () => {
    const { code, stdout } = await runCli(['build', '--help'], undefined, FRENCH)
    expect(code).toBe(0)
    expect(stdout).toContain('Utilisation : diapo build [options] [deck]')
    expect(stdout).toContain('Options :')
    expect(stdout).toMatch(/-o, --out <dossier>\s+dossier où écrire la présentation \(par défaut :\s+"dist"\)/)
    expect(stdout).not.toMatch(/Usage:|Options:|default:|output folder/)
  })

  it('says a mistyped option in French', async () => {
    const { code, stderr } = await runCli(['build', '--pfd'], undefined, FRENCH)
    expect(code).toBe(1)
    expect(stderr).toContain('erreur : option inconnue : «\u00a0--pfd\u00a0»')
    expect(stderr).toContain('(ajoutez --help pour voir comment l’utiliser)')
  })

  it('speaks English on LANG=C.UTF-8', async () => {
    const { stdout } = await runCli(['build', '--help'], undefined, ENGLISH)
    expect(stdout).toContain('Usage: diapo build [options] [deck]')
    expect(stdout).toMatch(/-o, --out <dir>\s+output folder \(default:\s+"dist"\)/)
    expect(stdout).toContain('display help for command')
  })

  it('speaks English with --lang en on a French system', async () => {
    const { stdout } = await runCli(['--lang', 'en', '--help'], undefined, FRENCH)
    expect(stdout).toContain('Usage: diapo [options] [command]')
    expect(stdout).toContain('build a deck into DIR/index.html')
    expect(stdout).not.toContain('Utilisation')
  })

  it('says what a build wrote in French', async () => {
    const out = await tempDir()
    try {
      const { code, stdout } = await runCli(['build', `${DECKS}/low-contrast`, '--out', out], undefined, FRENCH)
      expect(code).toBe(0)
      expect(stdout).toMatch(/✔ 1 diapositive → .*index\.html, .*\.html \(fichier unique\)/)
      expect(stdout).toContain('page de toutes les présentations →')
    } finally {
      await cleanup(out)
    }
  })

  it("prints check's report in French", async () => {
    if (!(await findBrowser())) return
    const { code, stdout } = await runCli(['check', `${DECKS}/low-contrast`], undefined, FRENCH)
    expect(code).toBe(1)
    expect(stdout).toContain(`erreur ${DECKS}/low-contrast/slides.md:8 (diapositive 1): `)
    expect(stdout).toContain(`✖ ${DECKS}/low-contrast : 1 diapositive, 1 erreur, 0 avertissement`)
  })
})
