/**
 * Deterministic generator of scraped-looking Markdown articles, for the bench
 * and the property tests.
 *
 * Every piece is invented text arranged in the shapes the real corpus shows
 * (see /work/shared/corpus/README.md): Hexo/Ghost/Jekyll frontmatter, how-to
 * steps with screenshots, affiliate ad regions between list items, AdSense
 * units, an "Also read:" link farm, affiliate links inside sentences, retail
 * buttons, a repeated intro — and the legitimate look-alikes that must stay
 * (ad markup inside code, short lines repeated on purpose, tables).
 *
 * An article is described by a *spec* — a frontmatter style plus a list of
 * `[pieceName, seed]` blocks — and built with {@link buildArticle}. Specs keep
 * fast-check shrinking meaningful (drop a block, shrink a seed) and let the
 * bench draw thousands of articles from one seed ({@link generateCorpus}).
 *
 * Blocks are joined by a blank line, except after a block that ends with a
 * line break: that one is glued to the next line, as scraped ad regions are
 * (`<!-- affiliate ads end -->\n## Next heading`).
 *
 * @example
 *   buildArticle({frontmatter: 'hexo', blocks: [['heading', 1], ['paragraph', 2], ['adBlock', 3]]})
 */
import {createRandom} from './random.js'

/** @typedef {import('./random.js').Random} Random */
/** A piece: `(random) → Markdown block`. @typedef {(random: Random) => string} Piece */
/** A block: a piece name (or `repeat`) and its seed. @typedef {readonly [name: string, seed: number]} Block */
/**
 * What {@link buildArticle} builds.
 *
 * @typedef {object} ArticleSpec
 * @property {string | null | undefined} [frontmatter]
 * @property {number | undefined} [frontmatterSeed]
 * @property {readonly Block[]} blocks
 * @property {boolean | undefined} [crlf]
 * @property {boolean | undefined} [bom]
 * @property {{text: string, at: number} | undefined} [insert] Text spliced in at the start of body line `at` (modulo the line count).
 */
/** @typedef {{name: string, kind: string, text: string}} GeneratedArticle */

// ---------------------------------------------------------------------------
// Vocabulary (invented; no corpus text)

const NOUNS = [
  'printer',
  'driver',
  'router',
  'screen',
  'monitor',
  'laptop',
  'keyboard',
  'update',
  'setting',
  'profile',
  'network',
  'adapter',
  'folder',
  'service',
  'cable',
  'speaker',
  'battery',
  'firmware',
  'console',
  'device',
  'partition',
  'spooler',
  'display',
  'browser',
  'cache',
  'account',
  'tablet',
  'camera',
  'headset',
  'modem',
  'registry',
  'toolbar',
  'widget',
]
const VERBS = [
  'restart',
  'check',
  'open',
  'select',
  'update',
  'remove',
  'install',
  'reset',
  'configure',
  'disable',
  'enable',
  'connect',
  'scan',
  'repair',
  'verify',
  'download',
  'replace',
  'adjust',
  'launch',
  'close',
  'pair',
  'rename',
]
const ADJECTIVES = [
  'quick',
  'outdated',
  'missing',
  'wireless',
  'default',
  'hidden',
  'correct',
  'faulty',
  'latest',
  'shared',
  'local',
  'slow',
  'blank',
  'stuck',
  'noisy',
  'stable',
  'offline',
  'primary',
  'external',
  'built-in',
  'generic',
  'unknown',
]
const FILLER = ['then', 'and', 'so that', 'because', 'before', 'after', 'while', 'until', 'unless', 'once', 'when', 'if']
const BRANDS = ['Quillbyte', 'Norvale', 'Tessaro', 'Brightwell', 'Okapi Labs', 'Zentrix', 'Marlowe', 'Pindrop', 'Calyx']
const PRODUCTS = ['DriverDoc', 'FixPilot', 'SpoolMate', 'PixelMend', 'SyncHarbor', 'TuneDeck', 'ClipVault', 'PassNook']
const LANGUAGES = ['js', 'ts', 'python', 'bash', 'html', 'css', 'json', '']
const SITES = ['fix-guide', 'screen-tips', 'win-help', 'gadget-notes', 'phone-care', 'print-desk']

