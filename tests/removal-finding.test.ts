/**
 * Where a removal is shown as a finding: its text without the white space
 * around it (positions counted here by hand, not by the code under test),
 * while `range` and `removed` keep the exact span a fix needs. A removal of
 * several parts (an unlinked link, an unwrapped tag) is one finding.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {clean} from '../src/index.js'
import {applyEdits} from '../src/engine/apply.js'
import {removalFinding, removalFindings, shownRange} from '../src/report/removal-finding.js'

describe('shownRange', () => {
  it('starts at the first character that is not white space and ends after the last', () => {
    // "\n**Also read:**\n- [a](/a)\n" starting at 12:30 (the end of a line).
    expect(shownRange('\n**Also read:**\n- [a](/a)\n', {line: 12, column: 30}, {line: 15, column: 1})).toEqual({
      line: 13,
      column: 1,
      endLine: 14,
      endColumn: 10,
    })
  })

  it('keeps a span without white space around it as it is', () => {
    expect(shownRange('?utm_source=x', {line: 5, column: 10}, {line: 5, column: 23})).toEqual({
      line: 5,
      column: 10,
      endLine: 5,
      endColumn: 23,
    })
  })

  it('counts CRLF and a lone CR as one line break', () => {
    expect(shownRange('\r\n\r\n  <ins>ad</ins>\r\n', {line: 3, column: 7}, {line: 6, column: 1})).toEqual({
      line: 5,
      column: 3,
      endLine: 5,
      endColumn: 16,
    })
    expect(shownRange('\r<ins>ad</ins>', {line: 3, column: 7}, {line: 4, column: 14})).toEqual({
      line: 4,
      column: 1,
      endLine: 4,
      endColumn: 14,
    })
  })

  it('shows a span of white space alone (blank lines, a byte-order mark) where it is', () => {
    expect(shownRange('\n\n', {line: 4, column: 1}, {line: 6, column: 1})).toEqual({line: 4, column: 1, endLine: 6, endColumn: 1})
    expect(shownRange('\uFEFF', {line: 1, column: 1}, {line: 1, column: 2})).toEqual({line: 1, column: 1, endLine: 1, endColumn: 2})
  })

  it('on any text: the shown start is the first non-white character, found by counting lines by hand', () => {
    const piece = fc.constantFrom('a', 'b c', ' ', '\t', '\n', '\r\n', '  x', '\n\n')
    fc.assert(
      fc.property(
        fc.array(piece, {maxLength: 12}).map((parts) => parts.join('')),
        fc.array(piece, {minLength: 1, maxLength: 12}).map((parts) => parts.join('')),
        (before, removed) => {
          const text = before + removed
          const pointOf = (offset: number) => {
            const lines = text.slice(0, offset).replace(/\r\n/g, '\n').split('\n')
            return {line: lines.length, column: lines.at(-1)!.length + 1}
          }
          const start = pointOf(before.length)
          const end = pointOf(text.length)
          const shown = shownRange(removed, start, end)
          const lead = removed.length - removed.trimStart().length
          if (lead === removed.length) {
            expect(shown).toEqual({line: start.line, column: start.column, endLine: end.line, endColumn: end.column})
            return
          }
          const first = pointOf(before.length + lead)
          const last = pointOf(before.length + removed.trimEnd().length)
          expect(shown).toEqual({line: first.line, column: first.column, endLine: last.line, endColumn: last.column})
        },
      ),
      {numRuns: Number(process.env['FC_RUNS'] ?? 100), seed: Number(process.env['FC_SEED'] ?? 7)},
    )
  })
})

describe('removalFinding', () => {
  it('keeps the exact span in range and removed, so that a fix can apply it', () => {
    const text =
      '# Notes\n\nSome prose about oiling a hinge.\n\n**Also read:**\n\n- [One](https://farm.example.test/one)\n- [Two](https://farm.example.test/two)\n- [Three](https://farm.example.test/three)\n\nThe end of the notes.\n'
    const result = clean(text)
    expect(result.removals.length).toBeGreaterThan(0)
    for (const removal of result.removals) {
      const finding = removalFinding('notes.md', removal, 'warning')
      expect(finding).toMatchObject({
        path: 'notes.md',
        rule: removal.rule,
        severity: 'warning',
        message: removal.reason,
        removed: removal.text,
      })
      expect(text.slice(...finding.range!)).toBe(finding.removed)
      const lines = text.split('\n')
      expect(lines[finding.line - 1]!.slice(finding.column - 1)).toMatch(/^\S/)
    }
    const farm = removalFinding('notes.md', result.removals.find((removal) => removal.rule === 'link-farm')!, 'error')
    expect(farm.line).toBe(5)
  })
})

describe('removalFindings', () => {
  const text = [
    '# Oiling a hinge',
    '',
    'Use [**Hinge Oil**](https://www.amazon.com/dp/B01/?tag=shop-20) or <a href="https://www.amazon.com/dp/B02?tag=shop-20">grease</a> once a year.',
    '',
    '<!-- affiliate ads begin -->',
    'ad',
    '<!-- affiliate ads end -->',
    '',
  ].join('\n')
  const result = clean(text, {path: 'hinge.md'})
  const findings = removalFindings('hinge.md', text, result.removals, (removal) => (removal.rule === 'ad-block' ? 'warning' : 'error'))

  it('makes one finding per removal: each unlinked link is one, not one per part', () => {
    expect(result.removals.filter((removal) => removal.rule === 'affiliate-link')).toHaveLength(4)
    expect(findings.map((finding) => [finding.rule, finding.severity])).toEqual([
      ['affiliate-link', 'error'],
      ['affiliate-link', 'error'],
      ['ad-block', 'warning'],
    ])
  })

  it('shows a link at its `[`, to the end of its last part, and covers it all in range and removed', () => {
    const [markdown, html] = findings
    expect(markdown).toMatchObject({line: 3, column: 5, endLine: 3, endColumn: 64})
    expect(markdown?.removed).toBe('[**Hinge Oil**](https://www.amazon.com/dp/B01/?tag=shop-20)')
    expect(markdown?.replacement).toBe('**Hinge Oil**')
    expect(html?.removed).toBe('<a href="https://www.amazon.com/dp/B02?tag=shop-20">grease</a>')
    expect(html?.replacement).toBe('grease')
    expect(html?.column).toBe(text.split('\n')[2]!.indexOf('<a ') + 1)
    for (const finding of findings) expect(text.slice(...finding.range!)).toBe(finding.removed)
  })

  it('lists each exact part, and the parts, or the one covering edit, give the clean text', () => {
    const [markdown] = findings
    expect(markdown?.parts?.map((part) => part.removed)).toEqual(['[', '](https://www.amazon.com/dp/B01/?tag=shop-20)'])
    for (const part of markdown?.parts ?? []) expect(text.slice(...part.range)).toBe(part.removed)
    expect(findings[2]?.parts).toBeUndefined()
    const byParts = applyEdits(
      text,
      findings.flatMap((finding) =>
        (finding.parts ?? [{range: finding.range!, removed: finding.removed!}]).map((part) => ({start: part.range[0], end: part.range[1]})),
      ),
    )
    const byCover = applyEdits(
      text,
      findings.map((finding) => ({start: finding.range![0], end: finding.range![1], replacement: finding.replacement ?? ''})),
    )
    expect(byParts).toBe(result.markdown)
    expect(byCover).toBe(result.markdown)
  })

  it('on generated sentences: as many findings as links and removals of one span, each placed at its first part', () => {
    const link = fc.constantFrom(
      '[Buy it](https://www.amazon.com/dp/B0/?tag=x-20)',
      '<a href="https://www.amazon.com/dp/B1?tag=x-20">the oil</a>',
      '[plain](https://example.org/a)',
      '[](https://www.amazon.com/dp/B2/?tag=x-20)',
    )
    const words = fc.constantFrom('Oil it', 'then wipe', 'and wait.', '**now**')
    fc.assert(
      fc.property(fc.array(fc.oneof(link, words), {minLength: 1, maxLength: 8}), (pieces) => {
        const input = `${pieces.join(' ')}\n`
        const cleaned = clean(input, {disable: ['frontmatter']})
        const shown = removalFindings('g.md', input, cleaned.removals, () => 'error')
        const groups = new Set(cleaned.removals.map((removal, index) => removal.group ?? `single ${index}`))
        expect(shown).toHaveLength(groups.size)
        expect(cleaned.messages.filter((message) => message.source === 'decruft' && typeof message.actual === 'string')).toHaveLength(
          groups.size,
        )
        const counted = Object.values(cleaned.record.stats.removals).reduce((sum, count) => sum + count, 0)
        expect(counted).toBe(groups.size)
        for (const finding of shown) {
          expect(input.slice(...finding.range!)).toBe(finding.removed)
          const first = cleaned.removals.find((removal) => removal.start.offset === finding.range![0])
          expect(first).toBeDefined()
          expect(finding.parts === undefined || finding.parts.length >= 2).toBe(true)
        }
      }),
      {seed: Number(process.env['FC_SEED'] ?? 7), numRuns: Number(process.env['FC_RUNS'] ?? 100)},
    )
  })
})
