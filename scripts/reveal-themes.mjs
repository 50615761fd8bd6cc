// Builds diapo's versions of reveal.js's themes (black, white, league...) into assets/themes/, from
// reveal.js's own theme files (node_modules/reveal.js/dist/theme). Those load their fonts from Google
// Fonts with `@import`: a deck must make no request outside its folder, so each import is replaced by
// the same font from npm (@fontsource, SIL OFL), inlined as woff2 (Latin and Latin Extended subsets),
// like diapo's own fonts. Run by `npm run compile`.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const require = createRequire(path.join(root, 'package.json'))
const themeDir = path.join(path.dirname(require.resolve('reveal.js')), 'theme')
const outDir = path.join(root, 'assets', 'themes')

/** Google Fonts family → its @fontsource package. */
const FONTSOURCE = {
  Lato: 'lato',
  Ubuntu: 'ubuntu',
  Montserrat: 'montserrat',
  'Open Sans': 'open-sans',
  'News Cycle': 'news-cycle',
  Quicksand: 'quicksand',
}
const SUBSETS = ['latin', 'latin-ext']
const RE_IMPORT = /@import\s*(?:url\()?["']?(https?:\/\/fonts\.googleapis\.com\/css\?family=[^"')]+)["']?\)?\s*;?/g

/**
 * diapo's base rules (runtime/base.css) read --diapo-* properties: here they take the reveal.js theme's
 * values, and the decorations that are diapo's own (a rule under h2, coloured list markers) are left out,
 * so a deck looks as it does with reveal.js. Slides are centred, as reveal.js centres them.
 */
const BRIDGE = `
/* diapo: its base rules take this theme's values */
:root {
  --diapo-bg: BACKGROUND;
  --diapo-fg: var(--r-main-color);
  --diapo-heading: var(--r-heading-color);
  --diapo-primary: var(--r-link-color);
  --diapo-link: var(--r-link-color);
  --diapo-accent: var(--r-selection-background-color);
  --diapo-font: var(--r-main-font);
  --diapo-heading-font: var(--r-heading-font);
  --diapo-mono: var(--r-code-font);
  --diapo-size: var(--r-main-font-size);
  --diapo-h1: var(--r-heading1-size);
  --diapo-h2: var(--r-heading2-size);
  --diapo-h3: var(--r-heading3-size);
  /* code as reveal-md shows it by default (highlight.js's zenburn); front matter highlightTheme changes it */
  --diapo-code-bg: #3f3f3f;
  --diapo-code-fg: #dcdcdc;
  --diapo-code-keyword: #e3ceab;
  --diapo-code-string: #cc9393;
  --diapo-code-comment: #7f9f7f;
  --diapo-code-number: #8cd0d3;
  --diapo-code-title: #efef8f;
}
.reveal .slides { text-align: center; }
.reveal .slides section { justify-content: center; align-items: stretch; }
.reveal .slides section.stack { justify-content: flex-start; }
.reveal h2::after { content: none; }
.reveal li::marker { color: inherit; }
.reveal ul, .reveal ol { display: inline-block; text-align: left; margin: 0 0 0 1em; }
.reveal .slides section > ul, .reveal .slides section > ol { align-self: center; }
.reveal blockquote { border-left: 0; }
`

async function fontFaces(url) {
  const query = new URL(url).searchParams.get('family') ?? ''
  const [family, variants = '400'] = query.split(':')
  const name = family.replace(/\+/g, ' ')
  const pkg = FONTSOURCE[name]
  if (!pkg) throw new Error(`no @fontsource package known for the font "${name}" (${url})`)
  const dir = path.dirname(require.resolve(`@fontsource/${pkg}/package.json`))
  const faces = []
  for (const variant of variants.split(',')) {
    const weight = variant.replace('italic', '') || '400'
    const style = variant.includes('italic') ? 'italic' : 'normal'
    for (const subset of SUBSETS) {
      const css = await readFile(path.join(dir, `${subset}-${weight}${style === 'italic' ? '-italic' : ''}.css`), 'utf8').catch(
        () => undefined,
      )
      if (!css) continue // a weight or style the family does not have: the browser synthesises it, as with Google Fonts
      const range = /unicode-range:\s*([^;]+);/.exec(css)?.[1]
      const file = path.join(dir, 'files', `${pkg}-${subset}-${weight}-${style}.woff2`)
      const data = (await readFile(file)).toString('base64')
      faces.push(
        `@font-face { font-family: '${name}'; font-style: ${style}; font-weight: ${weight}; font-display: block; ` +
          `src: url(data:font/woff2;base64,${data}) format('woff2');${range ? ` unicode-range: ${range};` : ''} }`,
      )
    }
  }
  return faces.join('\n')
}

await mkdir(outDir, { recursive: true })
const { version } = JSON.parse(await readFile(path.join(path.dirname(themeDir), '..', 'package.json'), 'utf8'))
for (const file of (await readdir(themeDir)).filter((f) => f.endsWith('.css'))) {
  const css = await readFile(path.join(themeDir, file), 'utf8')
  const imports = [...css.matchAll(RE_IMPORT)].map((m) => m[1])
  const faces = await Promise.all(imports.map(fontFaces))
  const body = css.replace(RE_IMPORT, '')
  if (/https?:\/\//.test(body.replace(/url\(data:[^)]*\)/g, ''))) throw new Error(`${file} still loads something from the web`)
  const header = `/* reveal.js ${version} theme "${file.slice(0, -4)}" (MIT), its web fonts bundled from @fontsource (SIL OFL). Built by scripts/reveal-themes.mjs. */\n`
  // The background written out, so that a profile's colours can be checked against it (src/config/contrast.ts).
  const background = /--r-background-color:\s*([^;}]+)/.exec(css)?.[1]?.trim() ?? 'var(--r-background-color)'
  await writeFile(path.join(outDir, file), header + faces.join('\n') + '\n' + body + BRIDGE.replace('BACKGROUND', background))
}
