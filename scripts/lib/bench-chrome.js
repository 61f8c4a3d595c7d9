// The page-chrome part of `npm run bench`: what the structural rule costs per
// article. clean() with and without page-chrome, on the bench's generated
// articles (which are not whole-page scrapes: the rule builds its block list,
// classifies, and stops at the gate) and on the same articles wrapped in a
// generated page (menu, sign-in links, breadcrumbs, share row, related list,
// footer columns: the rule runs to the end and removes the chrome).

import {VFile} from 'vfile'
import {createParser, defaultRuleSet} from '../../dist/plugin-api.js'
import {findPageChrome} from '../../dist/rules/page-chrome/index.js'

/** @typedef {typeof import('../../dist/index.js').clean} Clean */

const HEAD = [
  '[Home](https://site.example/) | [News](https://site.example/news) | [Tech](https://site.example/tech) | [Science](https://site.example/science) | [Travel](https://site.example/travel)',
  '[Sign in](https://site.example/login) · [Sign up](https://site.example/signup) · [Subscribe](https://site.example/subscribe)',
  '[Home](https://site.example/) › [Tech](https://site.example/tech) › [Article](https://site.example/tech/1)',
].join('\n\n')

const TAIL = [
  '[Share on X](https://twitter.com/intent/tweet?url=x) [Share on Facebook](https://www.facebook.com/sharer/sharer.php?u=x) [Email](mailto:?subject=x)',
  '## Related posts\n\n- [One more story](https://site.example/1)\n- [Another story](https://site.example/2)\n- [A third story](https://site.example/3)',
  '- [About](https://site.example/about)\n- [Careers](https://site.example/careers)\n- [Privacy](https://site.example/privacy)\n- [Terms](https://site.example/terms)',
  '© 2024 Site Example. All rights reserved.',
].join('\n\n')

/**
 * The article as a whole page: the chrome head before its first heading (or
 * its start), the chrome tail after it.
 *
 * @param {string} text
 */
export function asWholePage(text) {
  const body = text.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/, '')
  const title = /^# .+$/m.exec(body) ? '' : '# A generated article\n\n'
  return `${HEAD}\n\n${title}${body.trimEnd()}\n\n${TAIL}\n`
}

/**
 * Time clean() with and without page-chrome over `texts` and over their
 * whole-page versions; print one line per figure with `line`.
 *
 * @param {readonly string[]} texts
 * @param {Clean} clean
 * @param {(label: string, value: string) => void} line
 * @param {number} rounds
 */
export function benchPageChrome(texts, clean, line, rounds) {
  const sample = texts.slice(0, Math.min(texts.length, 500))
  const pages = sample.map(asWholePage)
  /** @param {readonly string[]} set @param {object} options */
  const perArticle = (set, options) => {
    for (const text of set.slice(0, 50)) clean(text, options)
    /** @type {number[]} */
    const times = []
    for (let round = 0; round < rounds; round++) {
      const started = performance.now()
      for (const text of set) clean(text, options)
      times.push((performance.now() - started) / set.length)
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0
  }
  const without = {disable: ['page-chrome']}
  const articlesOn = perArticle(sample, {})
  const articlesOff = perArticle(sample, without)
  const pagesOn = perArticle(pages, {})
  const pagesOff = perArticle(pages, without)
  let gated = 0
  for (const page of pages) if (clean(page).removals.some((removal) => removal.rule === 'page-chrome')) gated++
  // The finder alone, on parsed trees: what the rule itself costs (the rest of the difference on whole
  // pages is the engine's second pass over the cleaned text, which any rule that removes something pays).
  const parser = createParser()
  const rules = defaultRuleSet()
  /** @param {readonly string[]} set */
  const finderOnly = (set) => {
    const parsed = set.map((text) => ({text, tree: parser.parse(text)}))
    const started = performance.now()
    for (const {text, tree} of parsed) findPageChrome(/** @type {import('mdast').Root} */ (tree), new VFile(text), rules)
    return (performance.now() - started) / set.length
  }
  line(
    'page-chrome: finder alone',
    `${finderOnly(sample).toFixed(2)} ms/article on bench articles, ${finderOnly(pages).toFixed(2)} ms on whole pages`,
  )
  line(
    'page-chrome: bench articles',
    `${articlesOn.toFixed(2)} ms with, ${articlesOff.toFixed(2)} ms without = +${(articlesOn - articlesOff).toFixed(2)} ms/article (${sample.length} articles)`,
  )
  line(
    'page-chrome: whole-page articles',
    `${pagesOn.toFixed(2)} ms with, ${pagesOff.toFixed(2)} ms without = +${(pagesOn - pagesOff).toFixed(2)} ms/article (chrome removed from ${gated} of ${pages.length})`,
  )
}
