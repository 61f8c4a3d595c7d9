/**
 * tracking-param beyond the fixtures: how it meets the rules before it (an
 * affiliate link goes whole, with its tracking parameters), a property test
 * on generated queries (only tracking parameters go, the kept ones stay in
 * order, the fragment stays, cleaning twice changes nothing), and the host
 * patterns of the ad and affiliate rules data.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {clean, createRuleSet, type RuleId} from '../src/index.js'
import {ruleIds} from '../src/plugin-api.js'

const NUM_RUNS = Number(process.env['FC_RUNS'] ?? 200)
const SEED = process.env['FC_SEED'] === undefined ? 20240601 : Number(process.env['FC_SEED'])

/** Clean with one rule on and every other off. */
function only(rule: RuleId, text: string) {
  return clean(text, {enable: [rule], disable: ruleIds.filter((id) => id !== rule), path: 'test.md'})
}

describe('tracking-param with the other rules', () => {
  it('leaves an affiliate link to affiliate-link', () => {
    const input = 'Get [the plugin](https://brand.pxf.io/c/1/2/3?utm_source=blog&utm_medium=cpc) today.\n'
    const result = clean(input, {path: 'test.md'})
    expect(result.markdown).toBe('Get the plugin today.\n')
    expect(result.removals.map((removal) => removal.rule)).toEqual(['affiliate-link', 'affiliate-link'])
  })

  it('leaves a link inside an ad region to ad-block', () => {
    const input = 'Intro.\n\n<!-- ads start -->\n<a href="https://shop.example/?utm_source=x">Shop</a>\n<!-- ads end -->\n\nOutro.\n'
    const result = clean(input, {path: 'test.md'})
    expect(result.removals.map((removal) => removal.rule)).toEqual(['ad-block'])
  })

  it('strips a kept link next to an unlinked affiliate link', () => {
    const input = '[A](https://x.sjv.io/c/1?utm_source=a) and [B](https://b.example/?utm_source=a&id=2).\n'
    const result = clean(input, {path: 'test.md'})
    expect(result.markdown).toBe('A and [B](https://b.example/?id=2).\n')
  })

  it('records one removal per run of adjacent tracking parameters', () => {
    const result = only('tracking-param', '[x](https://a.example/?utm_source=a&utm_medium=b&id=1&fbclid=c)\n')
    expect(result.removals.map((removal) => removal.text)).toEqual(['utm_source=a&utm_medium=b&', '&fbclid=c'])
    expect(result.removals[0]!.reason).toMatch(/`utm_source`, `utm_medium`/)
  })

  it('can be switched off, and extended by a rules file', () => {
    const input = '[x](https://a.example/?utm_source=a&campaign_ref=b)\n'
    expect(clean(input, {disable: ['tracking-param'], path: 'test.md'}).removals).toEqual([])
    const rules = createRuleSet({
      text: 'trackingParam:\n  params:\n    - id: campaign-ref\n      note: Our own tag.\n      name: campaign_ref\n    - id: utm\n      enabled: false\n',
      file: 'mine.yaml',
    })
    expect(clean(input, {rules, path: 'test.md'}).markdown).toBe('[x](https://a.example/?utm_source=a)\n')
  })

  it('keeps `ref` on a host a rules file lists as an exception', () => {
    const input = '[x](https://git.example.org/repo?ref=producthunt)\n'
    expect(only('tracking-param', input).markdown).toBe('[x](https://git.example.org/repo)\n')
    const rules = createRuleSet({
      text: 'trackingParam:\n  exceptions:\n    - id: our-forge\n      note: Our Gitea.\n      host: git.example.org\n      params: [ref]\n',
      file: 'mine.yaml',
    })
    expect(clean(input, {rules, enable: ['tracking-param'], path: 'test.md'}).removals).toEqual([])
  })
})

