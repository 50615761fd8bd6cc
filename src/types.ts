import type { SourceLocation } from './errors.js'

/** Deck-level settings, from the YAML front matter of the deck's first file. All optional. */
export interface DeckMeta {
  title?: string
  author?: string
  date?: string
  /** BCP 47 language tag of the deck's content and interface. Default `fr`. */
  lang?: string
  /** Theme name (`default`, `contrast`) or a path to a CSS file. */
  theme?: string
  /** Regular expression (source) of the line that separates horizontal slides. */
  separator?: string
  /** Regular expression (source) of the line that separates vertical slides. */
  verticalSeparator?: string
  /** Regular expression (source) of the line that starts speaker notes. */
  notesSeparator?: string
  /** Proportions of the slide frame: `16:9` (default, 1280×720) or `4:3` (960×720, older projectors). */
  aspect?: string
  /** Web address where handout.pdf will be published: the last slide shows its QR code. */
  handoutUrl?: string
  /** Any other key is kept for templates. */
  [key: string]: unknown
}

/** One Markdown source file of a deck, read and its front matter parsed once (see `parseSource`). */
export interface SourceFile {
  file: string
  /** Section id: `id` in its front matter, or the file's name without a leading number and its extension. */
  id: string
  /** The file as read: its front matter's lines, for the line of a key (`frontMatterLine`). */
  text: string
  /** The file's front matter (`{}` without one); the first file's describes the deck (`DeckMeta`). */
  frontMatter: Record<string, unknown>
  /** The Markdown after the front matter (after templating, once templated). */
  body: string
  /** 1-based file line of `body`'s first line. */
  bodyLine: number
  /**
   * When `body` was produced from the file (templating), the file line of each line of the file:
   * `lineMap[i]` is the source line of line `i + 1`. Absent: lines are the file's own.
   */
  lineMap?: number[]
}

/** One slide: a `<section>` of reveal.js. */
export interface Slide {
  loc: SourceLocation
  /** Markdown of the slide's content, without its notes and `.slide` comments. */
  markdown: string
  /** Markdown of the speaker notes, or '' when there are none. */
  notes: string
  /** Line (in `loc.file`) where the notes begin. */
  notesLine?: number
  /** Line (in `loc.file`) of the first line of `notes` (the marker's own, or a later one). */
  notesTextLine?: number
  /** Markdown of the attendees' text (a `Handout:` block): printed under the slide in handout.pdf only. */
  handout?: string
  /** Line (in `loc.file`) where the attendees' text begins. */
  handoutLine?: number
  /** Line (in `loc.file`) of the first line of `handout`. */
  handoutTextLine?: number
  /** Line (in `loc.file`) of the first `<!-- .slide: ... -->` comment, for errors about its attributes. */
  attributesLine?: number
  /** Attributes from `<!-- .slide: ... -->` comments. */
  attributes: Record<string, string>
  /** Id of the section (file) the slide belongs to. */
  section: string
  /** Source line of each line of `markdown`, when the file was templated (see `SourceFile.lineMap`). */
  lines?: number[]
  /**
   * Indices `#/h/v` reveal.js gives this slide when it renders the file alone, when they are not its
   * place in the file (reveal.js keeps empty slides, diapo drops them): links to `#/h/v` are pointed at
   * the slide's own place.
   */
  origin?: { h: number; v: number }
}

/** A horizontal slide: one slide, or a vertical stack of several. */
export interface SlideStack {
  slides: Slide[]
}

export interface Deck {
  meta: DeckMeta
  stacks: SlideStack[]
  /** Source files in reading order. */
  files: SourceFile[]
}

/** A slide rendered to HTML. */
export interface RenderedSlide {
  loc: SourceLocation
  section: string
  html: string
  notesHtml: string
  /** The attendees' text (`Handout:`), for handout.pdf; '' when there is none. */
  handoutHtml?: string
  attributes: Record<string, string>
  /** Local files the slide refers to (images, backgrounds), resolved to absolute paths. */
  assets: LocalAsset[]
  /** Every `http(s)://` or `mailto:` link of the slide, its notes and its attendees' text, with its text. */
  links: { href: string; text: string }[]
}

export interface LocalAsset {
  /** Absolute path on disk. */
  source: string
  /** Where the file is referred to, for the error when it is missing. */
  loc: SourceLocation
  /** Path relative to the output folder, as written in the HTML. */
  target: string
}

export interface RenderedDeck {
  meta: Required<Pick<DeckMeta, 'lang'>> & DeckMeta
  stacks: { slides: RenderedSlide[] }[]
}
