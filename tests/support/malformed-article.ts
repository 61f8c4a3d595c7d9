/**
 * fast-check arbitraries for articles with broken markup, for the shape
 * property tests: links whose bracket or parenthesis never closes, HTML in
 * link destinations (the Ghost image credit `[Name](https://…?utm_source=
 * ghost&amp;…">Name</a> / <a href="https://…?utm_source=…)`), attribute
 * quotes never closed, `&amp;` separators, tracking parameters in every kind
 * of URL, affiliate links and buttons, unsafe HTML, ad units and regions,
 * link farms, calls to action and feed footers — mixed into paragraphs,
 * list items, headings, quotes and table cells.
 *
 * Between them stand *clean* paragraphs: invented prose (each one unique,
 * so no rule sees a repeat) with at most a normal link, emphasis or inline
 * code, set off by blank lines. They hold no spam, so every one of them must
 * survive cleaning byte for byte; the built article lists them.
 *
 * What is never generated: markup that hides the rest of the article by
 * design (an unclosed `<!--`, `<script>`, `<pre>` or code fence), since then
 * removing what follows is what a browser would show — not what is tested.
 */
import fc from 'fast-check'

const WORDS = [
  'water',
  'the',
  'pots',
  'early',
  'soil',
  'roots',
  'basil',
  'mint',
  'tomato',
  'balcony',
  'shade',
  'morning',
  'evening',
  'drain',
  'saucer',
  'clay',
  'compost',
  'leaves',
  'stems',
  'seedlings',
  'trellis',
  'mulch',
  'rain',
  'barrel',
  'hose',
  'gently',
  'twice',
  'weekly',
  'until',
  'before',
  'after',
  'dry',
  'damp',
  'warm',
  'cool',
  'green',
  'yellow',
  'small',
]
const NAMES = ['Mara Quinn', 'Ilya Brandt', 'Sol Ortega', 'Pia Lund', 'Theo Marsh']
const HOSTS = ['garden.example', 'plants.example.org', 'seeds.example.net']
const TRACKING = [
  'utm_source=news',
  'utm_medium=email',
  'utm_campaign=spring',
  'fbclid=IwAR0x',
  'gclid=Cj0K',
  'mc_eid=ab12',
  'ref=producthunt',
]
const KEPT = ['id=3', 'page=2', 'q=basil', 'lang=en']
const SEPARATORS = ['&', '&amp;', '&#038;']

/** A word sequence of `min`–`max` words. */
const words = (min: number, max: number) =>
  fc.array(fc.constantFrom(...WORDS), {minLength: min, maxLength: max}).map((list) => list.join(' '))

/** A query: tracking and kept parameters, in any order, joined by `&`, `&amp;` or `&#038;`. */
const query = fc
  .tuple(fc.array(fc.constantFrom(...TRACKING, ...KEPT), {minLength: 1, maxLength: 4}), fc.constantFrom(...SEPARATORS))
  .map(([params, separator]) => `?${params.join(separator)}`)

/** A URL with a query full of tracking parameters, maybe a fragment. */
const trackedUrl = fc
  .tuple(fc.constantFrom(...HOSTS), words(1, 2), query, fc.constantFrom('', '#care', '#/step?x=1'))
  .map(([host, path, search, fragment]) => `https://${host}/${path.replace(/ /g, '-')}${search}${fragment}`)