/** @param {string} text */
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** @param {Random} r */
function sentence(r) {
  const parts = [r.pick(VERBS), 'the', r.pick(ADJECTIVES), r.pick(NOUNS)]
  const clauses = r.int(1, 3)
  for (let index = 0; index < clauses; index++) {
    parts.push(r.pick(FILLER), 'the', r.pick(NOUNS), r.pick(['is', 'looks', 'stays', 'becomes', 'seems']), r.pick(ADJECTIVES))
  }
  if (r.chance(0.3)) parts.push('on', r.pick(['Windows 11', 'Windows 10', 'macOS', 'Android 14', 'Ubuntu']))
  return `${capitalise(parts.join(' '))}.`
}

/**
 * @param {Random} r
 * @param {number} sentences
 */
function proseText(r, sentences) {
  return Array.from({length: sentences}, () => sentence(r)).join(' ')
}

/** @param {Random} r */
function title(r) {
  return `${capitalise(r.pick(VERBS))} the ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)} ${r.pick(['in minutes', 'on any PC', 'the easy way', 'for good', 'step by step'])}`
}

/** @param {string} text */
function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/** @param {Random} r */
function date(r) {
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0')
  return {
    year: r.int(2019, 2025),
    month: pad(r.int(1, 12)),
    day: pad(r.int(1, 28)),
    time: `${pad(r.int(0, 23))}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))}`,
  }
}

/** @param {Random} r */
function imageUrl(r) {
  return `https://img.${r.pick(['shotbox', 'pixcdn', 'snapstore'])}.example/${r.int(2018, 2024)}/${r.hex(10)}.${r.pick(['png', 'jpg', 'webp'])}`
}

// ---------------------------------------------------------------------------
// Frontmatter styles

/** Frontmatter generators by style: `hexo` (techidaily), `ghost` (freeCodeCamp), `jekyll` (techhub), `plain`. */
/** @type {Readonly<Record<string, Piece>>} */
export const FRONTMATTERS = {
  hexo(r) {
    const name = title(r)
    const d = date(r)
    const description = `This Article Describes ${name}`
    const keywords = Array.from(
      {length: r.int(3, 8)},
      () => `${capitalise(r.pick(ADJECTIVES))} ${capitalise(r.pick(NOUNS))} ${r.pick(['Fix', 'Guide', 'Tips', 'Errors'])}`,
    )
    if (r.chance(0.3)) keywords.push(keywords[0])
    const keywordLine = r.chance(0.3) ? `"${keywords.join(',')}"` : keywords.join(',')
    const dateLine = r.chance(0.5) ? `${d.year}-${d.month}-${d.day} ${d.time}` : `${d.year}-${d.month}-${d.day}T${d.time}.${r.digits(3)}Z`
    return [
      '---',
      `title: ${r.chance(0.5) ? `"${name}"` : name}`,
      `date: ${dateLine}`,
      `updated: ${d.year}-${d.month}-${d.day}T${d.time}.000Z`,
      'tags:',
      ...r.some(['win11', 'win10', 'drivers', 'printer', 'android'], r.int(1, 3)).map((tag) => `  - ${tag}`),
      'categories:',
      `  - ${r.pick(['PrinterIssues', 'Windows', 'Graphics', 'Phones'])}`,
      `description: ${description}`,
      `excerpt: ${description}`,
      `keywords: ${keywordLine}`,
      `thumbnail: https://thumbs.example/${r.hex(32)}.jpg`,
      '---',
    ].join('\n')
  },
  ghost(r) {
    const name = title(r)
    const d = date(r)
    const tags = r.some(['JavaScript', 'Python', 'CSS', 'React', 'Git', 'Docker'], r.int(1, 4))
    return [
      '---',
      `title: ${name}`,
      "subtitle: ''",
      `author: ${r.pick(['Ada Brightwell', 'Tomas Okafor', 'freeCodeCamp', 'Lena Varga'])}`,
      'co_authors: []',
      'series: null',
      `date: '${d.year}-${d.month}-${d.day}T${d.time}.000Z'`,
      `originalURL: https://news.example.org/${slug(name)}`,
      'tags:',
      ...tags.flatMap((tag) => [`- name: ${tag}${r.chance(0.5) ? ' ' : ''}`, `  slug: ${tag.toLowerCase()}`]),
      'seo_title: null',
      `seo_desc: "${proseText(r, 1).slice(0, 80)}..."`,
      '---',
    ].join('\n')
  },
  jekyll(r) {
    const name = title(r)
    const d = date(r)
    const tags = r.some(['AI', 'Azure', 'DevOps', 'Security', '.NET', 'GitHub Copilot'], r.int(2, 5))
    const tagLines = r.chance(0.5) ? [`tags: [${tags.join(', ')}]`] : ['tags:', ...tags.map((tag) => `- ${tag}`)]
    return [
      '---',
      `layout: "post"`,
      `title: "${name}"`,
      `author: ${r.pick(['Dev Team', 'Priya N.', 'cloudwriter'])}`,
      `date: ${d.year}-${d.month}-${d.day} ${d.time} +00:00`,
      ...tagLines,
      `feed_name: ${r.pick(['Dev Weekly', 'Cloud Notes', 'Ops Digest'])}`,
      `canonical_url: https://feed.example/${slug(name)}`,
      '---',
    ].join('\n')
  },
  plain(r) {
    return ['---', `title: ${title(r)}`, `date: ${(({year, month, day}) => `${year}-${month}-${day}`)(date(r))}`, '---'].join('\n')
  },
}

