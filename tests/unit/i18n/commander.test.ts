import { Command } from 'commander'
import { afterEach, describe, expect, it } from 'vitest'

import { localizeCommander, translateError } from '../../../src/i18n/commander.js'
import { setLang } from '../../../src/i18n/index.js'

afterEach(() => setLang(undefined))

describe('translateError', () => {
  it("says commander's errors in French, with what they name", () => {
    setLang('fr')
    expect(translateError("error: unknown option '--pfd'\n(Did you mean --pdf?)\n")).toBe(
      'erreur : option inconnue : «\u00a0--pfd\u00a0»\n(vouliez-vous dire --pdf ?)\n',
    )
    expect(translateError("error: missing required argument 'slug'\n")).toBe('erreur : il manque l’argument «\u00a0slug\u00a0»\n')
    expect(translateError("error: too many arguments for 'build'. Expected 1 argument but got 2.\n")).toBe(
      'erreur : trop d’arguments : 1 attendu, 2 donnés.\n',
    )
    expect(translateError('error: something new\n')).toBe('erreur : something new\n')
  })

  it('leaves them as commander wrote them in English', () => {
    setLang('en')
    for (const text of [
      "error: unknown option '--pfd'\n(Did you mean --pdf?)\n",
      "error: option '--timeout <seconds>' argument 'x' is invalid. give a number\n",
    ]) {
      expect(translateError(text)).toBe(text)
    }
  })
})

describe('localizeCommander', () => {
  it("writes the help's headings, defaults and help option in French", () => {
    setLang('fr')
    const program = new Command('diapo').option('-o, --out <dir>', 'dossier', 'dist')
    program.command('build').argument('[deck]', 'la présentation', 'slides')
    localizeCommander(program)
    const help = program.helpInformation()
    expect(help).toContain('Utilisation : diapo [options] [commande]')
    expect(help).toContain('dossier (par défaut : "dist")')
    expect(help).toContain('-h, --help       afficher l’aide de la commande')
    expect(help).toMatch(/Commandes :\n {2}build \[deck\]/)
    expect(program.commands[0]!.helpInformation()).toContain('Arguments :')
  })
})
