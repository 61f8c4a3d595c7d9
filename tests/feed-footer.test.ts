/**
 * The feed-footer and call-to-action rules beyond their fixtures: what the
 * default patterns match sentence by sentence, that call-to-action is off by
 * default, and properties over generated article tails (footers, calls to
 * action, rules, headings, ads and look-alike sentences in any order):
 * cleaning is idempotent with the `boilerplate` group on or off, look-alikes
 * and prose always stay, and a footer that ends the article always goes.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {clean, createRuleSet} from '../src/index.js'
import type {RuleName} from '../src/plugin-api.js'

const rules = createRuleSet()
const footer = (text: string, hasLink = false) => rules.feedFooter.match(text, hasLink)?.id
const prompt = (text: string, urls: string[] = []) => rules.callToAction.match(text, urls)

describe('feedFooter patterns', () => {
  it.each([
    ['This post appeared first on "Harbor Notes". Read the entire article here', true],
    ['This post appeared first on dotnet.', false],
    ['The post Why tabs won appeared first on Example Blog.', false],
    ['The post Node.js 22. What is new? appeared first on Example Blog.', false],
    ['Der Beitrag Sauerteig im Winter erschien zuerst auf Das Brotblog.', false],
    ['La entrada Cuidar un bonsái se publicó primero en El Jardín.', false],
    ['O post Como fazer pão apareceu primeiro em Blog Exemplo.', false],
    ["L'article Comment faire du pain est apparu en premier sur Le Fournil.", false],
    ["L'articolo Come fare il pane sembra essere il primo su Il Forno.", false],
    ['Het bericht Brood bakken verscheen eerst op De Bakker.', false],
    ['Originally published at blog.example.com on May 3, 2018.', true],
    ['Originally published on Medium.', false],
    ['This article was originally published on my blog', false],
    ['This post was first posted at example.dev on 3 March 2021.', false],
    ['Cross-posted from my blog.', false],
    ['Also published here.', true],
    ['Read the entire article', true],
    ['Read the full story at Example News.', true],
    ['Continue reading →', true],
    ['Cet article est paru sur Le Blog de Marie.', false],
    ['Dieser Artikel erschien zuerst auf Beispiel Online.', false],
    ['Publicado originalmente en El Blog de Ana.', false],
    ['Este artigo foi publicado originalmente no Blog do Rui.', false],
  ])('matches %j', (text, hasLink) => {
    expect(footer(text, hasLink)).toBeDefined()
  })

  it.each([
    ['Originally published at MIT in 1980, the paper showed that caches matter.', true],
    ['This article was first published in a journal nobody read, and that is why it was found again.', false],
    ['This idea was originally published at MIT in 1980.', false],
    ['Originally published at blog.example.com on May 3, 2018.', false],
    ['Originally published in 1925.', false],
    ["Read the full tutorial on Jesse's blog", true],
    ['Read the entire article', false],
    ['We read the entire article twice before we understood it.', true],
    ['The post office appeared first on the map in 1802, long before the station.', false],
  ])('does not match %j', (text, hasLink) => {
    expect(footer(text, hasLink)).toBeUndefined()
  })
})

describe('callToAction prompts', () => {
  it.each([
    ['If you liked this, give it a clap 👏'],
    ["And if you found this article useful, don't forget to clap. 👏"],
    ['Follow me on Twitter/X for more'],
    ['You can check my website and follow me on Mastodon.'],
    ["Let's connect on LinkedIn!"],
    ['Subscribe to my newsletter'],
    ['Sign up for our newsletter.'],
    ['Join 5,000+ developers who read it every Friday.'],
    ['Buy me a coffee'],
    ['Enjoyed this article? Subscribe!'],
    ['Thanks for reading! If you enjoyed it, follow me on Mastodon for more.'],
    ['Share this article with a friend who needs it.'],
  ])('matches %j', (text) => {
    expect(prompt(text)).toBeDefined()
  })

  it('counts a support sentence as a prompt when the block links a donation page', () => {
    expect(prompt('If this helped, a small tip keeps the lights on.', ['https://ko-fi.com/someone'])).toBeDefined()
    expect(prompt('If this helped, a small tip keeps the lights on.', ['https://example.com/tips'])).toBeUndefined()
  })

  it.each([
    ['Thanks for reading!'],
    ['Happy coding!'],
    ['In this tutorial we build a newsletter signup form with React.'],
    ['Users can sign up for the newsletter from any page.'],
    ['Subscribe users to the mailing list with addMember.'],
    ['To follow along, clone the repo and follow the steps in the README.'],
    ['Follow me through the setup on the next page.'],
    ['The audience began to clap.'],
    ['Give it a try and clap along.'],
    ['Donate to the Red Cross to help the victims.'],
    ['Subscribe to my newsletter. It covers caching in depth, with benchmarks from our own fleet.'],
    ['Let me know in the comments.'],
  ])('does not match %j', (text) => {
    expect(prompt(text)).toBeUndefined()
  })
})

describe('call-to-action', () => {
  const article = 'Real content here.\n\nIf you liked this, give it a clap 👏\n'
  it('is off by default', () => {
    expect(clean(article).removals).toEqual([])
  })
  it('runs with --enable boilerplate or call-to-action', () => {
    for (const enable of [['boilerplate'], ['call-to-action']] satisfies RuleName[][]) {
      expect(clean(article, {enable}).markdown).toBe('Real content here.\n')
    }
  })
})

/** Pieces of an article's tail. */
const PIECES: Readonly<Record<string, string>> = {
  prose: 'Caches trade memory for time, and most of the time the trade is worth it for hot keys.',
  closing: 'That is all there is to it.',
  prose2: 'Measure first: a cache in front of a fast query only adds a second place for bugs.',
  list: '- Warm the cache on deploy.\n- Expire keys with jitter.',
  list2: '1. Read through.\n2. Write back.',
  heading: '## Wrapping up',
  ctaHeading: '## Stay in touch',
  hr: '---',
  code: '```\nThe post X appeared first on Y.\n```',
  quote: '> Originally published at example.com on May 3, 2018.',
  definition: '[ref]: https://example.com/ref',
  ad: '<!-- ads start -->\n<div class="ad">Buy now</div>\n<!-- ads end -->',
  iframe: '<iframe src="https://widgets.example.net/frame"></iframe>',
  video: '<iframe src="https://www.youtube.com/embed/abc123"></iframe>',
  splitList: '- First item.\n\n<!-- ads start -->\n<div class="ad">Buy now</div>\n<!-- ads end -->\n\n- Second item.',
  lookalike: 'The design was originally published at MIT in 1980, and it still shapes caches today.',
  lookalike2: 'To follow along, clone the repo and follow the steps in the README.',
  lookalike3: 'We build a newsletter signup form in the next part.',
  footerWp: 'The post [Caching 101](https://blog.example.org/caching) appeared first on [Example Blog](https://blog.example.org).',
  footerFeed: 'This post appeared first on "Cache Weekly". [Read the entire article here](https://cache.example.com/a)',
  footerMedium: '*Originally published at [cache.example.com](https://cache.example.com/b) on May 3, 2018.*',
  footerHtml:
    '<p>The post <a href="https://blog.example.org/c">Caching</a> appeared first on <a href="https://blog.example.org">Example</a>.</p>',
  glued: 'Measure again tomorrow. This post appeared first on "Cache Weekly". [Read the entire article here](https://cache.example.com/a)',
  ctaFrench: 'Si cet article vous a aidé, abonnez-vous à notre newsletter.',
  cta: 'If you liked this, give it a clap 👏 and follow me on Twitter for more!',
  cta2: 'Subscribe to my newsletter to get the next post in your inbox.',
  ctaList: '- [Buy me a coffee](https://ko-fi.com/someone)\n- [Follow me on GitHub](https://github.com/someone)',
  mixedList: '- [Docs](https://docs.example.com)\n- [Follow me on Mastodon](https://social.example/@me)',
}
const KEPT = ['prose', 'prose2', 'lookalike', 'lookalike2', 'lookalike3', 'code', 'quote'] as const

