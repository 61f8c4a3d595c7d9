/**
 * Reading the project's Markdown documents in tests: a document's text, one
 * section of it, its prose without code (where link examples are not links),
 * its headings' anchors as GitHub makes them, and its relative links.
 */
import {readFileSync} from 'node:fs'

/** The project folder, ending with a slash. */
export const root = new URL('../../', import.meta.url).pathname

/** The text of a file of the project, by its path from the project folder. */
export function readDoc(path: string): string {
  return readFileSync(root + path, 'utf8')
}

/**
 * The lines of `text` in the section that starts with the heading line `heading` (as written, `## Exit codes`), up
 * to the next heading of the same or a higher level; undefined when there is no such heading.
 */
export function sectionOf(text: string, heading: string): string | undefined {
  let start = 0
  if (!text.startsWith(`${heading}\n`)) {
    const at = text.indexOf(`\n${heading}\n`)
    if (at === -1) return undefined
    start = at + 1
  }
  const level = /^#+/.exec(heading)![0].length
  const rest = text.slice(start + heading.length + 1)
  const next = proseLines(rest).findIndex((line) => new RegExp(`^#{1,${level}} `).test(line))
  return next === -1 ? rest : rest.split('\n').slice(0, next).join('\n')
}

/** The lines of `text` with the lines of fenced code blocks blanked (kept as empty lines, so indexes stay). */
export function proseLines(text: string): string[] {
  let fence: {char: string; length: number} | undefined
  return text.split('\n').map((line) => {
    const marker = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line)
    if (fence === undefined) {
      if (marker !== null && !(marker[1]![0] === '`' && marker[2]!.includes('`'))) {
        fence = {char: marker[1]![0]!, length: marker[1]!.length}
        return ''
      }
      return line
    }
    if (marker !== null && marker[1]![0] === fence.char && marker[1]!.length >= fence.length && marker[2]!.trim() === '') fence = undefined
    return ''
  })
}

/** The anchors GitHub gives the headings of a document (lower case, punctuation dropped, spaces as `-`, repeats numbered). */
export function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  for (const line of proseLines(text)) {
    const heading = /^#{1,6} +(.*?) *#*$/.exec(line)
    if (heading === null) continue
    const base = heading[1]!
      .toLowerCase()
      .replace(/<[^>]*>/g, '')
      .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
      .replace(/ /g, '-')
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    anchors.add(count === 0 ? base : `${base}-${count}`)
  }
  return anchors
}

/** The targets of the relative links of a document's prose (not in code, not `(…)`), with the line each is on. */
export function relativeLinksOf(text: string): {target: string; line: number}[] {
  const links: {target: string; line: number}[] = []
  for (const [index, line] of proseLines(text).entries()) {
    const prose = line.replace(/(`+)[^`]*?\1/g, '')
    for (const match of prose.matchAll(/\]\(([^)\s]+)(?: "[^"]*")?\)/g)) {
      const target = match[1]!
      // An absolute URL is not checked; `(…)` is the docs' way of writing "some URL" in an example.
      if (!/^[a-z][a-z+.-]*:/i.test(target) && target !== '…') links.push({target, line: index + 1})
    }
  }
  return links
}
