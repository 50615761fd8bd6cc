import { DeckError } from '../../src/errors.js'

/** The `DeckError` that `fn` throws; anything else (or nothing thrown) fails the test. */
export function deckErrorOf(fn: () => unknown): DeckError {
  try {
    fn()
  } catch (err) {
    if (err instanceof DeckError) return err
    throw err
  }
  throw new Error('expected a DeckError, but nothing was thrown')
}
