import { access, readFile } from 'node:fs/promises'

import { DeckError, type DeckErrorCode } from './errors.js'
import { t } from './i18n/index.js'

/**
 * Reads a text file a volunteer wrote (slides, a profile). UTF-8, with or without a byte order mark,
 * is read as it is; UTF-16 with its byte order mark (Notepad's "Unicode") is converted. Anything else
 * (Latin-1 or Windows-1252, whose "é" is not UTF-8) is a `DeckError` at the first line it garbles, rather
 * than "Caf� cr�me" on a slide. Errors of the file system (missing file) are the caller's to word.
 */
export async function loadText(file: string, code: DeckErrorCode): Promise<string> {
  const bytes = await readFile(file)
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    const at = firstInvalidByte(bytes)
    const line = bytes.subarray(0, at).filter((b) => b === 0x0a).length + 1
    const sample = new TextDecoder('windows-1252').decode(lineAround(bytes, at)).trim()
    throw new DeckError(t('text.notUtf8', { sample }), code, {
      loc: { file, line },
      hint: t('text.notUtf8Hint'),
    })
  }
}

// --- internal ---

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    if (length === 0) return i
    for (let k = 1; k < length; k++) {
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i
    }
    i += length - 1
  }
  return bytes.length
}

function lineAround(bytes: Uint8Array, at: number): Uint8Array {
  const start = bytes.lastIndexOf(0x0a, at) + 1
  const end = bytes.indexOf(0x0a, at)
  return bytes.subarray(start, end === -1 ? Math.min(bytes.length, start + 80) : Math.min(end, start + 80))
}

/** Whether a file (or folder) is there to be read. */
export async function fileExists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  )
}
