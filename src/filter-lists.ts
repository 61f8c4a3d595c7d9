/**
 * `decruft/filter-lists`: compile Adblock Plus / EasyList filter lists for
 * the `filter-list` rule. A separate entry point so that `import 'decruft'`
 * does not load @ghostery/adblocker unless lists are used.
 *
 * @example
 *   import {clean} from 'decruft'
 *   import {compileFilterLists} from 'decruft/filter-lists'
 *   const filterLists = compileFilterLists([{name: 'easylist.txt', text}])
 *   clean(markdown, {filterLists})
 */
export {compileFilterLists} from './rules/filter-list/compile.js'
export type {CompiledFilterLists, FilterListSource, FilterListStats} from './rules/filter-list/lists.js'
