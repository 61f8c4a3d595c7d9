/**
 * HTML element facts both sides need: the pre-parse guard (`guard-inline.ts`)
 * and the tag scanner rules use (`core/html.ts`). Here, in the engine, so the
 * engine imports nothing from core and the list is written once.
 */

/** Elements that never have a close tag. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
])
