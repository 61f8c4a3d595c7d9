/**
 * The cleaning preset (`decruft`, src/preset.ts): in every plugin order that
 * makes sense — `remark().use(decruft)` (remark-stringify attached before
 * it), `unified().use(remarkParse).use(remarkFrontmatter).use(decruft).use(remarkStringify)`
 * (after it), and no compiler but its own — the output is exactly
 * `clean(text, sameOptions).markdown` (the splice, not a reformatting), the
 * file's messages are `clean`'s, and later plugins see the clean tree. A
 * later plugin that changes the tree gets the compiler's serialisation of
 * its tree instead. The inputs are written here; every rule fixture's input
 * is run through the plugin too.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Root} from 'mdast'
import {remark} from 'remark'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {clean, CleanError, createRuleSet, decruft, type CleanOptions} from '../src/index.js'

/** Each plugin order, as a function of the text (or file) and the options. */
const FORMS: Record<string, (input: VFile, options?: CleanOptions) => VFile> = {
  'remark().use(decruft)': (input, options) => remark().use(decruft, options).processSync(input),
  'remark-parse, remark-frontmatter, decruft, remark-stringify': (input, options) =>
    unified().use(remarkParse).use(remarkFrontmatter).use(decruft, options).use(remarkStringify).processSync(input),
  'remark-parse, decruft (no other compiler)': (input, options) => unified().use(remarkParse).use(decruft, options).processSync(input),
}

/** What a message says, for comparing the plugin's with `clean`'s. */
function said(messages: readonly VFileMessage[]) {
  return messages.map(({reason, ruleId, source, place, actual, expected, fatal, file}) => ({
    reason,
    ruleId,
    source,
    place,
    actual,
    expected,
    fatal,
    file,
  }))
}

const SPAMMY: Record<string, string> = {
  'ads, a link farm, affiliate links and messy frontmatter': [
    '---',
    'title: Descaling a kettle',
    'keywords: kettle, limescale, kettle',
    'draft: "false"',
    'published: 2024-09-01 10:00:00',
    '---',
    '',
    'Limescale builds up fast where the water is hard.',
    '',
    '<!-- affiliate ads begin -->',
    '<a href="https://shop.pxf.io/c/11/22/33"><img src="https://a.impactradius-go.com/display-ad/33-22" alt="banner"></a>',
    '<!-- affiliate ads end -->',
    '',
    'Boil a mix of water and vinegar, then [buy the descaler here](https://www.amazon.com/dp/B00TEST?tag=kettle-20) and rinse twice.',
    '',
    'Read the [maker’s guide](https://maker.example/guide?utm_source=feed&utm_medium=rss) first.',
    '',
    'Also read:',
    '',
    '- [Cleaning a toaster](https://blog.example/toaster)',
    '- [Fixing a fridge light](https://blog.example/fridge)',
    '- [Unclogging a sink](https://blog.example/sink)',
    '',
    '<ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-1234" data-ad-slot="5678"></ins>',
    '<script>(adsbygoogle = window.adsbygoogle || []).push({});</script>',
    '',
    'That is all. <img src="https://ads.kettle-shop.example/banner.png" alt="Kettle sale">',
    '',
    'If this helped, give it a clap 👏 and follow me for more kettle tips!',
    '',
  ].join('\n'),
  'unsafe HTML and a tracking pixel': [
    '# Notes',
    '',
    'Some text <img src="/a.png" alt="A" onerror="steal()"> in a line.',
    '',
    '<script>steal()</script>',
    '',
    '<img src="https://track.example/pixel.gif?id=1" width="1" height="1">',
    '',
    'The end.',
    '',
  ].join('\n'),
  'broken YAML frontmatter (an unquoted colon)': '---\ntitle: Fix: the monitor flickers\ntags: [a, b]\n---\n\nBody text.\n',
}

/** The spammy inputs with CRLF endings, a BOM, and no trailing newline, too. */
const INPUTS: Record<string, string> = {
  ...SPAMMY,
  ...Object.fromEntries(Object.entries(SPAMMY).map(([name, text]) => [`${name}, CRLF`, text.replace(/\n/g, '\r\n')])),
  ...Object.fromEntries(Object.entries(SPAMMY).map(([name, text]) => [`${name}, BOM`, `\uFEFF${text}`])),
  ...Object.fromEntries(Object.entries(SPAMMY).map(([name, text]) => [`${name}, no trailing newline`, text.trimEnd()])),
}

