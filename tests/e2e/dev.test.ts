import { type ChildProcess, spawn } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { Browser, Page } from 'puppeteer-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { closeBrowser, launchBrowser } from '../../src/export/launch.js'
import { CLI, REPO_ROOT as ROOT, runCli } from './helpers.js'

const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'decks', 'dev')
const SECRET = 'PRIVATE KEY of camille, never to be served'

interface Dev {
  child: ChildProcess
  url: string
  output: () => string
}

let browser: Browser
let tmp: string
let deck: string
let dev: Dev

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'diapo-dev-test-'))
  deck = path.join(tmp, 'slides')
  await cp(FIXTURE, deck, { recursive: true })
  // A project folder above the deck, with a file that is not the deck's: Vite must not serve it.
  await writeFile(path.join(tmp, 'package.json'), '{ "name": "projet-de-camille", "private": true }\n')
  await mkdir(path.join(tmp, '.ssh'))
  await writeFile(path.join(tmp, '.ssh', 'id_ed25519'), SECRET)
  await writeFile(path.join(tmp, 'notes-privees.txt'), SECRET)
  browser = await launchBrowser()
  dev = await startDev([deck, '--asso', path.join(deck, 'asso.yml'), '--port', String(await freePort())])
})

// Deck files a test changed, with their text before: put back after each test, passed or failed, so
// that a failing test does not break the next ones.
const edited = new Map<string, string>()

afterEach(async () => {
  for (const [file, text] of edited) await writeFile(file, text)
  edited.clear()
})

afterAll(async () => {
  dev?.child.kill('SIGINT')
  await closeBrowser(browser)
  await rm(tmp, { recursive: true, force: true })
})

