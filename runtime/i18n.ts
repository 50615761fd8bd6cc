// The deck's own interface text, in the deck's language (French by default): the help overlay (?) and
// the speaker view (S). reveal.js only speaks English, so its texts are replaced here.
import type Reveal from 'reveal.js'

interface Messages {
  helpTitle: string
  key: string
  action: string
  keys: [string, string][]
  close: string
  /** The notes plugin's English labels, and their translation. */
  speaker: Record<string, string>
  /** The speaker view's planned time against the time spent (see `showPlan`). */
  plan: PlanMessages
}

interface PlanMessages {
  title: string
  part: (n: number, total: number, title: string) => string
  thisPart: string
  sinceStart: string
  planned: (minutes: number) => string
  plannedUntil: (minutes: number) => string
  ahead: (minutes: number) => string
  behind: (minutes: number) => string
  onTime: string
  noPlan: string
}

/** The planned time of each part of the talk, from its notes ("~6 min"), as the build found it. */
export interface Timing {
  total: number
  /** `first`, `last`: slide numbers, counted from 1 over every slide, vertical ones included. */
  parts: { title: string; first: number; last: number; minutes?: number }[]
}

const MESSAGES: Record<string, Messages> = {
  fr: {
    helpTitle: 'Raccourcis clavier',
    key: 'Touche',
    action: 'Action',
    keys: [
      ['→  Espace  N', 'Diapositive suivante'],
      ['←  P', 'Diapositive précédente'],
      ['↑  ↓', 'Diapositive au-dessus, en dessous'],
      ['Début  Fin', 'Première, dernière diapositive'],
      ['Échap  O', 'Vue d’ensemble'],
      ['S', 'Vue présentateur : notes, diapositive suivante, chronomètre'],
      ['F', 'Plein écran'],
      ['B  .', 'Écran noir (pause)'],
      ['?', 'Afficher ou cacher cette aide'],
    ],
    close: 'Fermer',
    speaker: {
      Upcoming: 'À suivre',
      'Time ': 'Temps ',
      'Click to Reset': 'Cliquer pour remettre à zéro',
      'Pacing – Time to finish current slide': 'Rythme : temps restant pour cette diapositive',
      Notes: 'Notes',
      'Speaker notes view': 'Vue présentateur',
      'Notes only': 'Notes seules',
      Layout: 'Disposition',
      Default: 'Standard',
      Wide: 'Large',
      Tall: 'En hauteur',
      'reveal.js - Speaker View': 'Vue présentateur',
      'Loading speaker view...': 'Ouverture de la vue présentateur…',
      'Cross origin error.<br>The speaker window can only be opened from the same origin.':
        'La vue présentateur ne peut s’ouvrir que depuis le diaporama lui-même.',
      'Error connecting to main window.<br>Please try closing and reopening the speaker view.':
        'Le diaporama ne répond pas.<br>Fermez la vue présentateur et rouvrez-la (touche S).',
      '0:00 AM': '--:--',
      // "Layout: Default" → « Disposition : Standard »
      ': ': '\u00a0: ',
    },
    plan: {
      title: 'Minutage prévu',
      part: (n, total, title) => `Partie ${n} sur ${total}\u00a0: ${title}`,
      thisPart: 'Cette partie',
      sinceStart: 'Depuis le début',
      planned: (minutes) => `sur ~${minutes}\u00a0min`,
      plannedUntil: (minutes) => `sur ~${minutes}\u00a0min d’ici la fin de la partie`,
      ahead: (minutes) => `en avance de ${minutes}\u00a0min`,
      behind: (minutes) => `en retard de ${minutes}\u00a0min`,
      onTime: 'dans les temps',
      noPlan: 'pas de durée prévue',
    },
  },
  en: {
    helpTitle: 'Keyboard shortcuts',
    key: 'Key',
    action: 'Action',
    keys: [
      ['→  Space  N', 'Next slide'],
      ['←  P', 'Previous slide'],
      ['↑  ↓', 'Slide above, below'],
      ['Home  End', 'First, last slide'],
      ['Esc  O', 'Overview'],
      ['S', 'Speaker view: notes, next slide, timer'],
      ['F', 'Full screen'],
      ['B  .', 'Black screen (pause)'],
      ['?', 'Show or hide this help'],
    ],
    close: 'Close',
    speaker: {},
    plan: {
      title: 'Planned timing',
      part: (n, total, title) => `Part ${n} of ${total}: ${title}`,
      thisPart: 'This part',
      sinceStart: 'Since the start',
      planned: (minutes) => `of ~${minutes} min`,
      plannedUntil: (minutes) => `of ~${minutes} min to the end of this part`,
      ahead: (minutes) => `${minutes} min ahead`,
      behind: (minutes) => `${minutes} min behind`,
      onTime: 'on time',
      noPlan: 'no planned time',
    },
  },
}

