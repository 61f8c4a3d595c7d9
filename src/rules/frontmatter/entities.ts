/**
 * HTML character references in frontmatter text: scrapers copy titles and
 * descriptions out of HTML without decoding them (`Exfiltrate&#x21;`,
 * `Tips &amp; Tricks`). A frontmatter value is plain text, so a generator
 * that escapes it (Hugo) shows `&amp;` to the reader.
 *
 * Decodes `&name;` (HTML's named references), `&#123;` and `&#x7B;`, each
 * only with its closing `;`, and again until nothing is left (`&amp;amp;`,
 * escaped twice, is one `&`), so that decoding twice equals decoding once.
 * Keeps: a bare `&` (`AT&T`), a name HTML does not know (`&nope;`), a
 * numeric reference to nothing a text can hold (NUL, a surrogate, a control
 * character other than tab and line breaks, beyond U+10FFFF).
 *
 * @example
 *   decodeCharacterReferences('23:59, Time to Exfiltrate&#x21;') → '23:59, Time to Exfiltrate!'
 */
import {decodeNamedCharacterReference} from 'decode-named-character-reference'

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g

function fromCodePoint(code: number): string | undefined {
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined
  if (code < 0x20 && code !== 9 && code !== 10 && code !== 13) return undefined
  if (code >= 0x7f && code <= 0x9f) return undefined
  return String.fromCodePoint(code)
}

function decodeOnce(text: string): string {
  return text.replace(REFERENCE, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10)) ?? whole
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16)) ?? whole
    const decoded = decodeNamedCharacterReference(name!)
    return decoded === false ? whole : decoded
  })
}

/** `text` with its HTML character references decoded (repeatedly: `&amp;amp;` → `&`). */
export function decodeCharacterReferences(text: string): string {
  if (!text.includes('&')) return text
  // Each round that changes something shortens the text, so this ends.
  for (let current = text; ; ) {
    const next = decodeOnce(current)
    if (next === current) return current
    current = next
  }
}
