import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

import Handlebars from 'handlebars'

import { decodeHtmlEntities } from './render/entities.js'
import { PACKAGE_ROOT } from './paths.js'
import { RUNTIME_DIR } from './write.js'

/** The page of all decks, beside the generic deck's `index.html` (which stays the deck). */
export const DECKS_PAGE = 'sommaire.html'

export const DECKS_TEMPLATE_FILE = path.join(PACKAGE_ROOT, 'templates', 'decks.hbs')

/** The PDFs a deck folder may hold, in the order the page lists them. */
const PDFS = ['slides.pdf', 'handout.pdf', 'notes.pdf'] as const

/** One deck found in the output folder, as the page lists it. */
export interface ListedDeck {
  /** Folder relative to the output folder, `''` for the generic deck. */
  folder: string
  title: string
  lang: string
  /** The association it is made for; none for the generic deck. */
  association?: string
  /** A profile shipped as an example (`example: true`). */
  example: boolean
  slideCount: number
  built: Date
  /** Files relative to the output folder, with their sizes in bytes. */
  index: string
  singleFile?: { file: string; bytes: number }
  pdfs: { kind: (typeof PDFS)[number]; file: string; bytes: number }[]
}

/**
 * Finds every deck diapo wrote in `root` (its `index.html`, and each `<slug>/index.html`), from what
 * is on the disk: any build into that folder, generic or for a profile, lists them all.
 */
export async function listDecks(root: string): Promise<ListedDeck[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => [])
  const folders = [
    '',
    ...entries.filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'assets' && e.name !== 'media').map((e) => e.name),
  ]
  const decks = await Promise.all(folders.map((folder) => readDeck(root, folder)))
  return decks
    .filter((d): d is ListedDeck => d !== undefined)
    .sort((a, b) => rank(a) - rank(b) || (a.association ?? '').localeCompare(b.association ?? '', a.lang))
}

/**
 * Writes `root/sommaire.html`, the page of all decks of `root`, offline (fonts and styles inlined,
 * no request), in the decks' language. Written beside, then renamed: never half a page. Nothing is
 * written when the folder holds no deck.
 */
export async function writeDecksPage(root: string, now = new Date()): Promise<{ file?: string; decks: ListedDeck[] }> {
  const decks = await listDecks(root)
  // No deck there (every profile failed before anything was written): no folder to create, no page.
  if (decks.length === 0) return { decks }
  const html = await renderDecksPage(decks, now)
  const file = path.join(root, DECKS_PAGE)
  const temporary = path.join(root, `.${DECKS_PAGE}.${process.pid}.tmp`)
  await writeFile(temporary, html)
  await rename(temporary, file)
  return { file, decks }
}

/** The page's HTML for `decks`. */
export async function renderDecksPage(decks: ListedDeck[], now: Date): Promise<string> {
  const lang = decks[0]?.lang ?? 'fr'
  const m = pageMessages(lang)
  const [source, runtimeCss, themeCss] = await Promise.all([
    readFile(DECKS_TEMPLATE_FILE, 'utf8'),
    readFile(path.join(RUNTIME_DIR, 'diapo.css'), 'utf8'),
    readFile(path.join(PACKAGE_ROOT, 'themes', 'default.css'), 'utf8'),
  ])
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' })
  const size = (bytes: number) => formatSize(bytes, lang)
  const template = Handlebars.create().compile(source, { strict: false })
  return template({
    lang,
    m,
    // The decks' own fonts, upright only (the page has no italics and no code): about 50 KB.
    style: `${fontFaces(runtimeCss)}\n${themeCss}`,
    updated: date.format(now),
    decks: decks.map((d) => ({
      ...d,
      heading: d.association ?? m.generic,
      built: date.format(d.built),
      slides: m.slides(d.slideCount),
      href: encodePath(d.index),
      singleFile: d.singleFile && {
        href: encodePath(d.singleFile.file),
        size: size(d.singleFile.bytes),
        name: path.posix.basename(d.singleFile.file),
      },
      pdfs: d.pdfs.map((p) => ({ href: encodePath(p.file), label: m.pdf[p.kind], size: size(p.bytes) })),
    })),
  })
}

// --- internal ---

interface PageMessages {
  title: string
  intro: string
  updated: string
  generic: string
  example: string
  exampleHint: string
  built: string
  open: string
  singleFile: string
  singleFileHint: string
  pdf: Record<(typeof PDFS)[number], string>
  noPdf: string
  none: string
  slides: (n: number) => string
}

