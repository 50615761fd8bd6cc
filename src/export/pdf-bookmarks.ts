import type { OutlineEntry } from './outline.js'
import { parseDictEntries, pdfString, xrefOffsets } from './pdf-syntax.js'

/**
 * The objects of a PDF outline (bookmarks) for `entries`, numbered from `first`, and its root's number.
 * A bookmark leads to a page (its index) or to a named destination of the catalog's /Dests (Chromium
 * writes one for each element an internal link points to); one leading nowhere is left out.
 */
export function renderOutline(
  pdf: string,
  catalog: string,
  pagesRoot: string,
  entries: OutlineEntry[],
  first: number,
): { root: number; objects: [number, string][] } {
  const offsets = xrefOffsets(pdf)
  const body = (num: string): string => {
    const at = offsets.get(Number(num))
    if (at === undefined) return ''
    const m = /^\s*\d+ 0 obj\s*<<([\s\S]*)>>\s*$/.exec(pdf.slice(at, pdf.indexOf('endobj', at)))
    return m?.[1] ?? ''
  }
  const pageRefs: string[] = []
  const walk = (num: string): void => {
    const node = body(num)
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1]
    if (!kids) return void pageRefs.push(`${num} 0 R`)
    for (const kid of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(kid[1]!)
  }
  walk(pagesRoot)
  const destsValue = parseDictEntries(catalog).find(([key]) => key === 'Dests')?.[1] ?? ''
  const destsRef = /^(\d+)\s+0\s+R$/.exec(destsValue.trim())?.[1]
  const destsBody = destsRef ? body(destsRef) : (/^<<([\s\S]*)>>$/.exec(destsValue.trim())?.[1] ?? '')
  const dests = new Map(destsBody ? parseDictEntries(destsBody) : [])
  const destOf = (entry: OutlineEntry): string | undefined => {
    if (entry.dest !== undefined) return dests.get(entry.dest)
    const ref = entry.page === undefined ? undefined : pageRefs[entry.page]
    return ref ? `[${ref} /Fit]` : undefined
  }
  let next = first + 1
  const objects: [number, string][] = []
  // Returns the numbers of the items written for `list` under `parent`, and how many items they hold in all.
  const write = (list: OutlineEntry[], parent: number): { nums: number[]; count: number } => {
    const kept = list
      .map((entry) => ({ entry, dest: destOf(entry) ?? (entry.children?.[0] && destOf(entry.children[0])) }))
      .filter((e) => e.dest)
    const nums = kept.map(() => next++)
    let count = 0
    kept.forEach(({ entry, dest }, i) => {
      const children = write(entry.children ?? [], nums[i]!)
      count += 1 + children.count
      const links = [
        `/Title ${pdfString(entry.title)}`,
        `/Parent ${parent} 0 R`,
        i > 0 ? `/Prev ${nums[i - 1]} 0 R` : '',
        i < nums.length - 1 ? `/Next ${nums[i + 1]} 0 R` : '',
        children.nums.length > 0 ? `/First ${children.nums[0]} 0 R /Last ${children.nums.at(-1)} 0 R /Count ${children.count}` : '',
        `/Dest ${dest}`,
      ]
      objects.push([nums[i]!, links.filter(Boolean).join('\n')])
    })
    return { nums, count }
  }
  const top = write(entries, first)
  if (top.nums.length === 0) return { root: first, objects: [] }
  objects.unshift([first, `/Type /Outlines\n/First ${top.nums[0]} 0 R\n/Last ${top.nums.at(-1)} 0 R\n/Count ${top.count}`])
  return { root: first, objects }
}
