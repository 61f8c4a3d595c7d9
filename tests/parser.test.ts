/**
 * The parser every rule reads (`createParser`, src/pipeline.ts): frontmatter
 * only where a closing fence makes one, and no other block lost to a fence
 * that does not close (micromark/micromark-extension-frontmatter#5: after a
 * failed attempt, lists and block quotes were read as paragraphs).
 */
import {describe, expect, it} from 'vitest'
import {createParser} from '../src/pipeline.js'

const parser = createParser()
const types = (text: string) => parser.parse(text).children.map((node) => node.type)

describe('createParser', () => {
  it('reads a closed YAML or TOML block as frontmatter, and the blocks after it', () => {
    expect(types('---\ntitle: x\n---\n\n- a\n- b\n\n> q\n')).toEqual(['yaml', 'list', 'blockquote'])
    expect(types('---\n---\n\n- a\n')).toEqual(['yaml', 'list'])
    expect(types('+++\ntitle = 1\n+++\n\n- a\n')).toEqual(['toml', 'list'])
    expect(types('---\r\ntitle: x\r\n---\r\n\r\n- a\r\n')).toEqual(['yaml', 'list'])
  })

  it('sees lists and quotes after an opening fence that nothing closes', () => {
    expect(types('---\n\n- a\n- b\n')).toEqual(['thematicBreak', 'list'])
    expect(types('--- \n\n> quote\n')).toEqual(['thematicBreak', 'blockquote'])
    expect(types('---\r\n\r\n- a\r\n')).toEqual(['thematicBreak', 'list'])
    expect(types('+++\n\n- a\n')).toEqual(['paragraph', 'list'])
  })
})