const MESSAGES: Record<string, PageMessages> = {
  fr: {
    title: 'Les diaporamas',
    intro:
      'Chaque diaporama s’ouvre dans un navigateur, sans connexion. Le fichier unique contient tout le diaporama : c’est lui qu’on envoie par courriel ou qu’on copie seul sur une clé USB.',
    updated: 'Page mise à jour le',
    generic: 'Version générique',
    example: 'exemple',
    exampleHint: 'profil d’exemple livré avec diapo',
    built: 'Construit le',
    open: 'Ouvrir le diaporama',
    singleFile: 'Fichier unique à envoyer',
    singleFileHint: 'tout le diaporama en un fichier, notes comprises',
    pdf: { 'slides.pdf': 'Diapositives (PDF)', 'handout.pdf': 'Support des participants (PDF)', 'notes.pdf': 'Notes de l’animateur (PDF)' },
    noPdf: 'Pas de PDF : construire avec --pdf pour les obtenir.',
    none: 'Aucun diaporama dans ce dossier.',
    slides: (n) => `${n} diapositive${n > 1 ? 's' : ''}`,
  },
  en: {
    title: 'The decks',
    intro:
      'Each deck opens in a browser, offline. The single file holds the whole deck: it is the one to e-mail, or to copy alone onto a USB stick.',
    updated: 'Page updated on',
    generic: 'Generic version',
    example: 'example',
    exampleHint: 'an example profile shipped with diapo',
    built: 'Built on',
    open: 'Open the deck',
    singleFile: 'Single file to send',
    singleFileHint: 'the whole deck in one file, notes included',
    pdf: { 'slides.pdf': 'Slides (PDF)', 'handout.pdf': 'Attendees’ handout (PDF)', 'notes.pdf': 'Speaker’s notes (PDF)' },
    noPdf: 'No PDF: build with --pdf to get them.',
    none: 'No deck in this folder.',
    slides: (n) => `${n} slide${n > 1 ? 's' : ''}`,
  },
}

function pageMessages(lang: string): PageMessages {
  return MESSAGES[lang.toLowerCase().split('-')[0]!] ?? MESSAGES.en!
}

/** The generic deck first, then the associations', the examples last. */
function rank(deck: ListedDeck): number {
  return deck.association === undefined ? 0 : deck.example ? 2 : 1
}

async function readDeck(root: string, folder: string): Promise<ListedDeck | undefined> {
  const dir = path.join(root, folder)
  const indexFile = path.join(dir, 'index.html')
  const [html, info] = await Promise.all([readFile(indexFile, 'utf8').catch(() => undefined), stat(indexFile).catch(() => undefined)])
  if (!html || !info || !html.includes('<meta name="generator" content="diapo">')) return undefined
  const meta = /<meta name="diapo-deck" content="([^"]*)">/.exec(html)
  const deckInfo = meta
    ? (JSON.parse(decodeHtmlEntities(meta[1]!)) as { association?: string; example?: boolean; singleFile?: string })
    : {}
  const rel = (file: string) => (folder ? `${folder}/${file}` : file)
  const sizeOf = async (file: string) => (await stat(path.join(dir, file)).catch(() => undefined))?.size
  const singleBytes = deckInfo.singleFile ? await sizeOf(deckInfo.singleFile) : undefined
  const pdfs = await Promise.all(PDFS.map(async (kind) => ({ kind, file: rel(kind), bytes: await sizeOf(kind) })))
  return {
    folder,
    title: decodeHtmlEntities(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? 'Diapo'),
    lang: /<html lang="([^"]+)"/.exec(html)?.[1] ?? 'fr',
    ...(deckInfo.association ? { association: deckInfo.association } : {}),
    example: deckInfo.example === true,
    slideCount: html.match(/<section[^>]* data-source="/g)?.length ?? 0,
    built: info.mtime,
    index: rel('index.html'),
    ...(deckInfo.singleFile && singleBytes !== undefined ? { singleFile: { file: rel(deckInfo.singleFile), bytes: singleBytes } } : {}),
    pdfs: pdfs.filter((p): p is ListedDeck['pdfs'][number] => p.bytes !== undefined),
  }
}

/** The runtime's @font-face rules of Atkinson Hyperlegible, upright (their fonts are inlined as data: URIs). */
function fontFaces(css: string): string {
  return (css.match(/@font-face\s*\{[^}]*\}/g) ?? []).filter((rule) => rule.includes('Atkinson') && !rule.includes('italic')).join('\n')
}

function formatSize(bytes: number, lang: string): string {
  const fr = lang.toLowerCase().startsWith('fr')
  const kilo = bytes / 1024
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: kilo >= 1024 ? 1 : 0 })
  return kilo >= 1024 ? `${number.format(kilo / 1024)} ${fr ? 'Mo' : 'MB'}` : `${number.format(Math.max(1, kilo))} ${fr ? 'Ko' : 'KB'}`
}

function encodePath(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/')
}
