import { t } from '../i18n/index.js'
import { isInteractive } from '../log.js'
import { type BrowserChoice, describeBrowser } from './browser.js'
import type { PdfProgress } from './pdf.js'

/**
 * On a terminal, one line naming the browser that prints, said when it is chosen; the first use of the
 * embedded browser also says it is being unpacked (once). `undefined` when not on a terminal or under CI.
 */
export function createBrowserNotice(stream: NodeJS.WriteStream = process.stderr): ((choice: BrowserChoice) => void) | undefined {
  if (!isInteractive()) return undefined
  return (choice) => {
    const unpacking = !!choice.embedded && !choice.embedded.unpacked
    stream.write(`  ${t('progress.browser', { browser: describeBrowser(choice), unpacking })}\n`)
  }
}

/**
 * Progress of the PDF export on a terminal: one status line rewritten in place (which PDF, what it is
 * doing), and a line per finished PDF with its page count. `undefined` (no output at all) when stderr
 * is not a terminal or under CI.
 */
export function createPdfProgress(stream: NodeJS.WriteStream = process.stderr): ((p: PdfProgress) => void) | undefined {
  if (!isInteractive()) return undefined
  const started = performance.now()
  const status = new Map<string, string>()
  return (progress) => {
    stream.write('\r\x1b[K')
    if (progress.step === 'done') {
      status.delete(progress.pdf)
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      stream.write(`  ${t('progress.done', { pdf: progress.pdf, pages: progress.pages ?? 0, seconds })}\n`)
    } else {
      status.set(progress.pdf, describe(progress))
    }
    if (status.size > 0) stream.write([...status].map(([pdf, what]) => `${pdf}: ${what}`).join(' · '))
  }
}

// --- internal ---

function describe(progress: PdfProgress): string {
  if (progress.step === 'loading') return t('progress.loading')
  return t('progress.printing', { pages: progress.pages })
}