/** Messages for a BCP 47 tag: its language, else English. */
export function messagesFor(lang: string): Messages {
  return MESSAGES[lang.toLowerCase().split('-')[0]!] ?? MESSAGES.en!
}

export function localizeDeck(deck: InstanceType<typeof Reveal>, lang: string, timing?: Timing): void {
  const messages = messagesFor(lang)
  adaptSpeakerView(deck, messages, lang, timing)
  // Our help overlay replaces reveal.js's English one: listen before reveal.js does.
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== '?' || isTyping(event)) return
      event.preventDefault()
      event.stopImmediatePropagation()
      toggleHelp(messages)
    },
    true,
  )
  deck.on('ready', () => {
    document.querySelectorAll<HTMLElement>('.reveal .controls button').forEach((button) => {
      const label = CONTROL_LABELS[lang.split('-')[0]!]?.[button.className.split(' ').find((c) => c.startsWith('navigate-')) ?? '']
      if (label) button.setAttribute('aria-label', label)
    })
  })
}

/** Shows or hides the help overlay; extra content (e.g. the handout link) comes from `#diapo-help-extra`. */
export function toggleHelp(messages: Messages): void {
  const existing = document.querySelector('.diapo-help')
  if (existing) {
    existing.remove()
    return
  }
  const overlay = document.createElement('div')
  overlay.className = 'diapo-help'
  overlay.setAttribute('role', 'dialog')
  overlay.setAttribute('aria-label', messages.helpTitle)
  const rows = messages.keys.map(([k, a]) => `<tr><td><kbd>${k}</kbd></td><td>${a}</td></tr>`).join('')
  const extra = document.getElementById('diapo-help-extra')?.innerHTML ?? ''
  overlay.innerHTML = `<div class="diapo-help-box"><h2>${messages.helpTitle}</h2>
    <table><thead><tr><th>${messages.key}</th><th>${messages.action}</th></tr></thead><tbody>${rows}</tbody></table>
    ${extra}<button type="button" class="diapo-help-close">${messages.close}</button></div>`
  overlay.addEventListener('click', (event) => {
    if (event.target === overlay || (event.target as HTMLElement).classList.contains('diapo-help-close')) overlay.remove()
  })
  document.body.appendChild(overlay)
  overlay.querySelector<HTMLButtonElement>('.diapo-help-close')?.focus()
}

// --- internal ---

const CONTROL_LABELS: Record<string, Record<string, string>> = {
  fr: {
    'navigate-left': 'diapositive précédente',
    'navigate-right': 'diapositive suivante',
    'navigate-up': 'diapositive au-dessus',
    'navigate-down': 'diapositive en dessous',
  },
}

