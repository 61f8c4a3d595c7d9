/**
 * Content glued to an ad region is part of the region's HTML block until the
 * region is gone; cleaning must still see it as Markdown, in one call.
 */
import {describe, expect, it} from 'vitest'
import {clean} from '../src/index.js'
import {removalFindings} from '../src/report/removal-finding.js'

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
    // The region parted two paragraphs: a blank line still does (see src/engine/repair.ts).
    expect(result.markdown).toBe('Intro.\n\nYou can do it with **SpoolMate** today.\n')
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

describe('lists that a removal joins', () => {
  const prose = 'Turn the dial to the left until it clicks, then wait for the light to turn green before you start.'
  const two = (from: number) =>
    [from, from + 1].map((n) => `- [Guide number ${n}](https://notes.example.com/how-to-guide-${n}/)`).join('\n')

  it('are judged as the one list the output holds: two halves of a farm split by an ad go together', () => {
    const input = `${prose}\n\n${two(1)}\n\n${region}\n${two(3)}\n`
    const result = clean(input)
    expect(result.markdown).toBe(`${prose}\n`)
    expect(result.removals.map((removal) => removal.rule)).toEqual(['link-farm', 'ad-block', 'link-farm'])
    for (const removal of result.removals) expect(input.slice(removal.start.offset, removal.end.offset)).toBe(removal.text)
    expect(clean(result.markdown).markdown).toBe(result.markdown)
    // The farm, found on the second pass and split around the ad, is one removal of two parts.
    const [first, ad, second] = result.removals
    expect([first?.group, ad?.group, second?.group]).toEqual([first?.start.offset, undefined, first?.start.offset])
    expect(result.record.stats.removals).toEqual({'link-farm': 1, 'ad-block': 1})
    const findings = removalFindings('farm.md', input, result.removals, () => 'error')
    expect(findings.map((finding) => finding.rule)).toEqual(['link-farm', 'ad-block'])
    // Its one edit covers the ad too, and leaves what the clean text has there.
    expect(findings[0]?.range).toEqual([first?.start.offset, second?.end.offset])
    expect(findings[0]?.replacement).toBe('')
    expect(result.messages.map((message) => message.ruleId)).toEqual(['link-farm', 'ad-block'])
  })

  it('are judged joined when what stood between them was a farm with a label', () => {
    const label =
      '**Also read:**\n\n<div><ul><li><a href="https://n.example.com/a-b/">A</a></li><li><a href="https://n.example.com/c-d/">C</a></li><li><a href="https://n.example.com/e-f/">E</a></li></ul></div>'
    for (const eol of ['\n', '\r\n']) {
      const input = `${prose}\n\n${two(1)}\n\n${label}\n\n${two(3)}\n`.replace(/\n/g, eol)
      const result = clean(input)
      expect(result.markdown).toBe(`${prose}${eol}`)
      expect(clean(result.markdown).markdown).toBe(result.markdown)
    }
  })

  it('are judged joined when several removals with blank lines between them stood there', () => {
    const unit = '<ins class="adsbygoogle" data-ad-client="ca-pub-1"></ins>'
    const input = `${prose}\n\n**Also read:**\n\n${two(1)}\n\n${region}\n${unit}\n\n${two(3)}\n`
    const result = clean(input)
    expect(result.markdown).toBe(`${prose}\n`)
    expect(clean(result.markdown).markdown).toBe(result.markdown)
  })

  it('are not joined across what stays: a list, a paragraph, a list', () => {
    const input = `${prose}\n\n${two(1)}\n\nA sentence that stays between the two lists.\n\n${two(3)}\n`
    expect(clean(input).markdown).toBe(input)
  })

  it('end the scan at blank lines at the end of the text', () => {
    const input = `${prose}\n\n${two(1)}\n\n${region}\n\n\n`
    const result = clean(input)
    expect(result.removals.map((removal) => removal.rule)).toContain('ad-block')
    expect(clean(result.markdown).markdown).toBe(result.markdown)
  })
})