const tail = fc.record({
  pieces: fc.array(fc.constantFrom(...Object.keys(PIECES).filter((name) => name !== 'closing')), {minLength: 1, maxLength: 12}),
  crlf: fc.boolean(),
  tight: fc.boolean(),
})

function build({pieces, crlf, tight}: {pieces: string[]; crlf: boolean; tight: boolean}): string {
  const text = `# Title\n\n${pieces.map((name) => PIECES[name]).join(tight ? '\n' : '\n\n')}\n`
  return crlf ? text.replace(/\n/g, '\r\n') : text
}

describe('feed-footer and call-to-action on generated tails', () => {
  const settings = {numRuns: Number(process.env['FC_RUNS'] ?? 300), seed: Number(process.env['FC_SEED'] ?? 7)}

  it('are idempotent, with the boilerplate group on or off', () => {
    fc.assert(
      fc.property(tail, (spec) => {
        const input = build(spec)
        // duplicate-paragraph is left out: its outro window moves when two lists split by an ad merge
        // (a known issue of that rule, reproduced without any footer); every other rule runs.
        const disable: RuleName[] = ['duplicate-paragraph']
        for (const enable of [[], ['boilerplate']] satisfies RuleName[][]) {
          const once = clean(input, {enable, disable}).markdown
          expect(clean(once, {enable, disable}).markdown).toBe(once)
        }
      }),
      settings,
    )
  })

  it('never remove prose, look-alikes, quotes or code', () => {
    fc.assert(
      fc.property(tail, (spec) => {
        const output = clean(build(spec), {enable: ['boilerplate']}).markdown.replace(/\r\n/g, '\n')
        for (const name of KEPT) if (spec.pieces.includes(name)) expect(output).toContain(PIECES[name])
      }),
      settings,
    )
  })

  it('remove a footer that ends the article after prose', () => {
    fc.assert(
      fc.property(tail, fc.constantFrom('footerWp', 'footerFeed', 'footerMedium', 'footerHtml'), (spec, last) => {
        // A distinct closing paragraph: a repeated one may be an intro pasted again, which duplicate-paragraph removes.
        const pieces = [...spec.pieces, 'closing', last]
        const output = clean(build({...spec, pieces, tight: false})).markdown.replace(/\r\n/g, '\n')
        expect(output.endsWith(`${PIECES['closing']}\n`)).toBe(true)
      }),
      settings,
    )
  })
})
