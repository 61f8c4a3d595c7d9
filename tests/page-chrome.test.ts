/**
 * page-chrome beyond its fixtures: the document language and stopword
 * densities that separate prose from menus in each language, the
 * whole-page gate (what passes, what never does), the `scope` switch, the
 * features each removal records, and two seeded properties: a clean article
 * loses nothing, and the same article wrapped in generated page chrome keeps
 * every paragraph while its menus, share rows and footers go.
 *
 * Run more cases with `FC_RUNS=500`; rerun a failure with `FC_SEED=<seed>`.
 */
import {readFileSync} from 'node:fs'
import type {Root} from 'mdast'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {topBlocks} from '../src/core/blocks.js'
import {clean, createRuleSet, type RuleId} from '../src/index.js'
import {createParser} from '../src/pipeline.js'
import {registry} from '../src/rules/index.js'
import {documentLanguage, stopwordDensity} from '../src/rules/page-chrome/language.js'
import {defaultRuleSet} from '../src/ruleset/index.js'
import {defaultRulesData} from '../src/plugin-api.js'
import {readStopwordsIso, stopwordsModule} from '../scripts/lib/stopwords.js'

const SEED = process.env['FC_SEED'] === undefined ? 20261206 : Number(process.env['FC_SEED'])
const RUNS = process.env['FC_RUNS'] === undefined ? 40 : Number(process.env['FC_RUNS'])

const others = registry.map((rule) => rule.meta.id).filter((id) => id !== 'page-chrome') as RuleId[]
const onlyChrome = {enable: ['page-chrome' as RuleId], disable: others}

const languages = defaultRuleSet().pageChrome.languages
const language = (id: string) => languages.find((item) => item.id === id)!

/** Prose and a menu line in each language the defaults weigh. */
const SAMPLES: Record<string, {prose: string; menu: string}> = {
  en: {
    prose: 'We moved the cache to a new machine because the old one was too slow for the team, and it has worked well since then.',
    menu: 'Home News Sport Weather Login Register Contact Search',
  },
  de: {
    prose: 'Wir haben den Speicher auf einen neuen Rechner verlegt, weil der alte für das Team zu langsam war, und seitdem läuft es gut.',
    menu: 'Startseite Politik Wirtschaft Sport Anmelden Registrieren Kontakt',
  },
  fr: {
    prose:
      "Nous avons déplacé le cache sur une nouvelle machine parce que l'ancienne était trop lente pour l'équipe, et depuis tout va bien.",
    menu: 'Accueil Actualités Sport Météo Connexion Inscription Contact',
  },
  es: {
    prose: 'Movimos la caché a una máquina nueva porque la anterior era demasiado lenta para el equipo, y desde entonces funciona bien.',
    menu: 'Inicio Noticias Deportes Tiempo Iniciar sesión Registrarse Contacto',
  },
  it: {
    prose:
      'Abbiamo spostato la cache su una nuova macchina perché quella vecchia era troppo lenta per il gruppo, e da allora funziona bene.',
    menu: 'Home Cronaca Economia Sport Meteo Accedi Registrati Contatti',
  },
  zh: {
    prose: '我们把缓存搬到了一台新的机器上，因为原来的那台对整个团队来说太慢了，从那以后一直运行得很好。',
    menu: '首页 新闻 体育 财经 汽车 登录 注册 联系我们',
  },
  ko: {
    prose: '예전 서버가 너무 느려서 캐시를 새 서버로 옮겼는데, 그 뒤로는 아무 문제 없이 잘 돌아가고 있습니다.',
    menu: '홈 뉴스 스포츠 날씨 로그인 회원가입 문의',
  },
}

function blocksOf(markdown: string) {
  const file = new VFile(markdown)
  const tree = createParser().parse(file) as Root
  return topBlocks(tree, file)
}