describe('tracking-param on generated queries', () => {
  const kept = fc.constantFrom('id=3', 'page=2', 'q=a+b', 'lang=en', 'v=abc', 'flag', 'ref=42')
  const tracking = fc.constantFrom('utm_source=feed', 'utm_medium=email', 'fbclid=IwAR0', 'gclid=1', 'mc_eid=9', 'ref=producthunt')
  const param = fc.oneof(
    kept.map((text) => ({text, kept: true})),
    tracking.map((text) => ({text, kept: false})),
  )
  const separator = fc.constantFrom('&', '&amp;', '&#038;')

  it('removes exactly the tracking parameters, in any order, with any separator', () => {
    fc.assert(
      fc.property(
        fc.array(param, {minLength: 1, maxLength: 6}),
        separator,
        fc.constantFrom('', '#section'),
        fc.constantFrom('markdown', 'html', 'bare'),
        (params, sep, fragment, form) => {
          const url = `https://site.example/path?${params.map((p) => p.text).join(sep)}${fragment}`
          const keptParams = params.filter((p) => p.kept).map((p) => p.text)
          const expected = `https://site.example/path${keptParams.length > 0 ? `?${keptParams.join(sep)}` : ''}${fragment}`
          const wrap = (href: string) =>
            form === 'markdown'
              ? `See [the page](${href}) now.\n`
              : form === 'html'
                ? `<p><a href="${href}">the page</a></p>\n`
                : `See ${href} now.\n`
          const once = only('tracking-param', wrap(url))
          expect(once.markdown).toBe(wrap(expected))
          expect(only('tracking-param', once.markdown).removals).toEqual([])
        },
      ),
      {numRuns: NUM_RUNS, seed: SEED},
    )
  })
})

describe('ad and affiliate host patterns', () => {
  const rules = createRuleSet()
  const affiliate = (href: string) => {
    const url = new URL(href, 'https://relative.invalid/')
    const {hosts, params, folders} = rules.affiliateLink
    return [...hosts, ...params, ...folders].find((matcher) => matcher.test(url))?.id
  }
  const adHost = (href: string) => rules.adSlot.hosts.find((matcher) => matcher.test(new URL(href)))?.id

  it('match Impact, CJ and the others by host and sub-domain', () => {
    expect(affiliate('https://imp.i123456.net/c/1')).toBe('impact-imp')
    expect(affiliate('https://imp.net/c/1')).toBeUndefined()
    expect(affiliate('https://brand.8odi.net/c/1')).toBe('impact-8odi')
    expect(affiliate('https://www.qksrv.net/click-1')).toBe('cj-qksrv')
    expect(affiliate('https://linksynergy.walmart.com/deeplink?id=1')).toBe('rakuten-deeplink')
    expect(affiliate('https://www.walmart.com/deeplink?id=1')).toBeUndefined()
    expect(affiliate('https://shareasale.com/info/about')).toBeUndefined()
    expect(affiliate('https://notsjv.io/c/1')).toBeUndefined()
  })

  it('match redirect folders only in their strict shape', () => {
    expect(affiliate('https://a.example/go/vpn')).toBe('go-folder')
    expect(affiliate('/recommends/vpn/')).toBe('recommends-folder')
    expect(affiliate('https://a.example/go/vpn/more')).toBeUndefined()
    expect(affiliate('https://a.example/go/page.html')).toBeUndefined()
    expect(affiliate('https://a.example/go/')).toBeUndefined()
    expect(affiliate('https://a.example/blog/go/vpn')).toBeUndefined()
    expect(affiliate('https://www.w3schools.com/go/go_syntax.php')).toBeUndefined()
    expect(affiliate('https://www.jetbrains.com/go/download')).toBeUndefined()
  })

  it('match ad servers, not the companies behind them', () => {
    expect(adHost('https://cdn.taboola.com/libtrc/site/loader.js')).toBe('taboola')
    expect(adHost('https://contextual.media.net/dmedianet.js')).toBe('medianet')
    expect(adHost('https://www.media.net/logo.png')).toBeUndefined()
    expect(adHost('https://www.criteo.com/logo.png')).toBeUndefined()
    expect(adHost('https://ws-na.amazon-adsystem.com/widgets/q')).toBe('amazon-adsystem')
    expect(adHost('https://cdn.jwplayer.com/players/x.js')).toBeUndefined()
  })
})