describe('diapo dev', () => {
  it('serves nothing outside the deck, even under the package.json of a parent folder', async () => {
    for (const file of ['notes-privees.txt', '.ssh/id_ed25519', 'package.json']) {
      for (const url of [
        `${dev.url}@fs${tmp}/${file}`,
        `${dev.url}../${file}`,
        `${dev.url}%2e%2e/${file}`,
        `${dev.url}@fs/${tmp}/slides/../${file}`,
      ]) {
        const res = await fetch(url)
        const body = await res.text()
        expect(body, url).not.toContain(SECRET)
        expect(body, url).not.toContain('projet-de-camille')
      }
    }
  })

  it('answers a malformed address with 400, not a stack trace', async () => {
    const res = await fetch(`${dev.url}%`)
    expect(res.status).toBe(400)
    expect(await res.text()).not.toMatch(/at .+\.js:\d+/)
  })

  it('serves the deck on 127.0.0.1 and says where', async () => {
    expect(dev.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const page = await openDeck(dev.url)
    expect(await slideText(page)).toContain('Bienvenue')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr')
    await page.close()
  })

  it('reloads the page on the same slide when a slide file is saved', async () => {
    const page = await openDeck(`${dev.url}#/1`)
    expect(await slideText(page)).toContain('Texte d’origine.') // as written, with French typography's apostrophe
    const file = path.join(deck, '02-suite.md')
    await edit(file, (text) => text.replace("Texte d'origine.", 'Texte modifié en direct.'))
    await waitFor(page, () => slideText(page).then((t) => t.includes('Texte modifié en direct.')))
    expect(await page.evaluate(() => location.hash)).toBe('#/1')
    expect(await page.evaluate(() => (window as unknown as { diapo: { getIndices(): { h: number } } }).diapo.getIndices().h)).toBe(1)
    await page.close()
  })

  it('keeps the last of two saves made 25 ms apart (an editor that formats on save)', async () => {
    const page = await openDeck(`${dev.url}#/1`)
    const file = path.join(deck, '02-suite.md')
    for (const round of [1, 2, 3]) {
      await edit(file, (text) => text.replace(/Texte d'origine\.|Version finale \d\./, `Premier jet ${round}.`))
      await new Promise((resolve) => setTimeout(resolve, 25))
      await edit(file, (text) => text.replace(`Premier jet ${round}.`, `Version finale ${round}.`))
      await waitFor(page, () => slideText(page).then((t) => t.includes(`Version finale ${round}.`)))
    }
    await page.close()
  })

  it('reloads the page when the theme or an image changes', async () => {
    const page = await openDeck(`${dev.url}#/2`)
    const background = (): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor).catch(() => '')
    expect(await background()).toBe('rgb(251, 246, 238)')
    const theme = path.join(deck, 'maison.css')
    await edit(theme, (text) => text.replace('#fbf6ee', '#ffffff'))
    await waitFor(page, async () => (await background()) === 'rgb(255, 255, 255)')

    const width = (): Promise<number> => page.$eval('section img', (img) => img.naturalWidth).catch(() => 0)
    expect(await width()).toBe(200)
    const image = path.join(deck, 'images', 'carre.svg')
    await edit(image, (text) => text.replace('width="200"', 'width="300"'))
    await waitFor(page, async () => (await width()) === 300)
    expect(await page.evaluate(() => location.hash)).toBe('#/2')

    // Another theme named in the front matter: same HTML, another stylesheet.
    const intro = path.join(deck, '01-intro.md')
    const good = await edit(intro, (text) => text.replace('theme: maison.css', 'theme: contrast'))
    await waitFor(page, async () => (await background()) === 'rgb(0, 0, 0)')
    await writeFile(intro, good)
    await waitFor(page, async () => (await background()) === 'rgb(255, 255, 255)')
    await page.close()
  })

  it('reloads the page when the page template is saved', async () => {
    const page = await openDeck(`${dev.url}#/2`)
    await page.evaluate(() => ((window as unknown as { before: boolean }).before = true))
    // Saved unchanged (diapo's own template): the page must still reload, as for any save.
    const template = path.join(ROOT, 'templates', 'deck.hbs')
    await writeFile(template, await readFile(template, 'utf8'))
    await waitFor(page, () =>
      page.evaluate(
        () =>
          !(window as unknown as { before?: boolean }).before &&
          !!(window as unknown as { diapo?: { isReady(): boolean } }).diapo?.isReady(),
      ),
    )
    expect(await page.evaluate(() => location.hash)).toBe('#/2')
    await page.close()
  })

  it('shows a broken front matter in an overlay with file and line, then recovers when it is fixed', async () => {
    const page = await openDeck(`${dev.url}#/2`)
    const file = path.join(deck, '01-intro.md')
    const good = await edit(file, (text) => text.replace('title: Deck de test du serveur', 'title: [Deck de test du serveur'))
    await waitFor(page, async () => (await overlayText(page)) !== '')
    const overlay = await overlayText(page)
    expect(overlay).toMatch(/01-intro\.md:[23]/)
    expect(overlay).toContain('never closed')
    // Plain words for volunteers: what to do, not Vite's setting in a file they never wrote.
    expect(overlay).toContain('Fix the file and save it')
    expect(overlay).not.toContain('server.hmr.overlay')
    expect(overlay).not.toContain('[plugin:')
    expect(dev.child.exitCode).toBeNull()

    // A page opened while the deck is broken shows the same overlay.
    await page.reload({ waitUntil: 'load' })
    await waitFor(page, async () => (await overlayText(page)).includes('never closed'))

    await writeFile(file, good.replace('Première diapositive.', 'Première diapositive, réparée.'))
    await waitFor(page, async () => (await overlayText(page)) === '' && (await slideText(page)).includes('réparée'))
    expect(await page.evaluate(() => location.hash)).toBe('#/2')
    await page.close()
  })

  it('reloads the page when the profile changes', async () => {
    const page = await openDeck(`${dev.url}#/0`)
    expect(await slideText(page)).toContain('Pour Les Amis du Test.')
    const profile = path.join(deck, 'asso.yml')
    await edit(profile, (text) => text.replace('Les Amis du Test', 'La Chorale du Test'))
    await waitFor(page, async () => (await slideText(page)).includes('Pour La Chorale du Test.'))
    await page.close()
  })

  it('shows an unknown template variable in the overlay with file and line, then recovers', async () => {
    const page = await openDeck(`${dev.url}#/0`)
    const file = path.join(deck, '01-intro.md')
    const good = await edit(file, (text) => text.replace('{{asso.name}}', '{{asso.nmae}}'))
    // One save can rebuild twice (the watcher may see two changes): the overlay is drawn again, so wait for
    // the whole message rather than read it again after its first sight.
    await waitFor(page, async () => {
      const text = await overlayText(page)
      return text.includes('asso.nmae') && text.includes('01-intro.md:11')
    })
    await writeFile(file, good)
    await waitFor(page, async () => (await overlayText(page)) === '' && (await slideText(page)).includes('Pour Les Amis du Test.'))
    await page.close()
  })

  it('shows a missing image in the overlay, and recovers once the image is added', async () => {
    const page = await openDeck(`${dev.url}#/1`)
    const file = path.join(deck, '02-suite.md')
    await edit(file, (text) => text.replace('## La suite\n', '## La suite\n\n![Un plan](images/plan.svg)\n'))
    await waitFor(page, async () => (await overlayText(page)).includes('image not found'))
    expect(await overlayText(page)).toMatch(/02-suite\.md:3/)
    await cp(path.join(deck, 'images', 'carre.svg'), path.join(deck, 'images', 'plan.svg'))
    await waitFor(page, async () => (await overlayText(page)) === '' && (await page.$('img[alt="Un plan"]')) !== null)
    await page.close()
  })

  it('reloads a page that connects after a rebuild was announced, so it never stays on an old build', async () => {
    const file = path.join(deck, '02-suite.md')
    // A page whose live-reload client is held back: its socket is not open yet.
    const page = await browser.newPage()
    await page.setRequestInterception(true)
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/@vite/client') void held.then(() => request.continue())
      else void request.continue()
    })
    const loading = page.goto(`${dev.url}#/1`)
    await waitFor(page, async () => (await slideText(page)).includes('La suite'))
    expect(await slideText(page)).not.toContain('Texte annoncé à personne.')
    // A change is rebuilt and announced while no page listens...
    await edit(file, (text) => text.replace('## La suite\n', '## La suite\n\nTexte annoncé à personne.\n'))
    await waitForCondition(async () => (await (await fetch(dev.url)).text()).includes('annoncé à personne'))
    expect(await slideText(page)).not.toContain('Texte annoncé à personne.')
    // ...then the page's client connects: the page is brought up to date, on the same slide.
    release()
    await loading
    await waitFor(page, async () => (await slideText(page)).includes('Texte annoncé à personne.'))
    expect(await page.evaluate(() => location.hash)).toBe('#/1')
    await page.close()
  })

  it('takes the next free port when the one asked for is in use, and says so', async () => {
    const port = await freePort()
    const blocker = net.createServer().listen(port, '127.0.0.1')
    await new Promise((resolve) => blocker.once('listening', resolve))
    const other = await startDev([deck, '--port', String(port)])
    try {
      expect(other.output()).toContain(`port ${port} is in use`)
      expect(other.url).not.toContain(`:${port}/`)
      const page = await openDeck(other.url)
      expect(await slideText(page)).toContain('Bienvenue')
      await page.close()
    } finally {
      other.child.kill('SIGINT')
      blocker.close()
    }
  })

  it('refuses to start on a deck that does not exist, with exit 1', async () => {
    await expect(startDev([path.join(tmp, 'absent'), '--port', String(await freePort())])).rejects.toThrow(
      /exited \(1\): .*deck not found/s,
    )
  })

  it('stops cleanly on Ctrl-C', async () => {
    const other = await startDev([deck, '--port', String(await freePort())])
    const code = await new Promise<number | string | null>((resolve) => {
      other.child.once('exit', (c, signal) => resolve(c ?? signal))
      other.child.kill('SIGINT')
    })
    expect({ code, output: other.output() }).toMatchObject({ code: 0 })
    expect(other.output()).toContain('dev server stopped')
  })
})

