import type { Page } from 'puppeteer-core'

import type { CompiledDeck } from '../compile.js'
import { DeckError, type SourceLocation } from '../errors.js'
import { t } from '../i18n/index.js'
import { slideAtSource } from './slide-source.js'

/**
 * The error of a PDF page that timed out, naming the slide it waits for (see `findUnreadySlide`);
 * `undefined` when no slide can be blamed (the session then says the page was not ready).
 */
export async function unreadySlideError(
  page: Page,
  compiled: CompiledDeck,
  what: string,
  timeout: number,
  cause: unknown,
): Promise<DeckError | undefined> {
  const culprit = await findUnreadySlide(page, compiled)
  if (!culprit) return undefined
  return new DeckError(t('pdf.slideNotReady', { seconds: Math.round(timeout / 100) / 10, why: culprit.why, what }), 'E_EXPORT', {
    loc: culprit.loc,
    hint: t('pdf.slideNotReadyHint'),
    cause,
  })
}

// --- internal ---

/** How long a page that timed out is given to say what it waits for. */
const UNREADY_PROBE_MS = 1_000

interface UnreadySlide {
  loc: SourceLocation
  why: string
}

/**
 * The slide a page that timed out waits for: the first with an image, video or sound not yet loaded,
 * asked of the page; when the page does not even answer (a script that never ends holds it), the
 * first slide with a script of its own.
 */
async function findUnreadySlide(page: Page, compiled: CompiledDeck): Promise<UnreadySlide | undefined> {
  const slides = compiled.rendered.stacks.flatMap((s) => s.slides)
  let timer: NodeJS.Timeout | undefined
  const asked = await Promise.race([
    page
      .evaluate(() => {
        const waiting = [...document.querySelectorAll<HTMLImageElement | HTMLMediaElement>('img, video, audio')].find((el) =>
          el instanceof HTMLImageElement ? !el.complete : el.readyState < 2 && !el.error,
        )
        return waiting ? (waiting.closest('section[data-source]')?.getAttribute('data-source') ?? '') : undefined
      })
      .catch(() => null),
    new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), UNREADY_PROBE_MS))),
  ]).finally(() => clearTimeout(timer))
  const waiting = typeof asked === 'string' ? slideAtSource(compiled, asked)?.slide : undefined
  if (waiting) return { loc: waiting.loc, why: t('pdf.mediaNeverLoaded') }
  if (asked !== null) return undefined
  const scripted = slides.find((s) => /<script\b/i.test(s.html + s.notesHtml))
  return scripted ? { loc: scripted.loc, why: t('pdf.pageHung') } : undefined
}
