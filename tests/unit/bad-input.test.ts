import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createProfile } from '../../src/commands/new/profile.js'
import { compileDeck } from '../../src/compile.js'
import { DeckError } from '../../src/errors.js'

// Mistakes that used to crash as "a bug in diapo" (a stack trace, exit 2): each is now a DeckError at
// the line to fix. Real files in a temporary folder, the real compile.

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'diapo-bad-input-'))
  await mkdir(path.join(dir, 'photo.jpg'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function errorOf(markdown: string): Promise<DeckError> {
  await writeFile(path.join(dir, 'deck.md'), markdown)
  const err = await compileDeck({ cwd: dir, deck: 'deck.md' }).then(
    () => new Error('the deck built'),
    (e: unknown) => e,
  )
  if (err instanceof DeckError) return err
  throw err
}

describe('bad input is a located DeckError, never a crash', () => {
  it('character references that are no character, in a link or an image path', async () => {
    for (const ref of ['&#99999999;', '&#xd800;', '&#0;']) {
      const err = await errorOf(`# A\n\nTexte\n\n![photo](photo${ref}.png)\n`)
      expect([err.code, err.detail.loc?.line], ref).toEqual(['E_IMAGE', 5])
    }
  })

  it('an image path that is a folder', async () => {
    const err = await errorOf('# A\n\n![photo](photo.jpg)\n')
    expect(err.message).toContain('folder')
    expect(err.detail.loc?.line).toBe(3)
  })

  it('quotes nested 3,000 deep', async () => {
    const err = await errorOf(`# A\n\n${'>'.repeat(3000)} profond\n`)
    expect(err.code).toBe('E_MARKDOWN')
    expect(err.detail.loc?.file).toBe(path.join(dir, 'deck.md'))
  })

  it('a separator whose matching time explodes is refused at its line, before it runs', async () => {
    const started = Date.now()
    const err = await errorOf(`---\ntitle: T\nseparator: "^(\\\\s*-+\\\\s*)+$"\n---\n# A\n\n${'-'.repeat(40)}x\n`)
    expect(Date.now() - started).toBeLessThan(5000)
    expect([err.code, err.detail.loc?.line]).toEqual(['E_FRONTMATTER', 3])
  })

  it('usual separators stay accepted', async () => {
    await writeFile(
      path.join(dir, 'ok.md'),
      '---\nseparator: "^(\\\\r\\\\n?|\\\\n)---(\\\\r\\\\n?|\\\\n)$"\nverticalSeparator: "^-{4,}$"\n---\n# A\n',
    )
    await expect(compileDeck({ cwd: dir, deck: 'ok.md' })).resolves.toBeTruthy()
  })

  it('a 300-character slug for a new profile', async () => {
    const err = await createProfile({ cwd: dir, slug: 'a'.repeat(300) }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DeckError)
  })
})
