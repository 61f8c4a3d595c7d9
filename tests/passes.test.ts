/**
 * Content glued to an ad region is part of the region's HTML block until the
 * region is gone; cleaning must still see it as Markdown, in one call.
 */
import {describe, expect, it} from 'vitest'
import {clean} from '../src/index.js'

const region = '<!-- affiliate ads begin -->\n<iframe src="https://www.youtube.com/embed/x"></iframe>\n<!-- affiliate ads end -->\n'
const affiliate = 'You can do it with [**SpoolMate**](https://tools.techidaily.com/spoolmate/download/) today.\n'
const long =
  'This paragraph is long enough to count as real prose, and it is pasted twice by the scraper so that the second copy has to go away.'

describe('content glued after an ad region', () => {
  it('is cleaned in the same call (blank line before the region)', () => {
    const result = clean(`Intro.\n\n${region}${affiliate}`)
    expect(result.markdown).toBe('Intro.\n\nYou can do it with **SpoolMate** today.\n')
    expect(clean(result.markdown).markdown).toBe(result.markdown)
  })
  it('is cleaned in the same call (text right before the region too)', () => {
    const result = clean(`Intro.\n${region}${affiliate}`)
    expect(result.markdown).toBe('Intro.\nYou can do it with **SpoolMate** today.\n')
    expect(clean(result.markdown).markdown).toBe(result.markdown)
    // Every removal's text is exactly what stood at its offsets in the input.
    const input = `Intro.\n${region}${affiliate}`
    for (const removal of result.removals) expect(input.slice(removal.start.offset, removal.end.offset)).toBe(removal.text)
  })
  it('counts as a paragraph for duplicate detection', () => {
    const input = `${long}\n\n<!-- affiliate ads begin -->\n<h3>Ad</h3>\n<!-- affiliate ads end -->\n${long}\n`
    const result = clean(input)
    expect(result.markdown).toBe(`${long}\n\n`)
    expect(result.removals.map((removal) => removal.rule)).toEqual(['ad-block', 'duplicate-paragraph'])
    expect(clean(result.markdown).markdown).toBe(result.markdown)
  })
  it('lists a glued heading in the record', () => {
    const result = clean(`Intro.\n\n${region}## Next step\n\nText.\n`)
    expect(result.record.headings).toEqual([{depth: 2, text: 'Next step', line: 6}])
  })
})
