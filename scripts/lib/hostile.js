/**
 * The hostile input shapes of issue 12, generated at a chosen size, for the
 * hostile-input benchmark (scripts/bench-hostile.js) and the guard tests.
 *
 * Each shape is a function `size → text` where `size` is the shape's natural
 * unit (nesting depth, item count or characters, as `unit` says); `sizes`
 * are the two sizes the benchmark runs (the second is the red team's).
 * Deterministic: the same text every run.
 */
import {buildArticle, generateSpec} from './generate.js'
import {createRandom} from './random.js'

/**
 * A hostile input shape.
 *
 * @typedef {object} HostileShape
 * @property {string} name
 * @property {string} unit What `size` counts: `depth`, `items` or `characters`.
 * @property {readonly [number, number]} sizes The two sizes the benchmark runs (the second is the red team's).
 * @property {(size: number) => string} make
 */

/**
 * An ordinary article of about `characters` characters: one frontmatter, then the blocks of many generated articles.
 *
 * @param {number} characters
 * @param {number} [seed]
 * @returns {string}
 */
export function ordinaryArticle(characters, seed = 20240601) {
  const r = createRandom(seed)
  const first = generateSpec(r).spec
  const blocks = [...first.blocks]
  let estimate = buildArticle(first).length
  while (estimate < characters) {
    const {spec} = generateSpec(r)
    blocks.push(...spec.blocks)
    estimate += buildArticle({...spec, frontmatter: null}).length
  }
  const text = buildArticle({frontmatter: first.frontmatter, frontmatterSeed: first.frontmatterSeed, blocks})
  return text.length > characters ? text.slice(0, text.lastIndexOf('\n\n', characters) + 1) : text
}

/**
 * Every shape: name, what `size` counts, the two benchmark sizes, the generator.
 *
 * @type {readonly HostileShape[]}
 */
export const HOSTILE_SHAPES = [
  {name: 'nested-list', unit: 'depth', sizes: [1_000, 10_000], make: (depth) => `${'- '.repeat(depth)}x\n`},
  {name: 'nested-ordered-list', unit: 'depth', sizes: [1_000, 10_000], make: (depth) => `${'1. '.repeat(depth)}x\n`},
  {name: 'nested-blockquote', unit: 'depth', sizes: [10_000, 100_000], make: (depth) => `${'> '.repeat(depth)}x\n`},
  {
    name: 'nested-emphasis',
    unit: 'depth',
    sizes: [5_000, 50_000],
    make: (depth) => `${'*_'.repeat(depth / 2)}x${'_*'.repeat(depth / 2)}\n`,
  },
  {name: 'open-emphasis', unit: 'characters', sizes: [10_000, 100_000], make: (size) => `${'*a '.repeat(size / 3)}\n`},
  {
    name: 'nested-links',
    unit: 'depth',
    sizes: [1_000, 10_000],
    make: (depth) => `${'['.repeat(depth)}x${'](https://example.com/p)'.repeat(depth)}\n`,
  },
  {name: 'open-brackets', unit: 'characters', sizes: [25_000, 250_000], make: (size) => `${'[a'.repeat(size / 2)}\n`},
  {
    name: 'nested-html',
    unit: 'depth',
    sizes: [10_000, 100_000],
    make: (depth) => `<div>\n${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}\n</div>\n`,
  },
  {name: 'ordinary-article', unit: 'characters', sizes: [1_000_000, 4_900_000], make: (size) => ordinaryArticle(size)},
  {
    name: 'long-list',
    unit: 'items',
    sizes: [21_000, 210_000],
    make: (items) => Array.from({length: items}, (_, index) => `- list item no. ${index}\n`).join(''),
  },
  {name: 'tiny-list', unit: 'items', sizes: [120_000, 1_200_000], make: (items) => '- a\n'.repeat(items)},
  {
    name: 'single-line',
    unit: 'characters',
    sizes: [500_000, 5_000_000],
    make: (size) => `${'word '.repeat(size / 5)}\n`,
  },
]
