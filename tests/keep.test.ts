/**
 * The rules file's `keep` section: each kind of entry keeps exactly the
 * removals it names and nothing else, a removal of several parts is kept
 * whole, entries by path apply only under the path, safety is never kept,
 * the clean stays idempotent, and bad entries are rules errors naming
 * file:line.
 */
import {describe, expect, it} from 'vitest'
import {clean, type CleanOptions} from '../src/clean.js'
import {keepHash} from '../src/engine/keep-hash.js'
import {urlsIn} from '../src/engine/keep-urls.js'
import type {RecordRemoval} from '../src/record.js'
import {recordSchema} from '../src/record-schema.js'
import {createRuleSet, RulesError} from '../src/ruleset/index.js'

/** An article with an ad region, an unlinked affiliate link (two parts), a tracking script and a plain affiliate anchor. */
const ARTICLE = `# Re-potting a fern

Use a pot one size up, no bigger.

<!-- affiliate ads begin -->
<a href="https://shopper.pxf.io/c/1111/2222/3333" target="_top">
  <img src="//a.impactradius-go.com/display-ad/3333-2222" alt="banner" width="728" height="90"/>
</a>
<!-- affiliate ads end -->

Water it the same day, then get the [Fern Kit](https://tools.techidaily.com/fern-kit/download/) and keep it out of direct sun.

<script>document.write('x')</script>

Our pick is the <a href="https://labels.pxf.io/c/111/222/333">Pot Pro</a>, which ships with soil.

The end.
`

function rulesOf(yaml: string): CleanOptions['rules'] {
  return createRuleSet({text: yaml, file: 'keep.yaml'})
}

/** Removals by rule and text, one string each, for comparing whole sets. */
function spans(removals: readonly RecordRemoval[]): string[] {
  return removals.map((removal) => `${removal.rule}@${removal.start.offset}:${JSON.stringify(removal.text)}`)
}

const base = clean(ARTICLE, {path: 'blog/fern.md'})

function byRule(rule: string): RecordRemoval[] {
  return base.removals.filter((removal) => removal.rule === rule)
}

/** Clean with `yaml` as the rules; assert the kept removals are exactly `keptParts` and every other removal is made as before. */
function expectKeeps(yaml: string, keptParts: readonly RecordRemoval[], path = 'blog/fern.md') {
  const result = clean(ARTICLE, {rules: rulesOf(yaml), path})
  const keptSet = new Set(spans(keptParts))
  expect(spans(result.removals)).toEqual(spans(base.removals).filter((span) => !keptSet.has(span)))
  expect((result.record.kept ?? []).map((span) => [span.rule, span.start.offset, span.end.offset])).toEqual(
    keptParts.map((part) => [part.rule, part.start.offset, part.end.offset]),
  )
  for (const part of keptParts) expect(result.markdown).toContain(part.text)
  expect(recordSchema.safeParse(result.record).success).toBe(true)
  // Idempotent: cleaning the output with the same rules changes nothing.
  expect(clean(result.markdown, {rules: rulesOf(yaml), path}).markdown).toBe(result.markdown)
  return result
}

describe('the article the tests steer', () => {
  it('has the removals the entries name', () => {
    expect(byRule('ad-block')).toHaveLength(1)
    expect(byRule('affiliate-link').filter((removal) => removal.group !== undefined).length).toBeGreaterThanOrEqual(2)
    expect(byRule('unsafe-html').length).toBeGreaterThanOrEqual(1)
    expect(base.record.kept).toBeUndefined()
  })
})

