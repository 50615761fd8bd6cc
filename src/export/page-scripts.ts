import type { Page } from 'puppeteer-core'

/**
 * Gives a new page the helpers diapo's own scripts call in it: `decodeImages()` (string form: the code
 * runs in the browser, not in Node), in every document the page loads from now on.
 */
export async function addPageHelpers(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(DECODE_IMAGES)
}

// --- internal ---

/**
 * Waits until every image of the page has loaded (or failed): `<img>` (lazy ones made eager) and every
 * CSS background image, reveal.js's slide backgrounds included. Printing before that gives empty frames.
 * Not `img.decode()`: in a page that is not in front (two PDFs print at once in two tabs), the full
 * Chromium's headless mode renders no frame, and a decode request, served with the next frame, never
 * settles; printing decodes what it draws by itself. Broken images do not wait (the build checks local
 * files).
 */
const DECODE_IMAGES = `window.decodeImages = async function () {
  const urls = new Set()
  for (const el of document.querySelectorAll('body, body *')) {
    const background = getComputedStyle(el).backgroundImage
    if (!background.includes('url(')) continue
    for (const m of background.matchAll(/url\\(["']?(.*?)["']?\\)/g)) urls.add(m[1])
  }
  const images = [...document.images]
  for (const url of urls) { const img = new Image(); img.src = url; images.push(img) }
  await Promise.all(images.map((img) => {
    img.loading = 'eager'
    if (img.complete) return undefined
    return new Promise((resolve) => {
      img.addEventListener('load', resolve, { once: true })
      img.addEventListener('error', resolve, { once: true })
    })
  }))
}`

declare global {
  interface Window {
    diapoPrintReady: Promise<void>
  }
  function decodeImages(): Promise<void>
}