// ---------------------------------------------------------------------------
// Spam pieces

/** @param {Random} r */
function impactIds(r) {
  return {account: r.digits(7), ad: r.digits(7), campaign: r.digits(5)}
}

/** The inside of an affiliate ad region, by kind. */
/** @type {Readonly<Record<string, Piece>>} */
const AD_CONTENTS = {
  banner(r) {
    const id = impactIds(r)
    const brand = slug(r.pick(BRANDS))
    return (
      `<a href="https://${brand}.${r.pick(['sjv.io', 'pxf.io', '7eer.net'])}/c/${id.account}/${id.ad}/${id.campaign}" target="_top" id="${id.ad}">` +
      `<img src="//a.impactradius-go.com/display-ad/${id.campaign}-${id.ad}" border="0" alt="" width="${r.pick([728, 300, 1280])}" height="${r.pick([90, 250, 720])}"/></a>` +
      `<img height="0" width="0" src="https://imp.pxf.io/i/${id.account}/${id.ad}/${id.campaign}" style="position:absolute;visibility:hidden;" border="0" />`
    )
  },
  video(r) {
    const id = impactIds(r)
    const brand = slug(r.pick(BRANDS))
    return [
      `<span id="${id.ad}">`,
      `\t\t\t\t\t<video width="${r.int(200, 600)}" height="${r.int(200, 400)}" style="cursor:pointer"`,
      `           poster="//a.impactradius-go.com/display-clicktoplayimage/${id.ad}.png"`,
      `           onclick="if(!this.playClicked){this.play();this.setAttribute('controls',true);this.playClicked=true;}">`,
      `\t   <source src="//a.impactradius-go.com/display-ad/${id.campaign}-${id.ad}">`,
      `\t</video>`,
      `\t<div style="width:200px;text-align:center"><a href="javascript:window.open(decodeURIComponent('https%3A%2F%2F${brand}.sjv.io%2Fc%2F${id.account}%2F${id.ad}'), '_blank');void(0);">Click here</a></div>`,
      '</span>',
      `<img height="0" width="0" src="https://imp.pxf.io/i/${id.account}/${id.ad}/${id.campaign}" style="position:absolute;visibility:hidden;" border="0" />`,
    ].join('\n')
  },
  checkout(r) {
    const product = r.pick(PRODUCTS)
    const eol = r.chance(0.5) ? '\r\n' : '\n'
    const lines = [
      `<a href="https://secure.2checkout.com/order/checkout.php?PRODS=${r.digits(8)}&QTY=1&AFFILIATE=${r.digits(6)}&CART=1"><img src="https://secure.avangate.example/images/${r.hex(12)}.png" border="0">${product} - ${proseText(r, 1)} `,
      '',
      ` ${proseText(r, 2)}  `,
      '',
      ` ${product} (${r.pick(['Lifetime License', '1 Year / 3 PCs', 'Personal Edition'])})</a>`,
    ]
    return lines.join(eol)
  },
  textAd(r) {
    const id = impactIds(r)
    const brand = slug(r.pick(BRANDS))
    return [
      `<h3 id="${id.ad}"><a href="https://${brand}.7eer.net/c/${id.account}/${id.ad}/${id.campaign}">${r.pick(BRANDS)} ${capitalise(r.pick(NOUNS))} Suite</a></h3>`,
      '<span class="text-ad-content">',
      `\t#1 Rated ${capitalise(r.pick(NOUNS))} Software.<br/>`,
      `\t\t<cite style="color:green">${brand}.example/offer/</cite>`,
      `\t</span><img height="0" width="0" src="https://${brand}.7eer.net/i/${id.account}/${id.ad}/${id.campaign}" style="position:absolute;visibility:hidden;" border="0" />`,
    ].join('\n')
  },
  iframe(r) {
    return `<iframe width="560" height="315" src="https://www.youtube.com/embed/${r.hex(11)}" frameborder="0" allowfullscreen></iframe>`
  },
  empty() {
    return ''
  },
}