describe('presenting', () => {
  it('opens the speaker view from the dev server: current and next slide, notes, timer, in French', async () => {
    const page = await openDeck(`${dev.url}#/1`)
    await expectSpeakerView(page, 'Notes de la deuxième diapositive')
    await page.close()
  })

  it('opens the speaker view from file://', async () => {
    const out = path.join(tmp, 'built')
    await run(['build', deck, '--out', out])
    const page = await openDeck(`${pathToFileURL(path.join(out, 'index.html')).href}#/1`)
    await expectSpeakerView(page, 'Notes de la deuxième diapositive')
    await page.close()
  })

  it("lists the keys in the deck's language with ?, from the dev server and from file://", async () => {
    const out = path.join(tmp, 'built-help')
    await run(['build', deck, '--out', out])
    for (const url of [dev.url, pathToFileURL(path.join(out, 'index.html')).href]) {
      const page = await openDeck(url)
      await page.keyboard.press('?')
      const help = await page.$eval('.diapo-help', (el) => el.textContent ?? '')
      expect(help).toContain('Raccourcis clavier')
      expect(help).toContain('Vue présentateur')
      await page.close()
    }
  })
})

// --- helpers ---

/** Saves `change(text)` into `file` (put back after the test) and returns the text it had before. */
async function edit(file: string, change: (text: string) => string): Promise<string> {
  const text = await readFile(file, 'utf8')
  if (!edited.has(file)) edited.set(file, text)
  await writeFile(file, change(text))
  return text
}

