import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DeckError } from '../../src/errors.js'
import { loadText } from '../../src/load-text.js'
import { loadDeckSources } from '../../src/parse/deck.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'diapo-load-text-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function fileWith(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(dir, name)
  await writeFile(file, bytes)
  return file
}

describe('loadText', () => {
  const TEXT = '# Café crème\r\n\r\nÀ bientôt « ici » !\r\n'

  it('reads UTF-8 with or without a byte order mark, CRLF kept', async () => {
    expect(await loadText(await fileWith('plain.md', Buffer.from(TEXT, 'utf8')), 'E_DECK')).toBe(TEXT)
    const bom = await loadText(
      await fileWith('bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])),
      'E_DECK',
    )
    expect(bom.replace(/^\uFEFF/, '')).toBe(TEXT)
  })

  it('converts UTF-16 with its byte order mark (Notepad "Unicode"), both byte orders', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])
    const be = Buffer.from(le)
    be.swap16()
    expect(await loadText(await fileWith('le.md', le), 'E_DECK')).toBe(TEXT)
    expect(await loadText(await fileWith('be.md', be), 'E_DECK')).toBe(TEXT)
  })

  it('refuses Latin-1 at the first line it would garble, naming the file and the fix', async () => {
    const file = await fileWith('latin1.md', Buffer.from('# Titre\n\nCafé crème\n', 'latin1'))
    const err = await loadText(file, 'E_DECK').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DeckError)
    expect((err as DeckError).detail.loc).toEqual({ file, line: 3 })
    expect((err as DeckError).message).toContain('UTF-8')
    expect((err as DeckError).message).toContain('Café crème')
    expect((err as DeckError).detail.hint).toMatch(/UTF-8/)
  })

  it('a deck with a Latin-1 slide file fails at that file, not with a garbled slide', async () => {
    const deck = path.join(dir, 'deck')
    await mkdir(deck)
    await writeFile(path.join(deck, '01-a.md'), '# Bonjour\n')
    await writeFile(path.join(deck, '02-b.md'), Buffer.from('# Été\n', 'latin1'))
    const err = await loadDeckSources(deck).catch((e: unknown) => e)
    expect((err as DeckError).detail.loc).toEqual({ file: path.join(deck, '02-b.md'), line: 1 })
  })
})