/** Spam and content pieces by name: `(random) → Markdown block`. */
/** @type {Readonly<Record<string, Piece>>} */
export const PIECES = {
  heading(r) {
    return `${'#'.repeat(r.int(2, 4))} ${r.chance(0.5) ? `Method ${r.int(1, 9)}: ` : ''}${title(r)}`
  },
  paragraph(r) {
    return `${r.chance(0.4) ? ' ' : ''}${proseText(r, r.int(2, 5))}`
  },
  shortLine(r) {
    return r.pick(["Here's what the code does:", 'To fix it:', 'Output:', 'For example:', 'Note:'])
  },
  steps(r) {
    const count = r.int(2, 5)
    const out = []
    for (let step = 1; step <= count; step++) {
      out.push(`**${step})** ${capitalise(r.pick(VERBS))} **${capitalise(r.pick(NOUNS))}** ${proseText(r, 1).toLowerCase()}`)
      if (r.chance(0.7)) out.push(`![](${imageUrl(r)})`)
    }
    return out.join('\n\n')
  },
  /** A numbered list with screenshots and ad regions between its items. */
  stepsWithAds(r) {
    const count = r.int(2, 4)
    let out = ''
    for (let step = 1; step <= count; step++) {
      out += `${step}. ${proseText(r, 1)}\n\n`
      if (r.chance(0.5)) out += `   ![${r.pick(NOUNS)}](${imageUrl(r)})\n\n`
      // As in the corpus, about one region in eight is glued to the next step.
      if (step < count && r.chance(0.7)) out += `${adRegion(r)}\n${r.chance(0.88) ? '\n' : ''}`
    }
    return out.trimEnd()
  },
  bulletList(r) {
    return Array.from({length: r.int(2, 6)}, () => `${r.pick(['*', '-'])} ${proseText(r, 1)}`).join('\n')
  },
  code(r) {
    const language = r.pick(LANGUAGES)
    const body = Array.from(
      {length: r.int(2, 8)},
      () => `${r.pick(['const', 'let', 'print', 'echo', '//'])} ${r.pick(NOUNS)}_${r.int(1, 99)} = ${r.int(0, 1000)}`,
    )
    return `\`\`\`${language}\n${body.join('\n')}\n\`\`\``
  },
  /** A tutorial that shows ad markup: in a fenced block, an indented block or inline code. All of it must stay. */
  codeWithAdMarkup(r) {
    const id = r.digits(10)
    const markup = [
      '<!-- affiliate ads begin -->',
      `<ins class="adsbygoogle" data-ad-client="ca-pub-${id}" data-ad-slot="${r.digits(10)}"></ins>`,
      `<a href="https://tools.techidaily.com/${slug(r.pick(PRODUCTS))}/download/">Download</a>`,
      '<!-- affiliate ads end -->',
    ]
    const form = r.int(0, 2)
    if (form === 0) return `\`\`\`html\n${markup.join('\n')}\n\`\`\``
    if (form === 1) return `${proseText(r, 1)}\n\n${markup.map((line) => `    ${line}`).join('\n')}`
    return `Paste \`<ins class="adsbygoogle"></ins>\` where the unit should go, and keep \`<!-- ads end -->\` after it.`
  },
  table(r) {
    const rows = Array.from({length: r.int(2, 5)}, () => `| ${capitalise(r.pick(NOUNS))} | ${r.pick(ADJECTIVES)} | ${r.int(1, 99)} |`)
    return ['| Part | State | Count |', '| --- | --- | ---: |', ...rows].join('\n')
  },
  image(r) {
    return `![${r.pick(NOUNS)} ${r.pick(ADJECTIVES)}](${imageUrl(r)})`
  },
  blockquote(r) {
    return `> ${proseText(r, 2)}`
  },
  /**
   * An `<!-- affiliate ads begin -->` … `end` region; about one in eight is
   * glued to the next block (`…end -->\n## Heading`), as measured on the
   * scraped corpus (25 of 207 regions), the others are set off by a blank line.
   */
  adBlock(r) {
    return r.chance(0.12) ? `${adRegion(r)}\n` : adRegion(r)
  },
  adsense(r) {
    const client = r.digits(16)
    if (r.chance(0.5)) {
      return [
        '<ins class="adsbygoogle"',
        '     style="display:block"',
        '     data-ad-format="autorelaxed"',
        `     data-ad-client="ca-pub-${client}"`,
        `     data-ad-slot="${r.digits(10)}"></ins>`,
      ].join('\n')
    }
    return [
      '<ins class="adsbygoogle"',
      '     style="display:block"',
      `     data-ad-client="ca-pub-${client}"`,
      `     data-ad-slot="${r.digits(10)}"`,
      '     data-ad-format="auto"',
      '     data-full-width-responsive="true"></ins>',
    ].join('\n')
  },
  linkFarm(r) {
    const items = Array.from({length: r.int(9, 20)}, () => {
      const name = title(r)
      return `<li><a href="https://${r.pick(SITES)}.techidaily.com/${slug(name)}/"><u>${name}</u></a></li>`
    })
    return ['<span class="atpl-alsoreadstyle">Also read:</span>', '<div><ul>', ...items, '</ul></div>'].join('\n')
  },
  affiliateSentence(r) {
    const product = r.pick(PRODUCTS)
    const link = `https://tools.techidaily.com/${slug(product)}/download/`
    const forms = [
      () => `You can do it automatically with [**${product}**](${link}) . ${proseText(r, 1)}`,
      () => `**1)** [**Download**](${link}) and install **${product}** .`,
      () =>
        `${proseText(r, 1)} Contact the support team at **[help@${slug(product)}.example](mailto:help@${slug(product)}.example)** for advice.`,
      () => `* [${capitalise(r.pick(NOUNS))}](${link})\n* [Windows](${link})`,
      () => `${proseText(r, 1)} Try this [book on ${r.pick(NOUNS)}s](https://amzn.to/${r.hex(7)}) (affiliate link).`,
    ]
    return r.pick(forms)()
  },
  amazonButtons(r) {
    const asin = `B0${r.hex(8).toUpperCase()}`
    return `[View On Amazon](https://www.amazon.com/dp/${asin}/?tag=${r.pick(['gadgetsite', 'reviewhub'])}-20) [View On Best Buy](https://shop-links.example/link/?url=${r.hex(10)})\n\n$${r.int(12, 400)}`
  },
  excerptEnd(r) {
    return `${proseText(r, 2)}<!--excerpt_end-->`
  },
  feedFooter(r) {
    return `This post appeared first on "${r.pick(['Dev Weekly', 'Cloud Notes'])}". [Read the entire article here](https://blog.example/${r.hex(6)})`
  },
}

