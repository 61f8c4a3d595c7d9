#!/usr/bin/env node
/**
 * Bundle the command line (after `tsc`): dist/cli/main.js and the batch
 * worker dist/node/worker.js, with their dependencies, into
 * dist/cli-bundle/ (ES modules, split into chunks so that what check mode
 * does not use — the batch machinery, globbing, the filter-list engine —
 * is loaded only when needed).
 *
 * Why: a pre-commit hook starts decruft on every commit, and Node's ES module
 * loader pays per file: unbundled, the command loads several hundred small
 * modules (micromark alone is dozens) and spends about half its start-up
 * resolving and compiling them. Bundled and minified, `decruft check` on one
 * article takes about half the time (see `npm run bench`).
 *
 * The command itself runs from a second bundle, dist/cli-bundle/cli.cjs: the
 * whole command line in one classic script, which bin/cli-loader.js compiles
 * with V8's code cache (cli.cjs.cache, written here by running the command
 * once on the sample input, see scripts/code-cache.js). An ES module cannot
 * use a code cache in Node 20 (module.enableCompileCache came in Node 22), a
 * classic script can (vm.Script's cachedData); with it a one-file check skips
 * compiling the 2 MB bundle and the functions the check runs. What check mode
 * does not use (the filter-list engine, the batch machinery) stays lazy: it
 * is wrapped in functions that run on first use. A missing or stale cache
 * (another Node version) only costs the compile. The ES module bundle
 * (main.js and its chunks) stays for the worker threads (worker.js).
 *
 * The library (`import {clean} from 'decruft'`) is not bundled: dist/index.js
 * stays plain tsc output, for the consumer's own bundler. Identifiers are
 * kept (no mangling), so stack traces stay readable.
 */
import {spawnSync} from 'node:child_process'
import {readFileSync, rmSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const outdir = `${root}dist/cli-bundle`

/**
 * CommonJS dependencies (gray-matter, js-yaml) call require() for Node's
 * built-ins, which an ES module does not have: each chunk gets one. It
 * refuses `esprima`, as if it were not installed: js-yaml 3 (gray-matter's)
 * loads that 280 KB parser on start, in a try/catch, only for the
 * `!!js/function` tag of a schema gray-matter never uses, and decruft uses
 * gray-matter only to serialise.
 */
const REQUIRE_BANNER = [
  "import {createRequire as __decruftCreateRequire} from 'node:module';",
  'const __decruftRequire=__decruftCreateRequire(import.meta.url);',
  "const require=Object.assign((id)=>{if(id==='esprima')throw new Error('esprima is left out of the decruft bundle');return __decruftRequire(id)},__decruftRequire);",
].join('')

rmSync(outdir, {recursive: true, force: true})
await build({
  absWorkingDir: root,
  entryPoints: ['dist/cli/main.js', 'dist/node/worker.js'],
  outdir,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'linked',
  logLevel: 'warning',
  // Left in node_modules, loaded from there as usual: tinypool starts its
  // workers from a file beside its own module (`entry/worker.js`), and
  // cli-progress is CommonJS that reads `__filename` or the like, which a
  // bundled ES module does not have. Both are loaded only for batches, not
  // to check one article.
  external: ['tinypool', 'cli-progress'],
  banner: {js: REQUIRE_BANNER},
})

/**
 * A dynamic `import()` left in the classic script (of a package kept
 * external, or of a config file) becomes `__decruftImport()`, a parameter of
 * the loader's wrapper that imports from an ES module: in Node 20 a script
 * compiled from a code cache loses its `importModuleDynamically` callback,
 * and its own `import()` throws ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING.
 * `import('./x.js')` of the bundle's own modules is left to esbuild, which
 * inlines it.
 */
const DYNAMIC_IMPORT = /(?<![\w$.])import\((?!\s*['"]\.\.?\/)/g
/** @type {import('esbuild').Plugin} */
const dynamicImportsToLoader = {
  name: 'dynamic-imports-to-loader',
  setup(build) {
    build.onLoad({filter: /\.(?:m?js)$/}, (args) => {
      const text = readFileSync(args.path, 'utf8')
      if (!text.includes('import(')) return undefined
      return {contents: text.replace(DYNAMIC_IMPORT, '__decruftImport('), loader: 'js'}
    })
  },
}

// The command as one classic script for the code cache. `import.meta.url`
// becomes a parameter of the loader's wrapper (bin/cli-loader.js), set to
// this file's URL: what is looked up beside it (worker.js, ../../package.json)
// is found where the ES module bundle finds it. The loader provides
// `require` (refusing esprima, as the banner above does) and
// `__decruftImport`.
await build({
  absWorkingDir: root,
  entryPoints: ['dist/cli/main.js'],
  outfile: `${outdir}/cli.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'linked',
  logLevel: 'warning',
  external: ['tinypool', 'cli-progress'],
  define: {'import.meta.url': '__decruftModuleUrl'},
  plugins: [dynamicImportsToLoader],
})

// The code cache: run the command once (in a plain child, so the cache
// matches a plain `node`) and save what V8 compiled.
const cached = spawnSync(process.execPath, [`${root}scripts/code-cache.js`], {cwd: root, stdio: 'inherit'})
if (cached.status !== 0) process.exitCode = cached.status ?? 1
