/**
 * The site-template rule and its index: learned from generated sites in five
 * languages (tests/support/template-sites.ts), the template goes and every
 * sentence of every article stays; a tutorial reposted under other titles
 * stays; the index file reads back what was written, refuses other versions,
 * and merges (counts add) in any order to what learning everything at once
 * gives.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {clean, createRuleSet} from '../src/index.js'
import {
  articleSignature,
  createTemplateLearner,
  mergeTemplateIndexes,
  parseTemplateIndex,
  serializeTemplateIndex,
  TemplateIndexError,
  type TemplateIndex,
} from '../src/plugin-api.js'
import {normaliseBlock} from '../src/rules/site-template/signature.js'
import {repostNetwork, templateSites, type SiteArticle} from './support/template-sites.js'

function learn(articles: readonly SiteArticle[]): TemplateIndex {
  const learner = createTemplateLearner()
  for (const article of articles) expect(learner.add(article.text, {path: article.path})).toBe(true)
  return learner.index
}

/** This rule's removals (other rules, such as widget, may take a share row first). */
function ownRemovals<Removal extends {rule: string}>(result: {removals: readonly Removal[]}): Removal[] {
  return result.removals.filter((removal) => removal.rule === 'site-template')
}

function cleanWith(article: SiteArticle, templates: TemplateIndex) {
  return clean(article.text, {templates, path: article.path, enable: ['site-template']})
}

describe('site-template on generated sites (en, de, ko, it, zh)', () => {
  const articles = templateSites(8)
  const templates = learn(articles)

  it('learns one site per host, and one per folder without a URL', () => {
    expect([...templates.sites.keys()].sort()).toEqual([
      'bapsang.example',
      'cucinadicasa.example',
      'dir:zh',
      'gartenblatt.example',
      'harbour-news.example',
    ])
    for (const site of templates.sites.values()) expect(site.articles).toBe(8)
  })

  for (const article of articles) {
    it(`${article.path}: the template goes, every sentence stays`, () => {
      const result = cleanWith(article, templates)
      for (const block of article.template) expect(result.markdown).not.toContain(block)
      for (const sentence of article.content) expect(result.markdown).toContain(sentence)
      // The share row may go to the widget rule first (a share-endpoint list); the rest of the template is this rule's.
      const own = result.removals.filter((removal) => removal.rule === 'site-template')
      const widget = result.removals.filter((removal) => removal.rule === 'widget')
      expect(own.length).toBeGreaterThan(0)
      expect(own.length + widget.length).toBe(article.template.length)
      for (const removal of own) {
        expect(removal.reason).toMatch(/^site template: in 8 of 8 articles of \S+ \(100 %\), neighbour diversity \d\.\d\d, (head|tail)$/)
        expect(removal.features).toMatchObject({df: 8, articles: 8, share: 1})
      }
      // Cleaning the clean text again with the same index changes nothing.
      expect(clean(result.markdown, {templates, path: article.path}).markdown).toBe(result.markdown)
    })
  }

  it('does nothing without an index, or with --disable site-template', () => {
    const article = articles[0]!
    expect(clean(article.text, {path: article.path}).removals.filter((removal) => removal.rule === 'site-template')).toEqual([])
    expect(clean(article.text, {templates, path: article.path, disable: ['site-template']}).markdown).toBe(
      clean(article.text, {path: article.path}).markdown,
    )
    expect(clean(article.text, {templates, path: article.path, disable: ['chrome']}).markdown).toBe(
      clean(article.text, {path: article.path, disable: ['chrome']}).markdown,
    )
  })

  it('learns nothing from a site with fewer articles than minArticles', () => {
    const few = templateSites(4)
    const index = learn(few)
    for (const article of few) expect(ownRemovals(cleanWith(article, index))).toEqual([])
  })

  it('honours the thresholds of a rules file (minArticles over the site size: nothing goes)', () => {
    const rules = createRuleSet({text: 'version: 1\nsiteTemplate:\n  minArticles: 9\n', file: 'strict.yaml'})
    const article = articles[0]!
    expect(ownRemovals(clean(article.text, {templates, rules, path: article.path}))).toEqual([])
  })
})

