/** The default (16:9) slide frame, in CSS pixels; `aspect: 4:3` makes it 960×720 (src/render/frame.ts). */
export const SLIDE_WIDTH = 1280
export const SLIDE_HEIGHT = 720

/** A4 portrait and its margins, in millimetres. Header and footer live in the top and bottom margins. */
export const A4 = { width: 210, height: 297 }
export const HANDOUT_MARGIN = { top: 17, bottom: 15, side: 14 }

/** CSS pixels in a millimetre (96 px an inch). */
const PX_PER_MM = 96 / 25.4

/** How many slides a handout page holds: three with their notes beside, or two with notes below. */
export type HandoutPerPage = 2 | 3

/** Sizes of one handout row (a slide and its notes), in millimetres, and the slide's scale factor. */
export interface HandoutLayout {
  perPage: HandoutPerPage
  /** `beside`: notes to the right of the slide; `below`: under it. */
  notes: 'beside' | 'below'
  rowHeight: number
  slideWidth: number
  slideHeight: number
  notesWidth: number
  notesHeight: number
  /** CSS `zoom` that turns the slide frame (1280×720 or 960×720) into `slideWidth` × `slideHeight` mm. */
  scale: number
  /** The slide frame, in CSS pixels. */
  frameWidth: number
  frameHeight: number
}

/** A slide frame's size in CSS pixels. */
export interface SlideFrame {
  width: number
  height: number
}

const GAP = 6

/** The layout of a handout page with `perPage` slides, for a slide frame of `frame` px. Pure arithmetic, for the template. */
export function handoutLayout(
  perPage: HandoutPerPage = 3,
  frame: SlideFrame = { width: SLIDE_WIDTH, height: SLIDE_HEIGHT },
): HandoutLayout {
  const contentWidth = A4.width - 2 * HANDOUT_MARGIN.side
  const contentHeight = A4.height - HANDOUT_MARGIN.top - HANDOUT_MARGIN.bottom
  const rowHeight = contentHeight / perPage
  const inner = rowHeight - GAP
  const beside = perPage === 3
  // Beside: the slide takes a little more than half the width. Below: two thirds of the row's height.
  // A 4:3 frame is narrower for the same height: beside the notes it keeps the 16:9 frame's height.
  const besideWidth = Math.min(contentWidth * 0.55, (contentWidth * 0.55 * SLIDE_HEIGHT * frame.width) / (SLIDE_WIDTH * frame.height))
  const slideWidth = round(beside ? besideWidth : Math.min(contentWidth, (inner * 0.68 * frame.width) / frame.height))
  const slideHeight = round((slideWidth * frame.height) / frame.width)
  return {
    perPage,
    notes: beside ? 'beside' : 'below',
    rowHeight: round(rowHeight),
    slideWidth,
    slideHeight,
    notesWidth: round(beside ? contentWidth - slideWidth - GAP : contentWidth),
    notesHeight: round(beside ? inner : inner - slideHeight - GAP / 2),
    scale: scaleFor(slideWidth, frame.width),
    frameWidth: frame.width,
    frameHeight: frame.height,
  }
}

/** Splits items into pages of `perPage`: the last page may hold fewer. */
export function paginate<T>(items: T[], perPage: number): T[][] {
  const pages: T[][] = []
  for (let i = 0; i < items.length; i += perPage) pages.push(items.slice(i, i + perPage))
  return pages
}

/** Pages of a handout: the slide pages, then the links page(s) (none when the talk has no link). */
export function handoutPageCount(slideCount: number, perPage: HandoutPerPage, linkPages: number): number {
  return Math.ceil(slideCount / perPage) + linkPages
}

// --- internal ---

function scaleFor(widthMm: number, frameWidth: number): number {
  return Math.round(((widthMm * PX_PER_MM) / frameWidth) * 10_000) / 10_000
}

function round(mm: number): number {
  return Math.round(mm * 100) / 100
}