describe('page-chrome languages', () => {
  for (const [id, {prose, menu}] of Object.entries(SAMPLES)) {
    it(`${id}: prose is above the high threshold, a menu below the low one`, () => {
      const lang = language(id)
      expect(stopwordDensity(prose, lang)).toBeGreaterThanOrEqual(lang.high)
      expect(stopwordDensity(menu, lang)).toBeLessThan(lang.low)
    })

    it(`${id}: the document language is found from its prose`, () => {
      const blocks = blocksOf(`${prose}\n\n${menu}\n\n${prose}\n`)
      expect(documentLanguage(blocks, languages)?.id).toBe(id)
    })
  }

  it('leaves the language undecided on too little text', () => {
    expect(documentLanguage(blocksOf('Home News\n'), languages)).toBeUndefined()
  })
})

const MENU =
  '[Home](https://site.example/) | [News](https://site.example/news) | [Sport](https://site.example/sport) | [Travel](https://site.example/travel)'
const LOGIN = '[Sign in](https://site.example/login) | [Register](https://site.example/register)'
const CRUMBS = '[Home](https://site.example/) › [News](https://site.example/news) › [Local](https://site.example/news/local)'
const SHARE =
  '[Facebook](https://www.facebook.com/sharer/sharer.php?u=x) [X](https://twitter.com/intent/tweet?url=x) [Email](mailto:?subject=x)'
const FOOTER =
  '[About](https://site.example/about) · [Privacy](https://site.example/privacy) · [Terms](https://site.example/terms) · [Jobs](https://site.example/jobs)'
const BODY = [
  'The river that runs through the old town flooded twice this winter, and the council has now decided to rebuild the low wall along its banks before the spring rain comes.',
  'Engineers say the new wall will be about half a metre higher than the old one, which should be enough for the kind of flood the town saw in January.',
  'Work starts next month and the path along the river will be closed while it lasts.',
]

describe('page-chrome whole-page gate', () => {
  const page = [MENU, LOGIN, CRUMBS, '# The river wall will be rebuilt', ...BODY, SHARE, FOOTER, '© 2024 Site Example'].join('\n\n') + '\n'

  it('removes the chrome of a whole-page scrape and records why', () => {
    const result = clean(page, onlyChrome)
    expect(result.markdown).toBe(['# The river wall will be rebuilt', ...BODY].join('\n\n') + '\n')
    const menu = result.removals.find((removal) => removal.text.startsWith('[Home](https://site.example/) |'))!
    expect(menu.reason).toMatch(/^Page chrome \(head\): 4 links, link density 0\.86/)
    expect(menu.features).toMatchObject({zone: 'head', wholePage: 'head', anchor: 'h1', lang: 'en', class: 'bad', links: 4})
    const footer = result.removals.find((removal) => removal.text.startsWith('[About]'))!
    expect(footer.features).toMatchObject({zone: 'tail'})
  })

  it('leaves a page whose head is short alone', () => {
    const text = [LOGIN, '# The river wall will be rebuilt', ...BODY, SHARE, FOOTER].join('\n\n') + '\n'
    expect(clean(text, onlyChrome).removals).toEqual([])
  })

  it('leaves the head alone when no heading is the frontmatter title', () => {
    const text =
      ['---\ntitle: Something else entirely\n---', MENU, LOGIN, CRUMBS, '## The river wall will be rebuilt', ...BODY, SHARE, FOOTER].join(
        '\n\n',
      ) + '\n'
    expect(clean(text, onlyChrome).removals).toEqual([])
  })

  it('anchors on the heading the frontmatter title names, site name and all', () => {
    const text =
      [
        '---\ntitle: "The river wall will be rebuilt | Site Example"\n---',
        MENU,
        LOGIN,
        CRUMBS,
        '## The river wall will be rebuilt',
        ...BODY,
      ].join('\n\n') + '\n'
    const result = clean(text, onlyChrome)
    expect(result.removals.map((removal) => removal.features?.['anchor'])).toEqual(['title', 'title', 'title'])
  })

  it('obeys `scope`: never, and always (a clean article still keeps its prose)', () => {
    const never = createRuleSet({version: 1, pageChrome: {scope: 'never'}})
    expect(clean(page, {...onlyChrome, rules: never}).removals).toEqual([])
    const always = createRuleSet({version: 1, pageChrome: {scope: 'always'}})
    const short = [LOGIN, '# The river wall will be rebuilt', ...BODY, SHARE].join('\n\n') + '\n'
    expect(clean(short, {...onlyChrome, rules: always}).markdown).toBe(['# The river wall will be rebuilt', ...BODY].join('\n\n') + '\n')
  })
})

