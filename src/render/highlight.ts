import type { Highlighter } from './markdown.js'

/**
 * Loads highlight.js with the languages slides commonly show. Imported lazily: most decks have no code,
 * and the plain build path stays light.
 */
export async function loadHighlighter(): Promise<Highlighter> {
  const [{ default: hljs }, ...languages] = await Promise.all([
    import('highlight.js/lib/core'),
    import('highlight.js/lib/languages/bash'),
    import('highlight.js/lib/languages/css'),
    import('highlight.js/lib/languages/javascript'),
    import('highlight.js/lib/languages/json'),
    import('highlight.js/lib/languages/markdown'),
    import('highlight.js/lib/languages/python'),
    import('highlight.js/lib/languages/sql'),
    import('highlight.js/lib/languages/typescript'),
    import('highlight.js/lib/languages/xml'),
    import('highlight.js/lib/languages/yaml'),
    import('highlight.js/lib/languages/php'),
    import('highlight.js/lib/languages/plaintext'),
  ])
  const names = ['bash', 'css', 'javascript', 'json', 'markdown', 'python', 'sql', 'typescript', 'xml', 'yaml', 'php', 'plaintext']
  names.forEach((name, i) => hljs.registerLanguage(name, languages[i]!.default))
  hljs.registerAliases(['sh', 'shell', 'console'], { languageName: 'bash' })
  hljs.registerAliases(['html', 'svg'], { languageName: 'xml' })
  hljs.registerAliases(['js', 'mjs'], { languageName: 'javascript' })
  hljs.registerAliases(['ts'], { languageName: 'typescript' })
  hljs.registerAliases(['yml'], { languageName: 'yaml' })
  hljs.registerAliases(['text', 'txt'], { languageName: 'plaintext' })
  return (code, lang) => (hljs.getLanguage(lang) ? hljs.highlight(code, { language: lang, ignoreIllegals: true }).value : undefined)
}
