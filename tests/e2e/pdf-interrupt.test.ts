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