/** Sentences per language to build articles from (written for this test). */
const SENTENCES: Record<string, readonly string[]> = {
  en: [
    'The bakery on the corner opens at six, and by seven there is usually a queue outside the door.',
    'Most of the people in it are on their way to work and buy the same thing every morning.',
    'The owner says the secret is not the flour but the time the dough is given to rest.',
    'In the summer she opens the back door so that the heat from the ovens can escape into the yard.',
    'A few years ago the building was nearly sold, but the neighbours collected enough money to keep it.',
    'It is a small place, and it is hard to imagine the street without it.',
  ],
  de: [
    'Die Bäckerei an der Ecke öffnet um sechs, und schon um sieben steht meistens eine Schlange vor der Tür.',
    'Die meisten Leute sind auf dem Weg zur Arbeit und kaufen jeden Morgen das Gleiche.',
    'Die Besitzerin sagt, das Geheimnis sei nicht das Mehl, sondern die Zeit, die der Teig ruhen darf.',
    'Im Sommer lässt sie die Hintertür offen, damit die Hitze der Öfen in den Hof entweichen kann.',
    'Vor einigen Jahren wäre das Haus fast verkauft worden, aber die Nachbarn haben genug Geld gesammelt.',
  ],
  zh: [
    '街角的面包店每天早上六点开门，到了七点门口通常已经排起了长队。',
    '排队的人大多是在上班的路上，每天早上都买同样的东西。',
    '店主说，秘诀不在于面粉，而在于让面团有足够的时间发酵。',
    '夏天的时候，她会把后门打开，让烤炉的热气散到院子里去。',
    '几年前这栋房子差点被卖掉，但是邻居们一起凑够了钱，把它留了下来。',
  ],
}

const articleArbitrary = fc
  .constantFrom(...Object.keys(SENTENCES))
  .chain((lang) =>
    fc.record({
      lang: fc.constant(lang),
      title: fc.constantFrom('A small bakery', 'Die Bäckerei an der Ecke', '街角的面包店'),
      paragraphs: fc.array(fc.array(fc.constantFrom(...SENTENCES[lang]!), {minLength: 1, maxLength: 4}), {minLength: 2, maxLength: 6}),
      withList: fc.boolean(),
      withCode: fc.boolean(),
    }),
  )
  .map(({title, paragraphs, withList, withCode}) => {
    const blocks = [`# ${title}`, ...paragraphs.map((sentences) => sentences.join(' '))]
    if (withList)
      blocks.splice(2, 0, '- [Flour](https://flour.example/)\n- [Ovens](https://ovens.example/)\n- [Yeast](https://yeast.example/)')
    if (withCode) blocks.splice(2, 0, '```\nbake --time 40m\n```')
    return blocks
  })

const chromeArbitrary = fc.record({
  head: fc.shuffledSubarray([MENU, LOGIN, CRUMBS, '- [World](/w)\n- [Business](/b)\n- [Science](/s)\n- [Culture](/c)'], {
    minLength: 3,
    maxLength: 4,
  }),
  afterTitle: fc.shuffledSubarray([SHARE, '3 min read', '1,204 views · 12 comments'], {maxLength: 2}),
  tail: fc.shuffledSubarray(
    [SHARE, '## Related posts\n\n- [One](/1)\n- [Two](/2)\n- [Three](/3)', FOOTER, '© 2024 Site Example. All rights reserved.'],
    {minLength: 1},
  ),
})