describe('paragraphs of links that a removal makes consecutive', () => {
  it('are one run under a label, in one pass', () => {
    const input = `Intro prose that stays.\n\nLire aussi :\n\n[One](https://n.example.com/one-post/)\n\n${region}\n[Two](https://n.example.com/two-post/)\n\n[Three](https://n.example.com/three-post/)\n`
    const result = clean(input)
    expect(result.markdown).toBe('Intro prose that stays.\n')
    for (const removal of result.removals) expect(input.slice(removal.start.offset, removal.end.offset)).toBe(removal.text)
    expect(clean(result.markdown).markdown).toBe(result.markdown)
  })

  it('are one run under a label past an ad and another farm found between them', () => {
    const farm =
      'See also:\n\n- [Guide 1](https://notes.example.com/how-to-guide-1/)\n- [Guide 2](https://notes.example.com/how-to-guide-2/)\n- [Guide 3](https://notes.example.com/how-to-guide-3/)'
    const input = `Intro prose that stays.\n\nLire aussi :\n\n[One](https://n.example.com/one-post/)\n\n<ins class="adsbygoogle" data-ad-client="ca-pub-1"></ins>\n\n${farm}\n\n[Two](https://n.example.com/two-post/)\n\n[Three](https://n.example.com/three-post/)\n`
    const result = clean(input)
    expect(result.markdown).toBe('Intro prose that stays.\n')
    expect(clean(result.markdown).markdown).toBe(result.markdown)
  })
})

describe('blocks that a later rule removes', () => {
  it('bring a label and its links together in one call (an intro pasted again between them)', () => {
    const intro = 'Turn the dial to the left until it clicks, then wait for the light to turn green before you start.'
    const list = [1, 2, 3].map((n) => `- [Guide number ${n}](https://notes.example.com/how-to-guide-${n}/)`).join('\n')
    const blocks = [
      '# Title',
      intro,
      'Short line.',
      '**Also read:**',
      intro,
      list,
      '[One](https://n.example.com/one-post/)',
      '---',
      '<ins class="adsbygoogle" data-ad-client="ca-pub-1"></ins>',
    ]
    const input = `${blocks.join('\n\n')}\n`
    const result = clean(input)
    expect(result.removals.map((removal) => removal.rule)).toEqual(['link-farm', 'duplicate-paragraph', 'link-farm', 'ad-slot'])
    expect(result.markdown).not.toContain('Also read')
    for (const removal of result.removals) expect(input.slice(removal.start.offset, removal.end.offset)).toBe(removal.text)
    expect(clean(result.markdown).markdown).toBe(result.markdown)
  })
})

describe('a farm without a label found between link lines', () => {
  it('joins the link lines on either side of it into one run, in one call', () => {
    const htmlFarm =
      '<div><ul><li><a href="https://n.example.com/a-b/">A</a></li><li><a href="https://n.example.com/c-d/">C</a></li><li><a href="https://n.example.com/e-f/">E</a></li></ul></div>'
    const unit = '<ins class="adsbygoogle" data-ad-client="ca-pub-1"></ins>'
    const blocks = [
      '# Title',
      'Turn the dial to the left until it clicks, then wait for the light to turn green before you start.',
      '[Two](https://n.example.com/two-post/)',
      region.trimEnd(),
      htmlFarm,
      unit,
      region.trimEnd(),
      '[One](https://n.example.com/one-post/)',
      '[One](https://n.example.com/one-post/)',
      'Lire aussi :',
    ]
    for (const eol of ['\n', '\r\n']) {
      const input = `${blocks.join('\n\n')}\n`.replace(/\n/g, eol)
      const result = clean(input)
      expect(result.markdown).not.toContain('[One]')
      for (const removal of result.removals) expect(input.slice(removal.start.offset, removal.end.offset)).toBe(removal.text)
      expect(clean(result.markdown).markdown).toBe(result.markdown)
    }
  })
})