async function expectSpeakerView(page: Page, notes: string): Promise<void> {
  const popupTarget = browser.waitForTarget((t) => t.opener() === page.target(), { timeout: 15_000 })
  await page.keyboard.press('s')
  const popup = (await (await popupTarget).page())!
  await popup.waitForSelector('#current-slide iframe')
  await popup.waitForSelector('#upcoming-slide iframe')
  await waitFor(popup, () => popup.$eval('.speaker-controls-notes', (el) => el.textContent ?? '').then((t) => t.includes(notes)))
  const clock = await popup.$eval('.speaker-controls-time', (el) => el.textContent ?? '')
  expect(clock).toMatch(/\d{1,2}:\d{2}/)
  expect(await popup.content()).toContain('À suivre')
  // The current-slide frame shows the deck, on the same slide.
  const current = await popup.$eval('#current-slide iframe', (el) => el.src)
  expect(current).toContain(new URL(page.url()).pathname)
  await popup.close()
}

async function openDeck(url: string): Promise<Page> {
  const page = await browser.newPage()
  await page.setViewport({ width: 1280, height: 720 })
  await page.goto(url, { waitUntil: 'load' })
  await page.waitForFunction(() => (window as unknown as { diapo?: { isReady(): boolean } }).diapo?.isReady())
  return page
}

function slideText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('.reveal .slides')?.textContent ?? '').catch(() => '')
}

function overlayText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '').catch(() => '')
}

/** Polls `check` (which may run while the page reloads) until it is true. */
async function waitFor(page: Page, check: () => Promise<boolean>, timeout = 15_000): Promise<void> {
  if (
    !(await waitForCondition(check, timeout).then(
      () => true,
      () => false,
    ))
  )
    throw new Error(`timed out on ${page.url()}`)
}

async function waitForCondition(check: () => Promise<boolean>, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout
  while (Date.now() < end) {
    if (await check().catch(() => false)) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('timed out')
}

function startDev(args: string[]): Promise<Dev> {
  // stdin stays open: Vite stops its server when stdin ends.
  const child = spawn(process.execPath, [CLI, 'dev', ...args], { cwd: tmp, stdio: ['pipe', 'pipe', 'pipe'] })
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
      if (m) resolve({ child, url: m[1]!, output: () => output })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => reject(new Error(`diapo dev exited (${code}): ${output}`)))
  })
}

async function run(args: string[]): Promise<void> {
  const result = await runCli(args, tmp)
  if (result.code !== 0) throw new Error(result.stderr)
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}
