// Load the command line (dist/cli-bundle/cli.cjs, built by `npm run build`)
// as a classic script compiled with V8's code cache (cli.cjs.cache beside
// it), so that a hook's one-file check does not spend its start-up
// compiling the bundle. A missing cache, or one V8 rejects (written by
// another Node version), only means compiling as usual. See
// scripts/bundle.js and scripts/code-cache.js.
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import vm from 'node:vm'

/** The bundle's path. */
export const CLI_BUNDLE = fileURLToPath(new URL('../dist/cli-bundle/cli.cjs', import.meta.url))

/** The code cache's path, beside the bundle. */
export const CLI_CODE_CACHE = `${CLI_BUNDLE}.cache`

/**
 * Compile and run the bundle; returns its exports (`main`) and the compiled
 * script (for `createCachedData`).
 *
 * @returns {{main: (context: object) => Promise<number>, script: vm.Script, cacheRejected: boolean | undefined}}
 */
export function loadCli() {
  const source = readFileSync(CLI_BUNDLE, 'utf8')
  let cachedData
  try {
    cachedData = readFileSync(CLI_CODE_CACHE)
  } catch {
    // No cache: compile.
  }
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname, __decruftModuleUrl, __decruftImport) {${source}\n})`,
    {filename: CLI_BUNDLE, cachedData},
  )
  const nodeRequire = createRequire(CLI_BUNDLE)
  // js-yaml 3 (gray-matter's) loads the esprima parser on start, only for a tag gray-matter never uses: refuse it, as if not installed.
  const require = Object.assign((/** @type {string} */ id) => {
    if (id === 'esprima') throw new Error('esprima is left out of the decruft bundle')
    return nodeRequire(id)
  }, nodeRequire)
  /** @type {{exports: {main?: (context: object) => Promise<number>}}} */
  const module = {exports: {}}
  // The bundle's `import()` (tinypool, cli-progress, a JavaScript config file) comes here: see scripts/bundle.js.
  const importModule = (/** @type {string} */ specifier) => import(specifier)
  script.runInThisContext()(module.exports, require, module, CLI_BUNDLE, dirname(CLI_BUNDLE), pathToFileURL(CLI_BUNDLE).href, importModule)
  const {main} = module.exports
  if (typeof main !== 'function') throw new Error(`${CLI_BUNDLE}: no main export (run \`npm run build\`)`)
  return {main, script, cacheRejected: cachedData === undefined ? undefined : script.cachedDataRejected}
}
