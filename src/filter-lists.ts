/**
 * `decruft/filter-lists`: compile Adblock Plus / EasyList filter lists for
 * the `filter-list` rule. A separate entry point so that `import 'decruft'`
 * does not load @ghostery/adblocker unless lists are used.
 *
 * @example
 *   import {clean, createRuleSet, withFilterLists} from 'decruft'
 *   import {compileFilterLists} from 'decruft/filter-lists'
 *   const rules = withFilterLists(createRuleSet(), compileFilterLists([{name: 'easylist.txt', text}]))
 *   clean(markdown, {rules})
 */
export {compileFilterLists} from './ruleset/compile-filter-lists.js'
export {withFilterLists, type CompiledFilterLists, type FilterListSource, type FilterListStats} from './ruleset/filter-lists.js'
