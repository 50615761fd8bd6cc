import { describe, expect, it } from 'vitest'

import type { Audience } from '../../../src/template/apply.js'
import { GENERIC_PROFILE } from '../../../src/config/defaults.js'
import { handoutMessages, loadHandoutTemplate, renderHandout } from '../../../src/export/handout.js'
import { renderHeaderFooter } from '../../../src/export/print-page.js'
import type { RenderedDeck, RenderedSlide } from '../../../src/types.js'

function slide(n: number, extra: Partial<RenderedSlide> = {}): RenderedSlide {
  return {
    loc: { file: 'a.md', line: n },
    section: `s${n}`,
    html: `<h2>Titre ${n}</h2>`,
    notesHtml: `<p>Note secrète ${n}</p>`,
    attributes: {},
    assets: [],
    links: [],
    ...extra,
  }
}

const DECK: RenderedDeck = {
  meta: { lang: 'fr', title: 'Mon atelier', author: 'Camille' },
  stacks: [
    { slides: [slide(1, { attributes: { class: 'title-slide', 'data-background-color': '#123456' } })] },
    {
      slides: [
        slide(2, { handoutHtml: '<p>À retenir : la définition.</p>' }),
        slide(3, { links: [{ href: 'https://framasoft.org/', text: 'Framasoft' }] }),
      ],
    },
    { slides: [slide(4, { html: '<table><tr><td>Excel</td></tr></table>', attributes: { class: 'diagnostic' } })] },
    {
      slides: [
        slide(5, {
          links: [
            { href: 'http://www.framasoft.org', text: 'http://www.framasoft.org' },
            { href: 'mailto:a@b.org', text: 'a@b.org' },
          ],
        }),
      ],
    },
  ],
}

const ASSO: Audience = {
  profile: {
    ...GENERIC_PROFILE,
    generic: false,
    name: 'Les Amis <du> Vélo',
    shortName: 'Amis du Vélo',
    slug: 'amis',
    workshop: { date: '2026-12-03', place: 'Maison des associations', facilitator: 'Camille' },
    contact: { email: 'velo@example.org', website: 'https://velo.example.org/' },
  },
  diagnostic: [
    {
      need: 'Tableur',
      current: 'Excel',
      typed: 'excel',
      source: 'catalogue',
      known: true,
      why: 'Données chez Microsoft.',
      alternatives: [{ name: 'LibreOffice Calc', url: 'https://www.libreoffice.org', kind: 'logiciel' }],
    },
    { need: '—', current: 'Bidule', typed: 'Bidule', source: 'unknown', known: false, why: null, alternatives: [] },
  ],
}

describe('renderHandout', async () => {
  const template = await loadHandoutTemplate()
  const html = await renderHandout(DECK, { template, audience: ASSO })
  const generic = await renderHandout(DECK, { template, audience: { profile: GENERIC_PROFILE, diagnostic: [] } })

  it('opens with a cover: title, association, date in full, place, facilitator, organiser', () => {
    const cover = html.split('class="handout-page handout-cover"')[1]!.split('{{')[0]!.split('<div class="handout-page">')[0]!
    expect(cover).toContain('<h1>Mon atelier</h1>')
    expect(cover).toContain('Les Amis &lt;du&gt; Vélo')
    expect(cover).toContain('<dd>jeudi 3 décembre 2026</dd>')
    expect(cover).toContain('<dd>Maison des associations</dd>')
    expect(cover).toContain('<dd>Camille</dd>')
    expect(cover).toContain('<strong>Libérons nos ordis</strong>')
  })

  it('gives the generic deck a generic cover', () => {
    const cover = generic.split('class="handout-page handout-cover"')[1]!.split('<div class="handout-page">')[0]!
    expect(cover).toContain('Pour les associations qui veulent des outils numériques libres et éthiques')
    expect(cover).not.toContain('<dd>')
  })

  it("puts two slides a page with their attendees' text, never the speaker notes", () => {
    const pages = html.split('<div class="handout-page">').slice(1)
    expect(pages[0]!.match(/class="handout-row"/g)).toHaveLength(2)
    expect(html).toContain('<div class="handout-text" data-slide="2"><p>À retenir : la définition.</p></div>')
    expect(html).not.toContain('Note secrète')
    expect(generic).not.toContain('Note secrète')
    expect(html).toContain('<section class="title-slide"><h2>Titre 1</h2></section>')
    expect(html).toContain('style="background: #123456"')
  })

  it('prints the diagnostic as a table in place of its slides, with links and the why', () => {
    expect(html).not.toContain('<table><tr><td>Excel</td></tr></table>')
    const table = html.split('id="diagnostic"')[1]!.split('</table>')[0]!
    expect(table).toContain('<thead><tr><th scope="col">Besoin</th>')
    expect(table).toContain('<th scope="row">Excel</th>')
    expect(table).toContain(
      '<a href="https://www.libreoffice.org">LibreOffice Calc</a><span class="alt-address">www.libreoffice.org</span>',
    )
    expect(table).toContain('<td>Données chez Microsoft.</td>')
    expect(table).toContain('« à étudier ensemble »')
    // Without tools, the diagnostic's slide is an ordinary slide.
    expect(generic).toContain('<table><tr><td>Excel</td></tr></table>')
    expect(generic).not.toContain('id="diagnostic"')
  })

  it('lists every link once, described, mailto: shown as the address', () => {
    const links = html.split('id="further"')[1]!.split('</ul>')[0]!
    expect(links.match(/<li>/g)).toHaveLength(2)
    expect(links).toContain(
      '<span class="link-text">Framasoft</span> — <a href="https://framasoft.org/">framasoft.org</a> <span class="link-where">(diapositive 3, 5)</span>',
    )
    expect(links).toContain('<span class="link-text">Titre 5</span> — <a href="mailto:a@b.org">a@b.org</a>')
  })

  it('ends with the contacts of Libérons nos ordis and of the association', () => {
    const contacts = html.split('id="contacts"')[1]!
    expect(contacts).toContain('<h3>Libérons nos ordis</h3>')
    expect(contacts).toContain('<h3>Les Amis &lt;du&gt; Vélo</h3>')
    expect(contacts).toContain('<a href="mailto:velo@example.org">velo@example.org</a>')
    expect(contacts).toContain('<a href="https://velo.example.org/">velo.example.org</a>')
    expect(generic.split('id="contacts"')[1]).not.toContain('<h3>votre association</h3>')
  })

  it('speaks the deck language', async () => {
    const en = await renderHandout({ ...DECK, meta: { ...DECK.meta, lang: 'en-GB' } }, { template, audience: ASSO })
    expect(en).toContain('<dd>Thursday, 3 December 2026</dd>')
    expect(en).toContain('Further reading')
    expect(handoutMessages('de').contacts).toBe('Contacts')
  })
})

describe('renderHeaderFooter', () => {
  it('shows the escaped title, the document, "n / total", in the fonts given', () => {
    const { headerTemplate, footerTemplate } = renderHeaderFooter('Outils <libres>', 'Support', {
      css: '@font-face{font-family:X}',
      family: "'X'",
    })
    expect(headerTemplate).toContain('<span>Outils &lt;libres&gt;</span><span>Support</span>')
    expect(headerTemplate).toContain('<style>@font-face{font-family:X}</style>')
    expect(headerTemplate).toContain("font-family: 'X';")
    expect(footerTemplate).toContain('<span class="pageNumber"></span> / <span class="totalPages"></span>')
  })
})
