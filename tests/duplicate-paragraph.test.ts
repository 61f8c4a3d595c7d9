/** duplicate-paragraph beside other rules: what a second clean sees must be what the first saw. */
import {describe, expect, it} from 'vitest'
import {clean} from '../src/index.js'

const intro = 'Start with the logs of the last week, sorted by error count, before any code.'
const other = 'Measure first, then change one setting at a time, and write each result down.'

describe('duplicate-paragraph outro window', () => {
  it('counts two lists split by an ad as the one list they become', () => {
    const ad = '<!-- ads start -->\n<div>ad</div>\n<!-- ads end -->'
    const text = [intro, other, other, intro, other, other, other, '- First item.', ad, '- Second item.'].join('\n\n') + '\n'
    const first = clean(text)
    expect(first.removals.map((removal) => removal.rule)).toContain('duplicate-paragraph')
    expect(clean(first.markdown).markdown).toBe(first.markdown)
  })

  it('still counts lists with different bullets as two blocks', () => {
    const text = [intro, other, other, intro, other, other, other, '- First item.', '* Second item.'].join('\n\n') + '\n'
    const first = clean(text)
    expect(clean(first.markdown).markdown).toBe(first.markdown)
  })
})