/** @param {Random} r */
function adRegion(r) {
  const kind = r.pick(['banner', 'banner', 'video', 'checkout', 'textAd', 'iframe', 'empty'])
  const content = AD_CONTENTS[kind](r)
  return content
    ? `<!-- affiliate ads begin -->\n${content}\n<!-- affiliate ads end -->`
    : '<!-- affiliate ads begin -->\n<!-- affiliate ads end -->'
}

/** Every piece name, in a fixed order (for fast-check's `constantFrom`). */
export const PIECE_NAMES = Object.keys(PIECES)
/** Every frontmatter style, in a fixed order. */
export const FRONTMATTER_STYLES = Object.keys(FRONTMATTERS)

/**
 * Build an article from a spec.
 *
 * @param {ArticleSpec} spec
 *   A block `['repeat', k]` copies the text of an earlier block (index `k` modulo the blocks so far), the
 *   way scraped posts paste their intro again at the end. `insert` splices text in at the start of body
 *   line `at` (modulo the line count), before line endings are converted.
 * @returns {string}
 */
export function buildArticle(spec) {
  /** @type {string[]} */
  const texts = []
  for (const [name, seed] of spec.blocks) {
    if (name === 'repeat') {
      // Repeat an earlier prose block if there is one, like an intro pasted again.
      const earlier = texts.filter((text) => !text.endsWith('\n'))
      if (earlier.length > 0) texts.push(earlier[Math.abs(seed) % earlier.length])
      continue
    }
    const piece = PIECES[name]
    if (!piece) throw new Error(`unknown piece ${name}`)
    texts.push(piece(createRandom(seed)))
  }
  let body = ''
  for (const text of texts) {
    if (body && !body.endsWith('\n')) body += '\n\n'
    body += text
  }
  if (!body.endsWith('\n')) body += '\n'
  if (spec.insert) {
    // Splice extra text (noise, in property tests) in at the start of one body line.
    const starts = [0, ...[...body.matchAll(/\n/g)].map((match) => match.index + 1).filter((offset) => offset < body.length)]
    const at = starts[Math.abs(spec.insert.at) % starts.length]
    body = body.slice(0, at) + spec.insert.text + body.slice(at)
  }
  let article = body
  if (spec.frontmatter) {
    const make = FRONTMATTERS[spec.frontmatter]
    if (!make) throw new Error(`unknown frontmatter style ${spec.frontmatter}`)
    article = `${make(createRandom(spec.frontmatterSeed ?? 0))}\n\n${body}`
  }
  if (spec.crlf) article = article.replace(/\r?\n/g, '\r\n')
  if (spec.bom) article = `\uFEFF${article}`
  return article
}