/** Pieces of broken or spammy markup that may stand inside a line. */
const inlineAtom: fc.Arbitrary<string> = fc.oneof(
  // The Ghost image credit: HTML inside a link destination, a quote left open.
  fc
    .tuple(fc.constantFrom(...NAMES), query, query)
    .map(
      ([name, first, second]) =>
        `_Photo by [${name}](https://unsplash.example/@${name.split(' ')[0]!.toLowerCase()}${first}">${name}</a> / <a href="https://unsplash.example/${second})_`,
    ),
  fc.tuple(words(1, 3), trackedUrl).map(([text, url]) => `[${text}](${url}"><img src="https://img.example/p.png">)`),
  // Brackets and parentheses that never close.
  fc.tuple(words(1, 3), trackedUrl).map(([text, url]) => `[${text}(${url}`),
  fc.tuple(words(1, 3), trackedUrl).map(([text, url]) => `[${text}](${url}`),
  fc.tuple(words(1, 3), trackedUrl).map(([text, url]) => `[${text}]${url})`),
  // Attribute quotes that never close.
  fc.tuple(words(1, 3), trackedUrl).map(([text, url]) => `<a href="${url}>${text}</a>`),
  fc.tuple(words(1, 3), trackedUrl).map(([text, url]) => `<a href='${url}">${text}</a>`),
  fc.tuple(trackedUrl).map(([url]) => `<img src="${url}`),
  // Tracking parameters in every kind of URL.
  fc.tuple(words(1, 3), trackedUrl).map(([text, url]) => `[${text}](${url})`),
  fc.tuple(words(1, 3), trackedUrl).map(([text, url]) => `[${text}](<${url}> "a title")`),
  trackedUrl.map((url) => `<${url}>`),
  trackedUrl,
  fc.tuple(trackedUrl, words(1, 4)).map(([url, text]) => `{\\"url\\":\\"${url}\\",\\"text\\":\\"${text}\\"}`),
  fc.tuple(trackedUrl, words(1, 4)).map(([url, text]) => `"${url}" ${text}`),
  fc.tuple(words(1, 2), trackedUrl).map(([text, url]) => `![${text}](${url})`),
  fc.tuple(words(1, 3), trackedUrl).map(([text, url]) => `<a href="${url}">${text}</a>`),
  fc.tuple(words(1, 3), trackedUrl).map(([text, url]) => `<a href=${url}>${text}</a>`),
  // Affiliate links and buttons.
  words(1, 3).map((text) => `[${text}](https://brand.pxf.io/c/123/456/789)`),
  words(1, 3).map((text) => `[**${text}**](https://tools.techidaily.com/pot-helper/download/)`),
  fc.constant('[Buy Now on Amazon](https://www.amazon.com/dp/B00TEST?tag=garden-20&utm_source=x)'),
  words(1, 3).map((text) => `<a href="https://brand.sjv.io/c/1/2/3">${text}</a>`),
  fc.constant('[](https://brand.7eer.net/c/1/2/3)'),
  // Unsafe HTML and URLs.
  words(1, 3).map((text) => `[${text}](javascript:alert(1))`),
  words(1, 3).map((text) => `<span onclick="steal()">${text}</span>`),
  fc.tuple(words(1, 3), trackedUrl).map(([text, url]) => `<a href="${url}" onmouseover="steal()">${text}</a>`),
  fc.constant('<img src="x.png" onerror="steal()">'),
  // Ad units and pixels inside a line.
  fc.constant('<ins class="adsbygoogle" data-ad-client="ca-pub-1234567890123456" data-ad-slot="42"></ins>'),
  fc.constant('<img src="https://pixel.example/p.gif" width="1" height="1">'),
  // Filter-list matches (lists given by the test).
  words(1, 3).map((text) => `[${text}](https://ads.example/c?id=1)`),
  words(1, 3).map((text) => `<span class="ad-box">${text}</span>`),
  // Links in links, images in links, references.
  fc.tuple(words(1, 2), trackedUrl, trackedUrl).map(([text, inner, outer]) => `[${text} [more](${inner}) ${text}](${outer})`),
  fc.tuple(words(1, 2), trackedUrl).map(([text, url]) => `[![${text}](${url})](https://brand.pxf.io/c/9)`),
  fc.tuple(words(1, 3), fc.nat(3)).map(([text, n]) => `[${text}][ref${n}]`),
  // Tags left open, closed (or not) in a later block.
  fc.constantFrom(
    '<a href="https://brand.sjv.io/c/1/2/3">',
    '<ins class="adsbygoogle">',
    '<span onclick="steal()">',
    '<a href="https://garden.example/?utm_source=x">',
    '<b>',
  ),
  // Stray pieces.
  fc.constantFrom('</a>', '</ins>', '</b>', '<div class="card"', ']', '[', '(', ')', '">', '&amp;', '<', '>', '**', '_', '<br>', '</span>'),
)

/** A line of words and atoms. */
const spamLine = fc
  .array(fc.oneof({weight: 2, arbitrary: words(1, 5)}, {weight: 3, arbitrary: inlineAtom}), {minLength: 1, maxLength: 5})
  .map((parts) => parts.join(' '))