describe('site-template keeps reposts', () => {
  it('keeps a tutorial reposted under other titles (it recurs with its neighbours), removes the menu', () => {
    const network = repostNetwork(10, 6)
    const templates = learn(network)
    for (const article of network) {
      const result = cleanWith(article, templates)
      expect(result.markdown).not.toContain(article.template[0])
      for (const sentence of article.content) expect(result.markdown).toContain(sentence)
    }
  })

  it('keeps tutorial steps reposted between code blocks at the end of articles (fixed neighbours: the code)', () => {
    const steps = [
      'First stop the print spooler from an administrator prompt:',
      'Then delete the stuck jobs from the spooler folder:',
      'Finally start the spooler again and print a test page:',
    ]
    const code = [
      '```\nnet stop spooler\n```',
      '```\ndel /q %systemroot%\\system32\\spool\\printers\\*\n```',
      '```\nnet start spooler\n```',
    ]
    const tutorial = steps.flatMap((step, index) => [step, code[index]!]).join('\n\n')
    const intros = [
      'Jobs pile up in the queue',
      'Nothing prints at all',
      'The printer says offline',
      'A document will not cancel',
      'Pages come out blank',
      'Printing stopped after an update',
      'The queue never empties',
      'Printing is slow',
    ]
    const articles = intros.map((intro, index): SiteArticle => {
      const body = `${intro} on this office computer, and the usual restart of the printer did not help us this time around. ${index < 6 ? '' : 'Here the cause was a loose cable.'}`
      const text = `---\nurl: https://spool.example/${index}\n---\n\n# ${intro}\n\n${body}\n\n${index < 6 ? tutorial : 'Check the cable first.'}\n`
      return {path: `s/${index}.md`, text, content: [body, ...steps], template: []}
    })
    const templates = learn(articles)
    for (const article of articles) {
      expect(ownRemovals(cleanWith(article, templates))).toEqual([])
    }
  })

  it('keeps a section heading the authors reuse right below the template, and numbered steps a site repeats', () => {
    const menu = '[Home](https://diy.example/) · [Projects](https://diy.example/projects) · [Shop](https://diy.example/shop)'
    const steps = '1. Clean the work surface.\n2. Lay out the tools.\n3. Read the whole plan once.'
    const openings = ['A shelf', 'A stool', 'A bird box', 'A planter', 'A tool rack', 'A spice rack', 'A coat hook', 'A step ladder']
    const articles = openings.map((opening, index): SiteArticle => {
      const body = `${opening} is a good first project for a weekend in the shed.`
      const text = `---\nurl: https://diy.example/${index}\n---\n\n${menu}\n\n## What I started with\n\n${body}\n\n${steps}\n`
      return {path: `diy/${index}.md`, text, content: ['## What I started with', body, steps], template: [menu]}
    })
    const templates = learn(articles)
    for (const article of articles) {
      const result = cleanWith(article, templates)
      expect(ownRemovals(result).map((removal) => removal.text.trim())).toEqual([menu])
      for (const block of article.content) expect(result.markdown).toContain(block)
    }
  })

  it('keeps a long paragraph repeated mid-article with varied neighbours (a vendor step, not a template)', () => {
    const step =
      'If you have no time to update the driver by hand, a driver tool can find the right one for you and install it in a couple of clicks.'
    const articles = Array.from({length: 10}, (_, index): SiteArticle => {
      const intro = `Printer ${index + 1} stopped printing after the last update of the system.`
      const outro = `After step ${index + 1} the queue of printer ${index + 1} should be empty again, so try a test page.`
      const content = [intro, step, outro]
      const text = `---\nurl: https://drivers.example/${index}\n---\n\n# Printer ${index + 1}\n\n${content.join('\n\n')}\n`
      return {path: `d/${index}.md`, text, content, template: []}
    })
    const templates = learn(articles)
    for (const article of articles.slice(0, 6)) expect(ownRemovals(cleanWith(article, templates))).toEqual([])
  })
})