/** Article families and how often the generator draws them. */
const KINDS = [
  {kind: 'howto', weight: 5},
  {kind: 'tutorial', weight: 3},
  {kind: 'feed', weight: 1.5},
  {kind: 'clean', weight: 0.5},
]

/** @param {Random} r */
function pickKind(r) {
  const total = KINDS.reduce((sum, entry) => sum + entry.weight, 0)
  let roll = r.next() * total
  for (const entry of KINDS) {
    roll -= entry.weight
    if (roll < 0) return entry.kind
  }
  return 'howto'
}

/**
 * Draw the body plan of one article of a family: `[pieceName, seed]` blocks
 * whose text adds up to about `target` characters (the tail — AdSense units,
 * link farm, footer — is planned first so the article ends near the target).
 *
 * @param {Random} r
 * @param {string} kind
 * @param {number} target
 * @returns {Block[]}
 */
function planBlocks(r, kind, target) {
  /** @type {Block[]} */
  const blocks = []
  let size = 0
  const add = (/** @type {string} */ name) => {
    // `repeat` 1 is the first paragraph of a how-to (block 0 is its heading): the intro pasted again.
    const seed = name === 'repeat' ? 1 : r.int(0, 2 ** 31 - 1)
    blocks.push([name, seed])
    size += name === 'repeat' ? 450 : PIECES[name](createRandom(seed)).length + 2
  }
  if (kind === 'howto') {
    const tail = []
    if (r.chance(0.5)) tail.push('repeat')
    tail.push('adsense')
    if (r.chance(0.5)) tail.push('adsense')
    if (r.chance(0.8)) tail.push('linkFarm')
    add('heading')
    if (r.chance(0.7)) add('adBlock')
    add('paragraph')
    add('paragraph')
    // Count the tail's size now, append its blocks after the body.
    const introEnd = blocks.length
    for (const name of tail) add(name)
    const tailBlocks = blocks.splice(introEnd)
    while (size < target || blocks.length === introEnd) {
      add('heading')
      add(r.pick(['paragraph', 'paragraph', 'steps', 'stepsWithAds', 'bulletList', 'affiliateSentence']))
      add(r.pick(['steps', 'stepsWithAds', 'paragraph', 'image', 'adBlock', 'affiliateSentence', 'table', 'amazonButtons']))
      if (r.chance(0.4)) add('adBlock')
    }
    blocks.push(...tailBlocks)
  } else if (kind === 'tutorial') {
    add('paragraph')
    while (size < target) {
      add('heading')
      add('paragraph')
      add(r.pick(['code', 'code', 'codeWithAdMarkup', 'table', 'bulletList', 'blockquote']))
      if (r.chance(0.5)) {
        add('shortLine')
        add('code')
      }
      if (r.chance(0.1)) add('affiliateSentence')
    }
  } else if (kind === 'feed') {
    add('excerptEnd')
    add('feedFooter')
    const footer = /** @type {Block} */ (blocks.pop())
    while (size < target) add(r.pick(['paragraph', 'paragraph', 'bulletList', 'heading', 'image']))
    blocks.push(footer)
  } else {
    while (size < target) add(r.pick(['heading', 'paragraph', 'paragraph', 'code', 'bulletList', 'table', 'image']))
  }
  return blocks
}

