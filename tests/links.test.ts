/**
 * core/links: the one walk the link rules share — what it collects, in which
 * order, with which ancestors, which definition a reference uses, and that
 * it is built once per tree.
 */
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {linkIndex, nearestAncestor} from '../src/core/links.js'
import {createParser} from '../src/pipeline.js'

function indexOf(markdown: string) {
  const file = new VFile(markdown)
  const tree = createParser().parse(file) as Root
  return {tree, file, links: linkIndex(tree, file)}
}

const ARTICLE = [
  '---',
  'url: https://yaml.example/',
  '---',
  '',
  'Read [the *guide*](https://a.example/) and [![logo](https://i.example/l.png)](https://b.example/).',
  '',
  '> See [docs][Ref] or ![chart][img].',
  '',
  '```',
  '[not a link](https://code.example/)',
  '```',
  '',
  'Inline `[code](https://code.example/)` and <span>html</span>.',
  '',
  '[ref]: https://first.example/',
  '[REF]: https://second.example/',
  '[img]: https://i.example/chart.png',
  '',
].join('\n')

describe('linkIndex', () => {
  it('collects links, images, references, definitions, text and HTML in document order, outside code and frontmatter', () => {
    const {links} = indexOf(ARTICLE)
    const described = links.sites.map(({node}) => {
      if (node.type === 'text' || node.type === 'html') return `${node.type}:${node.value}`
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') return `${node.type}:${node.url}`
      return `${node.type}:${node.identifier}`
    })
    expect(described).toEqual([
      'text:Read ',
      'link:https://a.example/',
      'text:the ',
      'text:guide',
      'text: and ',
      'link:https://b.example/',
      'image:https://i.example/l.png',
      'text:.',
      'text:See ',
      'linkReference:ref',
      'text:docs',
      'text: or ',
      'imageReference:img',
      'text:.',
      'text:Inline ',
      'text: and ',
      'html:<span>',
      'text:html',
      'html:</span>',
      'text:.',
      'definition:https://first.example/',
      'definition:https://second.example/',
      'definition:https://i.example/chart.png',
    ])
  })

  it('marks what stands inside a link, and gives each node its ancestors, root first', () => {
    const {links} = indexOf(ARTICLE)
    const image = links.sites.find(({node}) => node.type === 'image')!
    expect(image.inLink).toBe(true)
    expect(image.ancestors.map((node) => node.type)).toEqual(['root', 'paragraph', 'link'])
    const reference = links.sites.find(({node}) => node.type === 'linkReference')!
    expect(reference.inLink).toBe(false)
    expect(reference.ancestors.map((node) => node.type)).toEqual(['root', 'blockquote', 'paragraph'])
    const inReference = links.sites.find(({node}) => node.type === 'text' && node.value === 'docs')!
    expect(inReference.inLink).toBe(true)
    expect(nearestAncestor(inReference.ancestors, new Set(['paragraph', 'heading']))?.type).toBe('paragraph')
    expect(nearestAncestor(inReference.ancestors, new Set(['heading']))).toBeUndefined()
  })

  it('resolves a reference to the first definition of its label; later ones stay listed', () => {
    const {links} = indexOf(ARTICLE)
    expect(links.definitions.map((definition) => definition.url)).toEqual([
      'https://first.example/',
      'https://second.example/',
      'https://i.example/chart.png',
    ])
    expect(links.definitionOf('ref')?.url).toBe('https://first.example/')
    expect(links.definitionOf('img')?.url).toBe('https://i.example/chart.png')
    expect(links.definitionOf('missing')).toBeUndefined()
  })

  it('is built once per tree and file, and again for another tree', () => {
    const {tree, file, links} = indexOf(ARTICLE)
    expect(linkIndex(tree, file)).toBe(links)
    const other = createParser().parse(file) as Root
    const again = linkIndex(other, file)
    expect(again).not.toBe(links)
    expect(again.sites.length).toBe(links.sites.length)
  })
})