function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null
  return !!target && (target.isContentEditable || /^(?:INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
}

/**
 * The notes plugin writes its speaker view into a popup with `document.write`: translate its labels
 * there, show its clock as the language does (24 hours in French), and add the planned time of the
 * talk's parts against the time spent. The rest of the plugin is unchanged.
 */
function adaptSpeakerView(deck: InstanceType<typeof Reveal>, messages: Messages, lang: string, timing?: Timing): void {
  const entries = Object.entries(messages.speaker)
  const open = window.open.bind(window)
  window.open = (...args: Parameters<typeof window.open>) => {
    const popup = open(...args)
    if (popup && args[1] === 'reveal.js - Notes') {
      const write = popup.document.write.bind(popup.document)
      popup.document.write = (...html: string[]) => {
        write(...html.map((h) => localizeSpeakerHtml(h, entries, lang)))
        showPlan(popup, deck, messages.plan, timing)
      }
    }
    return popup
  }
}

/** The speaker view's HTML with its labels in the deck's language and its clock in the language's format. */
function localizeSpeakerHtml(html: string, entries: [string, string][], lang: string): string {
  const translated = entries.reduce(
    (out, [en, local]) =>
      [
        ['>', '<'],
        ['"', '"'],
        ["'", "'"],
      ].reduce((o, [a, b]) => o.split(`${a}${en}${b}`).join(`${a}${local}${b}`), out),
    html,
  )
  return translated
    .replace('<html lang="en">', `<html lang="${document.documentElement.lang}">`)
    .replace(/toLocaleTimeString\(\s*'en-US',\s*\{\s*hour12:\s*true,/, `toLocaleTimeString( ${JSON.stringify(lang)}, {`)
}

/**
 * Below the plugin's timer: the current part of the talk, the time spent in it against its planned
 * minutes, and the time since the start against the minutes planned up to the end of this part
 * (ahead, on time, behind). The timer restarts with the plugin's (a click on it).
 */
function showPlan(popup: Window, deck: InstanceType<typeof Reveal>, m: PlanMessages, timing?: Timing): void {
  const doc = popup.document
  const anchor = doc.querySelector('.speaker-controls-time')
  if (!timing || timing.parts.length === 0 || !anchor) return
  const style = doc.createElement('style')
  style.textContent = `.diapo-plan { border-bottom: 1px solid rgba(200,200,200,.5); margin-bottom: 10px; padding: 10px 16px 14px; }
    .diapo-plan .label { text-transform: uppercase; font-size: .66em; color: #666; margin: 0 0 4px; font-weight: normal; }
    .diapo-plan .part { font-weight: bold; margin: 0 0 6px; }
    .diapo-plan dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; margin: 0; }
    .diapo-plan dt { color: #666; } .diapo-plan dd { margin: 0; font-variant-numeric: tabular-nums; }
    .diapo-plan .ahead { color: #0b5394; } .diapo-plan .on-time { color: #1e6b2a; } .diapo-plan .behind { color: #a61c00; font-weight: bold; }`
  doc.head.appendChild(style)
  const panel = doc.createElement('div')
  panel.className = 'diapo-plan'
  panel.innerHTML = `<h4 class="label">${m.title}</h4><p class="part"></p><dl><dt>${m.thisPart}</dt><dd class="in-part"></dd><dt>${m.sinceStart}</dt><dd class="since-start"></dd></dl><p class="pace"></p>`
  anchor.after(panel)
  const find = (selector: string): HTMLElement => panel.querySelector<HTMLElement>(selector)!
  const [partEl, inPartEl, sinceEl, paceEl] = [find('.part'), find('.in-part'), find('.since-start'), find('.pace')]
  const spent = timing.parts.map(() => 0)
  let start = Date.now()
  let last = start
  anchor.addEventListener('click', () => {
    start = last = Date.now()
    spent.fill(0)
  })
  const update = (): void => {
    if (popup.closed) return window.clearInterval(timer)
    const now = Date.now()
    const number = deck.getSlides().indexOf(deck.getCurrentSlide()) + 1
    const index = timing.parts.findIndex((p) => number >= p.first && number <= p.last)
    if (index < 0) return
    spent[index]! += now - last
    last = now
    const part = timing.parts[index]!
    partEl.textContent = m.part(index + 1, timing.parts.length, part.title)
    inPartEl.textContent = `${clock(spent[index]!)} ${part.minutes ? m.planned(part.minutes) : `(${m.noPlan})`}`
    // The plugin's timer, as it shows it: both clocks of the view always agree.
    const elapsed = readTimer(anchor) ?? now - start
    const { until, pace, minutes } = paceOf(elapsed, index, timing)
    sinceEl.textContent = `${clock(elapsed)} ${m.plannedUntil(until)}`
    paceEl.className = `pace ${pace}`
    paceEl.textContent = pace === 'ahead' ? m.ahead(minutes) : pace === 'behind' ? m.behind(minutes) : m.onTime
  }
  const timer = window.setInterval(update, 1000)
  update()
}

/**
 * Where the talk stands after `elapsed` ms in part `index`: the minutes planned up to the end of this
 * part, and ahead (a full minute or more before this part's planned start), behind (past its planned
 * end) or on time, by how many whole minutes. Pure.
 */
export function paceOf(
  elapsed: number,
  index: number,
  timing: Timing,
): { until: number; pace: 'ahead' | 'on-time' | 'behind'; minutes: number } {
  const until = timing.parts.slice(0, index + 1).reduce((n, p) => n + (p.minutes ?? 0), 0)
  const before = until - (timing.parts[index]?.minutes ?? 0)
  const spent = elapsed / 60_000
  if (spent > until) return { until, pace: 'behind', minutes: Math.ceil(spent - until) }
  if (before - spent >= 1) return { until, pace: 'ahead', minutes: Math.floor(before - spent) }
  return { until, pace: 'on-time', minutes: 0 }
}

/** The notes plugin's timer ("00:12:34" in three spans), in ms; `undefined` if it cannot be read. */
function readTimer(anchor: Element): number | undefined {
  const parts = ['.hours-value', '.minutes-value', '.seconds-value'].map((s) =>
    Number.parseInt((anchor.querySelector(`.timer ${s}`)?.textContent ?? '').replace(/[^\d]/g, ''), 10),
  )
  if (parts.some((n) => !Number.isFinite(n))) return undefined
  const [h, m, s] = parts as [number, number, number]
  return ((h * 60 + m) * 60 + s) * 1000
}

/** 754 000 ms → "12:34"; an hour and more → "1:02:34". */
function clock(ms: number): string {
  const s = Math.floor(ms / 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return s >= 3600 ? `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}` : `${Math.floor(s / 60)}:${pad(s % 60)}`
}
