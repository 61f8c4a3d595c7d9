/**
 * core/blocks: the top-level blocks and the shallow text features the
 * structural rules weigh — kinds, lengths, link density (Markdown and HTML
 * links), in-page links through references, list items that are lone links,
 * sentence ends — built once per tree.
 */
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {topBlocks} from '../src/core/blocks.js'
import {createParser} from '../src/pipeline.js'

function blocksOf(markdown: string) {
  const file = new VFile(markdown)
  const tree = createParser().parse(file) as Root
  return {tree, file, blocks: topBlocks(tree, file)}
}

describe('topBlocks', () => {
  it('gives each top-level block its kind and offsets', () => {
    const text =
      '---\ntitle: x\n---\n\n# Title\n\nSome text.\n\n![logo](l.png)\n\n```js\nx()\n```\n\n| a |\n| - |\n| 1 |\n\n> quoted\n\n---\n\n[ref]: https://r.example/\n'
    const {blocks} = blocksOf(text)
    expect(blocks.map((block) => block.kind)).toEqual([
      'frontmatter',
      'heading',
      'paragraph',
      'image',
      'code',
      'table',
      'quote',
      'break',
      'definition',
    ])
    const heading = blocks[1]!
    expect(heading.depth).toBe(1)
    expect(text.slice(heading.start, heading.end)).toBe('# Title')
    expect(blocks[4]!.hasCode).toBe(true)
  })

  it('measures link density by characters of link text', () => {
    const {blocks} = blocksOf('[Home](/) [News](/news) and more words here\n')
    const block = blocks[0]!
    expect(block.links).toBe(2)
    expect(block.linkChars).toBe('HomeNews'.length)
    expect(block.chars).toBe('HomeNewsandmorewordshere'.length)
    expect(block.linkDensity).toBeCloseTo(8 / 24, 5)
  })

  it('counts links and their text in HTML blocks', () => {
    const {blocks} = blocksOf('<nav>\n<a href="/">Start</a> <a href="/a">About us</a>\n<!-- menu -->\n</nav>\n')
    const block = blocks[0]!
    expect(block.kind).toBe('html')
    expect(block.links).toBe(2)
    expect(block.text).toBe('Start About us')
    expect(block.linkDensity).toBe(1)
  })

  it('counts list items that are one short link, and in-page links through references', () => {
    const {blocks} = blocksOf('- [One](/1)\n- [Two][t]\n- Three is plain text\n\n[t]: #two\n')
    const list = blocks[0]!
    expect(list.items).toEqual({count: 3, linkOnly: 2, meanWords: (1 + 1 + 4) / 3})
    expect(list.anchorLinks).toBe(1)
  })

  it('weighs CJK characters and counts sentence ends', () => {
    const {blocks} = blocksOf('地铁开始试点。货物夜间运输！\n\nOne sentence. Two sentences? Not.a.sentence\n')
    expect(blocks[0]!.cjk).toBe(12)
    expect(blocks[0]!.sentences).toBe(2)
    expect(blocks[1]!.sentences).toBe(2)
  })

  it('is built once per tree', () => {
    const {tree, file, blocks} = blocksOf('A paragraph.\n')
    expect(topBlocks(tree, file)).toBe(blocks)
  })
})
