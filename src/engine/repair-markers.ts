/**
 * What a line's start means to CommonMark, for the repair around removals
 * (src/engine/repair.ts): which text opens a block, which interrupts a
 * paragraph, which is a marker only once white space follows it.
 */

/** An HTML block start of kinds 1–6: these interrupt a paragraph (CommonMark 4.6). */
const HTML_INTERRUPT =
  /^<(?:(?:script|pre|style|textarea)(?:[\s>]|$)|!--|\?|![A-Za-z]|!\[CDATA\[|\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\s/>]|$))/i

/** A setext heading underline: a paragraph line above it becomes a heading. */
export const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/

/** A thematic break (`***`, `- - -`). */
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/

/**
 * Whether a line (its indentation already stripped) starts a block that can
 * interrupt a paragraph: an ATX heading, a fence, a quote, a thematic break,
 * a non-empty bullet item or item `1.`, an HTML block of kinds 1–6.
 */
export function interruptsParagraph(line: string): boolean {
  return (
    /^#{1,6}(?:[ \t]|$)/.test(line) ||
    /^(?:`{3,}|~{3,})/.test(line) ||
    line.startsWith('>') ||
    THEMATIC_BREAK.test(line) ||
    /^(?:[-+*]|0*1[.)])[ \t]+\S/.test(line) ||
    HTML_INTERRUPT.test(line)
  )
}

/** A list item marker, empty or not. */
export const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/

/**
 * What would open another block at a block's start and is only punctuation,
 * so the removal can take it: a bullet, `#`s, `>`, a fence's run, a
 * thematic break.
 */
export const PUNCTUATION_MARKER =
  /^(?:(?:[-+*]|#{1,6})(?:[ \t]+|$)|>[ \t]*|`{3,}|~{3,}|(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$)/

/** What a punctuation marker would have made, for a note. */
export function blockMadeBy(marker: string): string {
  const first = marker.charAt(0)
  if (THEMATIC_BREAK.test(marker)) return 'a thematic break'
  if (first === '>') return 'a quote'
  if (first === '#') return 'a heading'
  if (first === '`' || first === '~') return 'a code block'
  return 'a list item'
}

/** Text that would be a block marker with white space after it: a bullet, `#`s, an ordered number. */
export const MARKER_WITHOUT_SPACE = /^(?:[-+*]|#{1,6}|\d{1,9}[.)])$/

/** Only a quote's `>`, indentation and a list marker. */
export const MARKERS_ONLY = /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?$/

/** Whether `code` can stand in what {@link MARKER_WITHOUT_SPACE} or {@link MARKERS_ONLY} match: a character of a block marker (`-`, `+`, `*`, `#`, digits, `.`, `)`), quote prefix or white space. */
export function isMarkerCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    code === 45 ||
    code === 43 ||
    code === 42 ||
    code === 35 ||
    code === 46 ||
    code === 41 ||
    code === 62 ||
    code === 32 ||
    code === 9
  )
}
