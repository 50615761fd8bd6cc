import { constants } from 'node:fs'
import { access, open, realpath, stat } from 'node:fs/promises'
import path from 'node:path'

import { t } from './i18n/index.js'
import type { LocalAsset } from './types.js'

/**
 * Where the files a deck shows may come from. A deck is published (a USB stick, a web site, a mail):
 * a path such as `../../.ssh/id_rsa.png` or a symbolic link must not carry a private file out with it.
 */
export interface MediaScope {
  /** Folders whose files may be copied into the deck (the deck's, the working folder, the profile's). */
  roots: string[]
  /** `--allow-outside-files`: copy files from anywhere (off by default). */
  allowOutside?: boolean
}

/** What is wrong with a file a slide shows, in a volunteer's words. */
export interface MediaProblem {
  rule: 'image-missing' | 'media-outside' | 'media-type'
  message: string
  hint: string
}

/**
 * Checks a local file a slide shows before it is copied into the deck: it exists, is a readable file,
 * lies (symbolic links resolved) inside one of the scope's folders, and its content is an image, a
 * video or a sound of the kind its name says (or text, for a stylesheet, a script or a page). `undefined` when it may be copied.
 */
export async function inspectMedia(asset: LocalAsset, scope: MediaScope, shown = asset.source): Promise<MediaProblem | undefined> {
  const info = await stat(asset.source).catch(() => undefined)
  if (!info) {
    return { rule: 'image-missing', message: t('media.notFound', { path: shown }), hint: t('media.notFoundHint') }
  }
  if (!info.isFile()) {
    return { rule: 'image-missing', message: t('media.folder', { path: shown }), hint: t('media.folderHint') }
  }
  const readable = await access(asset.source, constants.R_OK).then(
    () => true,
    () => false,
  )
  if (!readable) {
    return { rule: 'image-missing', message: t('media.unreadable', { path: shown }), hint: t('media.unreadableHint') }
  }
  if (!scope.allowOutside) {
    const real = await realpath(asset.source)
    const roots = await Promise.all(scope.roots.map((root) => realpath(root).catch(() => path.resolve(root))))
    if (!roots.some((root) => isInside(real, root))) {
      const link = real !== path.resolve(asset.source) ? real : ''
      return { rule: 'media-outside', message: t('media.outside', { path: shown, link }), hint: t('media.outsideHint') }
    }
  }
  const extension = path.extname(asset.source).slice(1).toLowerCase()
  const head = await readHead(asset.source)
  if (TEXT_FILES.has(extension)) {
    // A deck's own stylesheet, script or page (reveal-md's `css`, `scripts`, a background iframe): text.
    if (!head.includes(0)) return undefined
    return { rule: 'media-type', message: t('media.notText', { extension, path: shown }), hint: t('media.notTextHint') }
  }
  const expected = MEDIA_TYPES[extension]
  const actual = sniff(head)
  if (expected ? actual !== expected : actual === undefined) {
    return {
      rule: 'media-type',
      message: t('media.wrongType', { expected: expected?.toUpperCase(), actual: actual?.toUpperCase(), path: shown }),
      hint: actual ? t('media.renameHint', { extension: actual }) : t('media.wrongTypeHint'),
    }
  }
  return undefined
}

// --- internal ---

/** File name endings and the kind of content they announce. */
const MEDIA_TYPES: Record<string, string> = {
  png: 'png',
  apng: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  jfif: 'jpeg',
  gif: 'gif',
  webp: 'webp',
  avif: 'avif',
  svg: 'svg',
  bmp: 'bmp',
  ico: 'ico',
  mp4: 'mp4',
  m4v: 'mp4',
  mov: 'mp4',
  webm: 'webm',
  mkv: 'webm',
  ogg: 'ogg',
  ogv: 'ogg',
  oga: 'ogg',
  opus: 'ogg',
  mp3: 'mp3',
  wav: 'wav',
  m4a: 'mp4',
}

/** Files a deck may include that are text, not media. */
const TEXT_FILES = new Set(['css', 'js', 'mjs', 'html', 'htm', 'txt', 'vtt', 'json'])

function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, 'r')
  try {
    const buffer = Buffer.alloc(4096)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** The kind of media a file's first bytes show, as its magic number says; `undefined` if none. */
function sniff(head: Buffer): string | undefined {
  const ascii = (start: number, end: number): string => head.subarray(start, end).toString('latin1')
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg'
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif'
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp'
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav'
  if (ascii(4, 8) === 'ftyp') return /^(avif|avis)/.test(ascii(8, 12)) ? 'avif' : 'mp4'
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'webm'
  if (ascii(0, 4) === 'OggS') return 'ogg'
  if (ascii(0, 3) === 'ID3' || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0)) return 'mp3'
  if (ascii(0, 2) === 'BM') return 'bmp'
  if (head[0] === 0 && head[1] === 0 && head[2] === 1 && head[3] === 0) return 'ico'
  if (!head.includes(0) && /<svg[\s>]/i.test(head.toString('utf8').replace(/^\uFEFF/, ''))) return 'svg'
  return undefined
}

/** The Content-Type of a file the deck serves or inlines, by its extension (`.png`); unknown ones are bytes. */
export function contentTypeOf(ext: string): string {
  return CONTENT_TYPES[ext.toLowerCase()] ?? 'application/octet-stream'
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.wav': 'audio/wav',
  '.m4a': 'audio/mp4',
  '.pdf': 'application/pdf',
}