/**
 * Generate the spec of one article.
 *
 * @param {Random} r
 * @returns {{kind: string, spec: ArticleSpec}}
 */
export function generateSpec(r) {
  const kind = pickKind(r)
  const frontmatter = {howto: 'hexo', tutorial: 'ghost', feed: 'jekyll', clean: r.pick(['plain', null])}[kind]
  // Sizes 2–20 KB; the frontmatter takes a few hundred characters of that.
  const target = r.int(2000, 19000) - (frontmatter ? 400 : 0)
  const blocks = planBlocks(r, kind, target)
  const feed = kind === 'feed'
  return {
    kind,
    spec: {
      frontmatter,
      frontmatterSeed: r.int(0, 2 ** 31 - 1),
      blocks,
      crlf: feed ? r.chance(0.8) : r.chance(0.1),
      bom: feed ? r.chance(0.7) : false,
    },
  }
}

/**
 * Generate `count` articles from `seed`, deterministically.
 *
 * @param {number} count
 * @param {number} [seed]
 * @returns {GeneratedArticle[]}
 */
export function generateCorpus(count, seed = 20240601) {
  const r = createRandom(seed)
  const articles = []
  for (let index = 0; index < count; index++) {
    const {kind, spec} = generateSpec(r)
    articles.push({name: `${String(index).padStart(5, '0')}-${kind}.md`, kind, text: buildArticle(spec)})
  }
  return articles
}
