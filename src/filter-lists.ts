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
export {compileFilterLists} from './rules/filter-list/compile.js'
export {withFilterLists, type CompiledFilterLists, type FilterListSource, type FilterListStats} from './rules/filter-list/lists.js'