describe('keep entries', () => {
  it('by text hash: keeps exactly that removal', () => {
    const ad = byRule('ad-block')[0]!
    const result = expectKeeps(`keep:\n  - id: keep-ad\n    textHash: ${keepHash(ad.text)}\n`, [ad])
    expect(result.record.kept?.[0]?.keep).toBe('keep-ad')
  })

  it('by text hash of one part: keeps the whole removal of several parts', () => {
    const parts = byRule('affiliate-link').filter((removal) => removal.group !== undefined)
    const group = parts.filter((part) => part.group === parts[0]!.group)
    expect(group).toHaveLength(2)
    expectKeeps(`keep:\n  - id: keep-kit\n    textHash: ${keepHash(group[1]!.text)}\n`, group)
  })

  it('by text hash of the text its parts cover: keeps the whole removal of several parts', () => {
    const parts = byRule('affiliate-link').filter((removal) => removal.group !== undefined)
    const group = parts.filter((part) => part.group === parts[0]!.group)
    const covered = ARTICLE.slice(group[0]!.start.offset, group[group.length - 1]!.end.offset)
    expect(covered).toMatch(/^\[Fern Kit\]\(https:/)
    expectKeeps(`keep:\n  - id: keep-kit\n    textHash: ${keepHash(covered)}\n`, group)
  })

  it('by text hash, give or take white space at the edges, but not inside', () => {
    const ad = byRule('ad-block')[0]!
    expect(ad.text.endsWith('\n\n')).toBe(true)
    expectKeeps(`keep:\n  - id: trimmed\n    textHash: ${keepHash(ad.text.trim())}\n`, [ad])
    expectKeeps(`keep:\n  - id: wider\n    textHash: ${keepHash(`\n${ad.text}`)}\n`, [ad])
    expectKeeps(`keep:\n  - id: inner\n    textHash: ${keepHash(ad.text.replace('\n', ' \n'))}\n`, [])
  })

  it('by URL: keeps the removals that link to exactly that URL', () => {
    const url = 'https://tools.techidaily.com/fern-kit/download/'
    const named = base.removals.filter((removal) => urlsIn(removal.text).includes(url))
    expect(named.length).toBeGreaterThan(0)
    const group = base.removals.filter((removal) => removal.group !== undefined && removal.group === named[0]!.group)
    expectKeeps(`keep:\n  - id: keep-kit-url\n    url: ${url}\n`, group)
  })

  it('by host: keeps removals linking to the host or a sub-domain, only those', () => {
    const onHost = base.removals.filter((removal) => /labels\.pxf\.io/.test(removal.text))
    expect(onHost.length).toBeGreaterThan(0)
    const groups = new Set(onHost.map((removal) => removal.group ?? removal.start.offset))
    const kept = base.removals.filter((removal) => groups.has(removal.group ?? removal.start.offset))
    expectKeeps('keep:\n  - id: keep-labels\n    host: pxf.io\n    rule: affiliate-link\n', kept)
  })

  it('by rule: switches the rule off (and only that rule)', () => {
    expectKeeps('keep:\n  - id: no-ads\n    rule: ad-block\n', byRule('ad-block'))
  })

  it('needs every condition it gives to hold', () => {
    const ad = byRule('ad-block')[0]!
    expectKeeps(`keep:\n  - id: wrong-rule\n    rule: affiliate-link\n    textHash: ${keepHash(ad.text)}\n`, [])
  })

  it('by path: applies only to articles under the path', () => {
    const yaml = 'keep:\n  - id: no-ads-in-blog\n    rule: ad-block\n    paths: [blog/]\n'
    expectKeeps(yaml, byRule('ad-block'), 'blog/fern.md')
    expectKeeps(yaml, byRule('ad-block'), './blog/fern.md')
    expectKeeps(yaml, [], 'news/fern.md')
    expectKeeps(yaml, [], '/abs/blog/fern.md')
    expectKeeps('keep:\n  - id: no-ads-in-md\n    rule: ad-block\n    paths: ["*.md", "!news/**"]\n', [], 'news/fern.md')
  })

  it('never keeps a safety removal, and warns', () => {
    const script = byRule('unsafe-html')[0]!
    const result = expectKeeps(`keep:\n  - id: keep-script\n    textHash: ${keepHash(script.text)}\n`, [])
    const warnings = result.record.warnings.filter((warning) => warning.rule === 'keep')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.reason).toMatch(/keep-script.*unsafe-html.*--disable unsafe-html/)
  })

  it('never keeps a frontmatter rewrite (the record would not match the text), and warns', () => {
    const text = '---\ntitle: Hello\ntags: a, b, a\n---\n\nBody.\n'
    const plain = clean(text)
    expect(plain.removals.map((removal) => removal.rule)).toEqual(['frontmatter'])
    const kept = clean(text, {rules: rulesOf('keep:\n  - id: my-tags\n    rule: frontmatter\n')})
    expect(kept.markdown).toBe(plain.markdown)
    expect(kept.record.kept).toBeUndefined()
    expect(kept.record.warnings.map((warning) => [warning.rule, warning.line])).toEqual([['keep', 3]])
    expect(kept.record.warnings[0]!.reason).toMatch(/my-tags.*frontmatter rewrite.*--disable frontmatter/)
  })

  it('merge by id over earlier layers', () => {
    const first = 'keep:\n  - id: k\n    rule: ad-block\n'
    const second = 'keep:\n  - id: k\n    rule: unsafe-html\n    note: changed my mind\n'
    const rules = createRuleSet({text: first, file: 'a.yaml'}, {text: second, file: 'b.yaml'})
    expect(rules.keep.map((entry) => [entry.id, entry.rule, entry.note])).toEqual([['k', 'unsafe-html', 'changed my mind']])
  })
})

describe('invalid keep entries', () => {
  const cases: Array<[string, string, RegExp]> = [
    [
      'no condition',
      'keep:\n  - id: nothing\n    note: forgot\n',
      /keep\.yaml:2:\d+: keep\.0: .*at least one of rule, textHash, url, host/,
    ],
    ['a bad hash', 'keep:\n  - id: bad\n    textHash: 3F2A\n', /keep\.yaml:3:\d+: keep\.0\.textHash: .*16 lower-case hex/],
    ['an unknown rule', 'keep:\n  - id: typo\n    rule: link-frm\n', /keep\.yaml:3:\d+: keep\.0\.rule: not a rule id/],
    ['a bad host', 'keep:\n  - id: wild\n    host: "*.example.com"\n', /keep\.yaml:3:\d+: keep\.0\.host: not a host name/],
    ['an unknown field', 'keep:\n  - id: odd\n    rule: ad-block\n    text: x\n', /keep\.yaml:4:\d+: keep\.0\.text/],
  ]
  for (const [name, yaml, message] of cases) {
    it(`is a rules error naming file and line: ${name}`, () => {
      expect(() => rulesOf(yaml)).toThrow(RulesError)
      expect(() => rulesOf(yaml)).toThrow(message)
    })
  }
})

describe('urlsIn', () => {
  it('reads Markdown, autolink, HTML attribute and bare URLs, decoding &amp;', () => {
    expect(
      urlsIn(
        '[a](https://a.example/x) <https://b.example/> <img src="//c.example/p.gif"> <a href=\'https://d.example/?a=1&amp;b=2\'> see https://e.example/y.',
      ),
    ).toEqual(['https://a.example/x', 'https://b.example/', '//c.example/p.gif', 'https://d.example/?a=1&b=2', 'https://e.example/y'])
  })
  it('ignores relative links', () => {
    expect(urlsIn('[a](/local/page) <img src="img/x.png">')).toEqual([])
  })
})