/** A block holding spam or broken markup, in one of the Markdown contexts. */
const spamBlock: fc.Arbitrary<string> = fc.oneof(
  {weight: 4, arbitrary: spamLine},
  {weight: 1, arbitrary: fc.array(spamLine, {minLength: 2, maxLength: 3}).map((lines) => lines.join('\n'))},
  {weight: 2, arbitrary: fc.array(spamLine, {minLength: 1, maxLength: 4}).map((lines) => lines.map((line) => `- ${line}`).join('\n'))},
  {weight: 1, arbitrary: spamLine.map((line) => `## ${line}`)},
  {weight: 1, arbitrary: spamLine.map((line) => `> ${line}`)},
  {
    weight: 1,
    arbitrary: fc
      .tuple(words(1, 2), spamLine)
      .map(([cell, line]) => `| Plant | Note |\n| --- | --- |\n| ${cell} | ${line.replace(/\|/g, '/')} |`),
  },
  {weight: 1, arbitrary: fc.tuple(fc.nat(3), trackedUrl).map(([n, url]) => `[ref${n}]: ${url}`)},
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.nat(3), fc.constantFrom('https://brand.pxf.io/c/4', 'javascript:alert(1)', 'https://ads.example/r'))
      .map(([n, url]) => `[ref${n}]: ${url}`),
  },
  {weight: 1, arbitrary: fc.tuple(spamLine, spamLine).map(([item, sub]) => `- ${item}\n  - ${sub}`)},
  {
    weight: 1,
    arbitrary: fc
      .array(words(2, 4), {minLength: 3, maxLength: 5})
      .map((items) => `Related posts:\n${items.map((item, index) => `- [${item}](https://${HOSTS[index % 3]}/${index}/)`).join('\n')}`),
  },
  {
    weight: 1,
    arbitrary: words(2, 5).map(
      (text) =>
        `<!-- affiliate ads begin -->\n<a href="https://brand.pxf.io/c/1"><img src="banner.png"></a> ${text}\n<!-- affiliate ads end -->`,
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constant('<ins class="adsbygoogle"\n     style="display:block"\n     data-ad-client="ca-pub-1234567890123456"></ins>'),
  },
  {weight: 1, arbitrary: fc.constant('<div class="ad-box">\n<a href="https://ads.example/c?id=2">Offer</a>\n</div>')},
  {weight: 1, arbitrary: fc.constantFrom('Advertisement', '**Advertisement**')},
  {weight: 1, arbitrary: fc.constant('If you enjoyed this, give it a clap 👏 and follow me on Twitter for more!')},
  {
    weight: 1,
    arbitrary: fc.constant(
      'The post [Watering pots](https://blog.example/watering) appeared first on [Balcony Notes](https://blog.example).',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constant(
      '<span class="atpl-alsoreadstyle">Also read:</span>\n<div><ul>\n<li><a href="https://garden.example/a">Pots</a></li>\n<li><a href="https://garden.example/b">Soil</a></li>\n</ul></div>',
    ),
  },
)

/** A clean paragraph: unique invented prose, maybe with a normal link, emphasis or inline code. */
const cleanParagraph = (index: number) =>
  fc
    .tuple(
      words(4, 12),
      fc.constantFrom('', ' [the care notes](https://garden.example/care/notes)', ' *gently*', ' `pH 6.5`'),
      words(3, 8),
      fc.boolean(),
    )
    .map(([first, extra, second, twoLines]) => `Entry ${index} says ${first}${extra}${twoLines ? '\n' : ' '}${second}.`)

/** Frontmatter with tracking parameters, empty and duplicate values for the frontmatter rule, or none. */
const frontmatter = fc.option(
  fc
    .tuple(trackedUrl, words(2, 5), fc.boolean())
    .map(
      ([url, title, extra]) =>
        `---\ntitle: ${title}\ncanonical_url: ${url}\ndescription: ${title}\n${extra ? `excerpt: ${title}\nkeywords: ""\n` : ''}---\n\n`,
    ),
  {nil: ''},
)

/** One block of an article's plan: a clean paragraph, the last clean one again, or spam (glued to spam before it, or not). */
type Planned = {kind: 'clean'} | {kind: 'repeat'} | {kind: 'spam'; text: string; glued: boolean}

/** An article: its text and the clean paragraphs that must survive. */
export interface MalformedArticle {
  text: string
  clean: string[]
}

/** Articles of clean paragraphs and blocks of spam and broken markup, LF or CRLF. */
export const malformedArticle: fc.Arbitrary<MalformedArticle> = fc
  .tuple(
    fc.array(
      fc.oneof(
        {weight: 2, arbitrary: fc.constant<Planned>({kind: 'clean'})},
        {weight: 1, arbitrary: fc.constant<Planned>({kind: 'repeat'})},
        {weight: 3, arbitrary: fc.tuple(spamBlock, fc.boolean()).map(([text, glued]): Planned => ({kind: 'spam', text, glued}))},
      ),
      {minLength: 1, maxLength: 12},
    ),
    frontmatter,
    fc.boolean(),
  )
  .chain(([plan, head, crlf]) => {
    const cleanCount = plan.filter((block) => block.kind === 'clean').length
    return fc.tuple(
      fc.constant(plan),
      fc.tuple(...Array.from({length: cleanCount}, (_, index) => cleanParagraph(index))),
      fc.constant(head),
      fc.constant(crlf),
    )
  })
  .map(([plan, cleans, head, crlf]) => {
    let text = ''
    let cleanIndex = 0
    let previousClean = true
    for (const block of plan) {
      // A repeat (a scraper's double) stands right after the paragraph it repeats.
      if (block.kind === 'repeat' && !previousClean) continue
      const body = block.kind === 'clean' ? cleans[cleanIndex++]! : block.kind === 'repeat' ? cleans[cleanIndex - 1]! : block.text
      // Clean paragraphs stand between blank lines; spam may be glued to spam.
      const joiner = text === '' ? '' : block.kind === 'spam' && block.glued && !previousClean ? '\n' : '\n\n'
      text += joiner + body
      previousClean = block.kind !== 'spam'
    }
    text = `${head}${text}\n`
    const eol = (value: string) => (crlf ? value.replace(/\n/g, '\r\n') : value)
    return {text: eol(text), clean: cleans.map(eol)}
  })
