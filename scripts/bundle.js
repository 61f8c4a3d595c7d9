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
 * The library (`import {clean} from 'decruft'`) is not bundled: dist/index.js
 * stays plain tsc output, for the consumer's own bundler. Identifiers are
 * kept (no mangling), so stack traces stay readable.
 */
import {rmSync} from 'node:fs'
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
