// Ctrl-C during `diapo build --pdf`: no Chromium left running, no profile left behind.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { processesMentioning, startCli } from './pdf-tools.js'

let work: string

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'diapo-e2e-sigint-'))
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('diapo build --pdf interrupted', () => {
  it('closes the browser and removes its profile on Ctrl-C', async () => {
    // A private TMPDIR: the browser's profile folder is created in it, and its path is on the
    // command line of every Chromium process of this run.
    const profiles = path.join(work, 'tmp')
    mkdirSync(profiles)
    const child = startCli(['build', 'slides', '--pdf', '--out', path.join(work, 'out')], { TMPDIR: profiles, CI: '1' })
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    // Wait for the browser to be running, by its processes rather than by a pause.
    const deadline = Date.now() + 60_000
    while ((await processesMentioning(profiles)).filter((l) => l.includes('chrom')).length === 0) {
      if (Date.now() > deadline) throw new Error('the browser never started')
      await new Promise((r) => setTimeout(r, 50))
    }
    child.kill('SIGINT')
    expect(await exited).not.toBe(0)
    // The browser's processes go with their process group at once; give the kernel a moment to reap.
    const gone = Date.now() + 10_000
    while ((await processesMentioning(profiles)).length > 0 && Date.now() < gone) await new Promise((r) => setTimeout(r, 100))
    expect(await processesMentioning(profiles)).toEqual([])
    // Chromium's crash handler may hold the folder a moment longer: diapo then removes it right after.
    const removed = Date.now() + 10_000
    while (readdirSync(profiles).length > 0 && Date.now() < removed) await new Promise((r) => setTimeout(r, 100))
    expect(readdirSync(profiles)).toEqual([])
    expect(readdirSync(work).filter((f) => f.startsWith('.diapo-tmp-'))).toEqual([])
  })
})

// SIGKILL, SIGTERM or Ctrl-C at several moments, with each browser of the machine: within a few seconds
// no browser process of diapo's is left (over a pipe it ends with diapo, even killed), no profile and no
// staging folder; SIGTERM and Ctrl-C say so in one line, without a stack or a false "could not start".
describe('diapo build --pdf stopped by a signal', () => {
  // At once (diapo may not even have started: then the system ends it, silently), as soon as the
  // staging folder exists (the first instant of the build, where a .diapo-tmp copy used to be left), and
  // while the PDFs print.
  const moments = [
    ['at once', 0],
    ['early', 0],
    ['during printing', 700],
  ] as const
  const cases = (['SIGKILL', 'SIGTERM', 'SIGINT'] as const).flatMap((signal) => moments.map(([when, ms]) => [signal, when, ms] as const))
  let browsers: string[] = []
  beforeAll(async () => {
    const { findTestBrowsers } = await import('./browsers.js')
    browsers = (await findTestBrowsers()).map((b) => b.executablePath)
  })

  it.each(cases)('%s %s: nothing left running or behind', async (signal, when, ms) => {
    for (const browser of browsers) {
      const base = mkdtempSync(path.join(work, 'sig-'))
      const tmp = path.join(base, 'tmp')
      mkdirSync(tmp)
      const child = startCli(['build', 'slides', '--pdf', '--browser-path', browser, '--out', path.join(base, 'out')], {
        TMPDIR: tmp,
        CI: '1',
      })
      let stderr = ''
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
      if (when === 'early') {
        await waitForEntry(base, '.diapo-tmp-', 'the build never started')
      } else if (when === 'during printing') {
        const deadline = Date.now() + 60_000
        while ((await processesMentioning(tmp)).filter((l) => l.includes('chrom')).length === 0) {
          if (Date.now() > deadline) throw new Error('the browser never started')
          await new Promise((r) => setTimeout(r, 50))
        }
        await new Promise((r) => setTimeout(r, ms))
      }
      child.kill(signal)
      await exited
      const gone = Date.now() + 5_000
      const leftovers = async () => ({
        processes: await processesMentioning(tmp),
        profiles: readdirSync(tmp),
        staging: readdirSync(base).filter((f) => f.startsWith('.diapo-tmp-')),
      })
      while (Object.values(await leftovers()).some((l) => l.length > 0) && Date.now() < gone) await new Promise((r) => setTimeout(r, 100))
      expect(await leftovers(), `${signal} ${when} with ${browser}`).toEqual({ processes: [], profiles: [], staging: [] })
      if (signal !== 'SIGKILL' && when !== 'at once') {
        expect(stderr, browser).toMatch(
          signal === 'SIGINT' ? /interrupted \(Ctrl-C\): diapo stopped/ : /stopped \(SIGTERM\): diapo stopped/,
        )
        expect(stderr).not.toMatch(/could not start|\n\s+at |bug in diapo/)
      }
    }
  })
})

// `diapo check` writes the deck into a temporary folder of its own: killed, it leaves it no more than a build does.
describe('diapo check stopped by SIGKILL', () => {
  it('leaves no temporary folder behind', async () => {
    const tmp = mkdtempSync(path.join(work, 'check-'))
    const child = startCli(['check', 'slides'], { TMPDIR: tmp, CI: '1' })
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
    await waitForEntry(tmp, 'diapo-check-', 'check never made its folder')
    child.kill('SIGKILL')
    await exited
    const gone = Date.now() + 5_000
    while (readdirSync(tmp).length > 0 && Date.now() < gone) await new Promise((r) => setTimeout(r, 100))
    expect(readdirSync(tmp)).toEqual([])
  })
})

// The Ctrl-C line is said by the command, in the language it speaks: the system's, or --lang's.
describe('diapo build interrupted, in French', () => {
  it.each([
    ['with --lang fr on an English system', ['--lang', 'fr'], 'C.UTF-8'],
    ['on a French system', [], 'fr_FR.UTF-8'],
  ])('says so in French %s', async (_, lang, system) => {
    const base = mkdtempSync(path.join(work, 'fr-'))
    const tmp = path.join(base, 'tmp')
    mkdirSync(tmp)
    const child = startCli([...lang, 'build', 'slides', '--pdf', '--out', path.join(base, 'out')], {
      TMPDIR: tmp,
      CI: '1',
      LANG: system,
      LC_ALL: '',
      LC_MESSAGES: '',
    })
    let stderr = ''
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
    // The staging folder exists once the command runs.
    await waitForEntry(base, '.diapo-tmp-', 'the build never started')
    child.kill('SIGINT')
    await exited
    expect(stderr).toContain('erreur interrompu (Ctrl-C) : diapo s’est arrêté ; le dossier de sortie garde')
  })
})

/** Waits, polling every 2 ms (a folder may live a short while), for an entry of `dir` named `prefix…`. */
async function waitForEntry(dir: string, prefix: string, never: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms
  while (readdirSync(dir).every((f) => !f.startsWith(prefix))) {
    if (Date.now() > deadline) throw new Error(never)
    await new Promise((r) => setTimeout(r, 2))
  }
}