describe('page-chrome properties', () => {
  it('removes nothing from a clean article', () => {
    fc.assert(
      fc.property(articleArbitrary, (blocks) => {
        const text = blocks.join('\n\n') + '\n'
        expect(clean(text, onlyChrome).removals).toEqual([])
      }),
      {seed: SEED, numRuns: RUNS},
    )
  })

  it('keeps every block of the article wrapped in page chrome, and takes the links of the chrome', () => {
    fc.assert(
      fc.property(articleArbitrary, chromeArbitrary, (blocks, chrome) => {
        const text = [...chrome.head, blocks[0]!, ...chrome.afterTitle, ...blocks.slice(1), ...chrome.tail].join('\n\n') + '\n'
        const result = clean(text, onlyChrome)
        for (const block of blocks) expect(result.markdown).toContain(block)
        for (const line of [MENU, LOGIN, CRUMBS, FOOTER]) expect(result.markdown).not.toContain(line)
        expect(clean(result.markdown, onlyChrome).removals).toEqual([])
      }),
      {seed: SEED, numRuns: RUNS},
    )
  })
})

describe('page-chrome stopwords', () => {
  it('src/rules/page-chrome/stopwords.generated.ts matches stopwords-iso and the YAML (run `npm run rules:generate`)', () => {
    const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')
    const languages = defaultRulesData.pageChrome?.languages ?? []
    expect(languages.length).toBeGreaterThanOrEqual(7)
    expect(read('src/rules/page-chrome/stopwords.generated.ts')).toBe(stopwordsModule(languages, readStopwordsIso()))
  })
})

describe('page-chrome inside the text and after a terminator', () => {
  const HEAD = [MENU, LOGIN, CRUMBS, '# The river wall will be rebuilt']
  const AD = '<!-- ads start -->\n<div class="ad">Buy a boat</div>\n<!-- ads end -->'
  const TAGS =
    'Tags: [river](https://site.example/tag/river) [council](https://site.example/tag/council) [floods](https://site.example/tag/floods)'
  const RELATED =
    '- [Bridge repairs](https://site.example/b)\n- [New ferry](https://site.example/f)\n- [Rain record](https://site.example/r)'

  it('takes a run of two chrome blocks next to what another rule removed, and keeps a lone one', () => {
    const text = [...HEAD, BODY[0]!, TAGS, RELATED, AD, BODY[1]!, TAGS, BODY[2]!, FOOTER].join('\n\n') + '\n'
    const result = clean(text, {enable: ['page-chrome', 'ad-block'], disable: others.filter((id) => id !== 'ad-block')})
    const inside = result.removals.filter((removal) => removal.features?.['zone'] === 'inside').map((removal) => removal.text.trim())
    expect(inside).toEqual([TAGS, RELATED])
    expect(result.markdown).toBe(['# The river wall will be rebuilt', BODY[0], BODY[1], TAGS, BODY[2]].join('\n\n') + '\n')
  })

  it('keeps what follows a terminator when code follows it (a tutorial section called "Comments")', () => {
    const text =
      [
        ...HEAD,
        ...BODY,
        '## Comments',
        'Comments start with a hash sign and run to the end of the line.',
        '```sh\n# a comment\n```',
        FOOTER,
      ].join('\n\n') + '\n'
    const result = clean(text, onlyChrome)
    expect(result.markdown).toContain('## Comments\n\nComments start with a hash sign')
    expect(result.markdown).toContain('# a comment')
  })

  it('keeps the text after a terminator that is longer than the text before it ("Read more" mid-article)', () => {
    const text = [...HEAD, BODY[0]!, '## Read more', BODY[1]!, BODY[2]!, BODY[0]!.replace('river', 'canal'), FOOTER].join('\n\n') + '\n'
    const result = clean(text, onlyChrome)
    for (const block of BODY) expect(result.markdown).toContain(block)
    expect(result.markdown).toContain('## Read more')
  })
})
