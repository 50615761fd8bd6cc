import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { loadDeckSources, parseDeck } from '../../../src/parse/deck.js'

const FIXTURES = fileURLToPath(new URL('../../fixtures/decks/', import.meta.url))
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const decks = (await readdir(FIXTURES, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name)

describe('parseDeck on the fixture decks', () => {
  it.each(decks)('parses %s as before', async (name) => {
    const deck = parseDeck(await loadDeckSources(path.join(FIXTURES, name)))
    const files = deck.files.map(({ file, id }) => ({ file, id }))
    // Paths relative to the repository, so the snapshot is the same on every machine.
    const json = JSON.stringify({ ...deck, files }).replaceAll(ROOT.replace(/\/$/, ''), '<root>')
    expect(JSON.parse(json)).toMatchSnapshot()
  })
})