describe('block normalisation', () => {
  it('counts digits, URL queries, case and spacing as the same block', () => {
    expect(normaliseBlock('Posted 12 March  2024 · [Share](https://x.example/s?u=1&utm_source=a)')).toBe(
      normaliseBlock('posted 3 march 2025 · [share](https://x.example/s?u=77#top)'),
    )
    expect(normaliseBlock('[Share](https://x.example/a)')).not.toBe(normaliseBlock('[Share](https://x.example/b)'))
  })

  it('does not count a date-only block, code or a table', () => {
    const signature = articleSignature('2024-05-01\n\n```\ncode\n```\n\n| a |\n| - |\n| b |\n\nA line of words.\n', 'x.md')!
    expect(signature.blocks).toHaveLength(1)
  })

  it('gives the same index for CRLF and LF copies', () => {
    const articles = templateSites(6)
    const crlf = articles.map((article) => ({...article, text: article.text.replace(/\n/g, '\r\n')}))
    expect(serializeTemplateIndex(learn(crlf))).toBe(serializeTemplateIndex(learn(articles)))
  })
})

describe('the template index file', () => {
  const index = learn(templateSites(6))

  it('reads back what it wrote', () => {
    const text = serializeTemplateIndex(index)
    expect(serializeTemplateIndex(parseTemplateIndex(text))).toBe(text)
    expect(JSON.parse(text)).toMatchObject({version: 1, hash: 'cyrb53-v1', normalise: 'v1'})
  })

  it('holds no text of the articles', () => {
    const text = serializeTemplateIndex(index)
    for (const article of templateSites(6)) for (const block of article.template) expect(text).not.toContain(block.slice(0, 12))
  })

  it('refuses another version, hash or normalisation, and malformed counts', () => {
    const good = JSON.parse(serializeTemplateIndex(index)) as Record<string, unknown>
    const bad = [
      'not json',
      JSON.stringify({...good, version: 2}),
      JSON.stringify({...good, hash: 'fnv1a'}),
      JSON.stringify({...good, normalise: 'v0'}),
      JSON.stringify({...good, sites: {a: {articles: 2, blocks: {zz: [3, 1]}}}}),
      JSON.stringify({...good, sites: {a: {articles: 2, blocks: {zz: ['x']}}}}),
      JSON.stringify({...good, sites: {a: {articles: -1, blocks: {}}}}),
      JSON.stringify({...good, sites: {a: {articles: 2, blocks: {'no!': [1, 1]}}}}),
    ]
    for (const text of bad) expect(() => parseTemplateIndex(text), text).toThrow(TemplateIndexError)
  })

  it('merges in any order to what learning every article at once gives', () => {
    const articles = [...templateSites(6), ...repostNetwork(8, 5)]
    const all = serializeTemplateIndex(learn(articles), {minDf: 1})
    fc.assert(
      fc.property(fc.array(fc.integer({min: 0, max: 3}), {minLength: articles.length, maxLength: articles.length}), (shardOf) => {
        const shards = [0, 1, 2, 3].map((shard) => learn(articles.filter((_, index) => shardOf[index] === shard)))
        const forward = serializeTemplateIndex(mergeTemplateIndexes(shards), {minDf: 1})
        const backward = serializeTemplateIndex(mergeTemplateIndexes([...shards].reverse()), {minDf: 1})
        expect(forward).toBe(all)
        expect(backward).toBe(all)
      }),
      {numRuns: Number(process.env['FC_RUNS'] ?? 20), seed: Number(process.env['FC_SEED'] ?? 14)},
    )
  })

  it('keeps at most maxEntriesPerSite blocks per site, dropping those seen once first', () => {
    const rules = createRuleSet({text: 'version: 1\nsiteTemplate:\n  maxEntriesPerSite: 100\n', file: 'small.yaml'})
    const learner = createTemplateLearner({rules})
    const shared = 'A line every article of this site ends with, the same words each time.'
    for (let index = 0; index < 300; index++)
      learner.add(`Unique paragraph number ${'x'.repeat(index % 7)} ${index} of ${'y'.repeat(index)}.\n\n${shared}\n`, {path: 'a.md'})
    const site = learner.index.sites.get('dir:.')!
    expect(site.articles).toBe(300)
    expect(site.blocks.size).toBeLessThanOrEqual(100)
    expect([...site.blocks.values()].some((entry) => entry.df === 300)).toBe(true)
  })

  it('does not count what clean would refuse (too long, binary)', () => {
    const learner = createTemplateLearner({maxLength: 50})
    expect(learner.add('x'.repeat(60))).toBe(false)
    expect(learner.add('a\u0000b')).toBe(false)
    expect(learner.index.sites.size).toBe(0)
  })
})
