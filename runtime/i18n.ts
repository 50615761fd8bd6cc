// The deck's own interface text, in the deck's language (French by default): the help overlay (?) and
// the speaker view (S). reveal.js only speaks English, so its texts are replaced here.
import type Reveal from 'reveal.js'

interface Messages {
  helpTitle: string
  key: string
  action: string
  keys: [string, string][]
  close: string
  speaker: Record<string, string>
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
  },
}

/** Messages for a BCP 47 tag: its language, else English. */
export function messagesFor(lang: string): Messages {
  return MESSAGES[lang.toLowerCase().split('-')[0]!] ?? MESSAGES.en!
}

export function localizeDeck(deck: InstanceType<typeof Reveal>, lang: string): void {
  const messages = messagesFor(lang)
  translateSpeakerView(messages.speaker)
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
 * The notes plugin writes its speaker view into a popup with `document.write`; translate its labels
 * there. Nothing else of the plugin changes.
 */
function translateSpeakerView(labels: Record<string, string>): void {
  const entries = Object.entries(labels)
  if (entries.length === 0) return
  const open = window.open.bind(window)
  window.open = (...args: Parameters<typeof window.open>) => {
    const popup = open(...args)
    if (popup && args[1] === 'reveal.js - Notes') {
      const write = popup.document.write.bind(popup.document)
      popup.document.write = (...html: string[]) => {
        write(
          ...html.map((h) =>
            entries.reduce((out, [en, local]) => out.split(`>${en}<`).join(`>${local}<`).split(`"${en}"`).join(`"${local}"`), h).replace('<html lang="en">', `<html lang="${document.documentElement.lang}">`),
          ),
        )
      }
    }
    return popup
  }
}