describe('decruft (the cleaning preset)', () => {
  for (const [form, run] of Object.entries(FORMS)) {
    describe(form, () => {
      for (const [name, text] of Object.entries(INPUTS)) {
        it(`${name}: gives clean()'s markdown and messages`, () => {
          const expected = clean(text, {path: 'post.md'})
          expect(expected.removals.length).toBeGreaterThan(0)
          const file = run(new VFile({path: 'post.md', value: text}))
          expect(String(file)).toBe(expected.markdown)
          expect(said(file.messages)).toEqual(said(expected.messages))
          expect(file.data.decruft?.record).toEqual(expected.record)
        })
      }

      it('takes the same options as clean()', () => {
        const text = SPAMMY['ads, a link farm, affiliate links and messy frontmatter']!
        const rules = createRuleSet({
          text: 'adSlot:\n  hosts:\n    - id: kettle-shop\n      note: A shop the site links to for money.\n      host: ads.kettle-shop.example\n',
          file: 'rules.yaml',
        })
        const variants: Record<string, CleanOptions> = {
          disable: {disable: ['link-farm', 'frontmatter']},
          enable: {enable: ['boilerplate']},
          format: {format: true},
          frontmatter: {frontmatter: {dialect: 'astro'}},
          rules: {rules},
          path: {path: 'blog/kettle.md'},
        }
        for (const [name, options] of Object.entries(variants)) {
          const expected = clean(text, options)
          const file = run(new VFile(text), options)
          expect(String(file), name).toBe(expected.markdown)
          expect(said(file.messages), name).toEqual(said(expected.messages))
          // Each option makes a difference (so the comparison above could fail).
          if (name !== 'path') expect(expected.markdown, name).not.toBe(clean(text).markdown)
        }
      })
    })
  }

  it('gives every rule fixture input as clean() does', () => {
    const root = new URL('./fixtures/', import.meta.url).pathname
    let compared = 0
    for (const rule of readdirSync(root)) {
      for (const name of readdirSync(join(root, rule))) {
        let text: string
        try {
          text = readFileSync(join(root, rule, name, 'input.md'), 'utf8')
        } catch {
          continue
        }
        const expected = clean(text, {path: `${name}.md`})
        const file = remark()
          .use(remarkFrontmatter)
          .use(decruft)
          .processSync(new VFile({path: `${name}.md`, value: text}))
        expect(String(file), `${rule}/${name}`).toBe(expected.markdown)
        expect(said(file.messages), `${rule}/${name}`).toEqual(said(expected.messages))
        compared++
      }
    }
    expect(compared).toBeGreaterThan(100)
  })

  it('leaves a clean document byte for byte as written (no reformatting)', () => {
    const text = [
      'Kettle care',
      '===========',
      '',
      '* Descale __monthly__,',
      '* rinse   twice.  ',
      '',
      '1) Boil.',
      '2) Pour.',
      '',
      '    indented code',
      '',
      '|a|b|',
      '|-|-|',
      '|1|2|',
      '',
      'A line\\',
      'break and a [link][ref].',
      '',
      '[ref]: https://example.com/guide',
    ].join('\r\n')
    // remark-stringify alone would rewrite it (so the check below can fail)…
    expect(remark().processSync(text).toString()).not.toBe(text)
    // …the preset keeps every byte.
    for (const run of Object.values(FORMS)) {
      const file = run(new VFile(text))
      expect(String(file)).toBe(text)
      expect(file.messages).toEqual([])
    }
  })

  it('places each removal in the input, with its rule id and text', () => {
    const text = SPAMMY['ads, a link farm, affiliate links and messy frontmatter']!
    const file = remark()
      .use(decruft)
      .processSync(new VFile({path: 'post.md', value: text}))
    const farm = file.messages.find((message) => message.ruleId === 'link-farm')!
    expect(farm.source).toBe('decruft')
    expect(farm.file).toBe('post.md')
    expect(farm.place).toMatchObject({start: {line: 18, column: 1}})
    const start = farm.place && 'start' in farm.place ? farm.place.start.offset! : -1
    expect(text.slice(start).startsWith(farm.actual!)).toBe(true)
    expect(farm.actual).toContain('Also read:')
    expect(new Set(file.messages.map((message) => message.ruleId))).toEqual(
      new Set(['frontmatter', 'ad-block', 'affiliate-link', 'tracking-param', 'link-farm', 'ad-slot']),
    )
  })

  it('hands later plugins the clean tree, and the clean text as the file', () => {
    const text = SPAMMY['ads, a link farm, affiliate links and messy frontmatter']!
    const seen: {urls: string[]; value: string; yaml: boolean} = {urls: [], value: '', yaml: false}
    function inspect() {
      return (tree: Root, file: VFile) => {
        visit(tree, 'link', (node) => {
          seen.urls.push(node.url)
        })
        seen.yaml = tree.children[0]?.type === 'yaml'
        seen.value = String(file)
      }
    }
    const file = unified().use(remarkParse).use(remarkFrontmatter).use(decruft).use(inspect).use(remarkStringify).processSync(text)
    expect(seen.value).toBe(clean(text).markdown)
    expect(seen.urls).toEqual(['https://maker.example/guide'])
    expect(seen.yaml).toBe(true)
    expect(String(file)).toBe(clean(text).markdown)
  })

  it('gives the compiler’s serialisation of a tree a later plugin changed', () => {
    const text = 'Intro  \n\n* kept as written\n\n<!-- affiliate ads begin -->\n<div>Buy!</div>\n<!-- affiliate ads end -->\n\nEnd\n'
    function addParagraph() {
      return (tree: Root) => {
        tree.children.push({type: 'paragraph', children: [{type: 'text', value: 'Added.'}]})
      }
    }
    const file = remark().use(decruft).use(addParagraph).processSync(text)
    expect(String(file)).toBe('Intro\n\n* kept as written\n\nEnd\n\nAdded.\n')
    expect(file.messages.map((message) => message.ruleId)).toEqual(['ad-block'])
    // A change JSON cannot snapshot (a cycle through `data`) counts as a change too.
    function linkToItself() {
      return (tree: Root) => {
        tree.data = {self: tree} as never
      }
    }
    expect(String(remark().use(decruft).use(linkToItself).processSync(text))).toBe('Intro\n\n* kept as written\n\nEnd\n')
    // With no compiler but the preset's, a changed tree cannot be written: a clear error.
    expect(() => unified().use(remarkParse).use(decruft).use(addParagraph).processSync(text)).toThrow(/add remark-stringify/)
  })

  it('warns when a plugin before it changed the tree (that change is dropped)', () => {
    const text = 'Intro\n\n<!-- affiliate ads begin -->\n<div>Buy!</div>\n<!-- affiliate ads end -->\n\nEnd\n'
    function addParagraph() {
      return (tree: Root) => {
        tree.children.push({type: 'paragraph', children: [{type: 'text', value: 'Added.'}]})
      }
    }
    const file = remark().use(addParagraph).use(decruft).processSync(text)
    expect(String(file)).toBe(clean(text).markdown)
    expect(file.messages.map((message) => [message.ruleId, message.source])).toEqual([
      ['plugin-order', 'decruft'],
      ['ad-block', 'decruft'],
    ])
    expect(file.messages[0]!.fatal).toBe(false)
    // A tree of one's own given to `run` was not parsed by the processor: nothing to compare, no warning.
    const processor = remark().use(decruft)
    const own = new VFile(text)
    const tree = processor.runSync(remark.parse(text), own)
    expect(own.messages.map((message) => message.ruleId)).toEqual(['ad-block'])
    expect(processor.stringify(tree, own)).toBe(clean(text).markdown)
  })

  it('runs without a parser of the processor (decruft parses the clean text itself)', () => {
    const text = 'Intro\n\n<!-- affiliate ads begin -->\n<div>Buy!</div>\n<!-- affiliate ads end -->\n\nEnd\n'
    const processor = unified().use(decruft)
    const file = new VFile(text)
    const tree = processor.runSync(remark.parse(text), file)
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph'])
    expect(processor.stringify(tree, file)).toBe(clean(text).markdown)
  })

  it('hands remark-rehype the clean tree (its compiler then compiles the HTML tree)', () => {
    const text = 'Intro\n\n<!-- affiliate ads begin -->\n<div>Buy!</div>\n<!-- affiliate ads end -->\n\nEnd\n'
    const file = remark()
      .use(decruft)
      .use(remarkRehype)
      .use(function html(this: unknown) {
        ;(this as {compiler: (tree: unknown) => string}).compiler = (tree) => JSON.stringify(tree)
      })
      .processSync(text)
    const out = String(file)
    expect(out).toContain('"tagName":"p"')
    expect(out).toContain('End')
    expect(out).not.toContain('Buy!')
  })

  it('cleans many files at once with one processor', async () => {
    const processor = remark().use(decruft)
    const texts = Object.values(INPUTS)
    const files = await Promise.all(texts.map((text) => processor.process(text)))
    expect(files.map(String)).toEqual(texts.map((text) => clean(text).markdown))
  })

  it('is idempotent', () => {
    for (const text of Object.values(INPUTS)) {
      const once = String(remark().use(decruft).processSync(text))
      const twice = remark().use(decruft).processSync(once)
      expect(String(twice)).toBe(once)
      expect(twice.messages).toEqual([])
    }
  })

  it('fails the file on a text clean() refuses, with the CleanError as the cause', () => {
    let caught: unknown
    try {
      remark()
        .use(decruft, {maxLength: 10})
        .processSync(new VFile({path: 'big.md', value: 'far more than ten characters'}))
    } catch (error) {
      caught = error
    }
    const message = caught as VFileMessage
    expect(message.fatal).toBe(true)
    expect(message.source).toBe('decruft')
    expect(message.file).toBe('big.md')
    expect(message.reason).toMatch(/file too large/)
    expect(message.cause).toBeInstanceOf(CleanError)
  })
})
