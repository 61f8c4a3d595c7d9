#!/usr/bin/env node
/**
 * Write V8's code cache of the command-line bundle
 * (dist/cli-bundle/cli.cjs.cache; run by scripts/bundle.js after bundling).
 *
 * The command is loaded as bin/decruft.js loads it and run once, in this
 * process, on the sample articles of input/ (check mode, output thrown
 * away), so that the cache holds the functions a check compiles, not only
 * the bundle's top level: V8 includes in a script's cache every function
 * compiled so far. Without input/ (a checkout that left it out), the cache
 * holds the bundle's top level only. The cache is valid for this Node
 * version (V8 checks its version, flags and the source's length; the build
 * deletes dist/cli-bundle/ first, so a cache never outlives its bundle);
 * under another, bin/cli-loader.js compiles as usual.
 */
import {existsSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {CLI_CODE_CACHE, loadCli} from '../bin/cli-loader.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const sink = {write: () => true}
const {main, script} = loadCli()
if (existsSync(`${root}input`)) {
  const code = await main({
    argv: ['check', '--no-config', '--concurrency', '1', 'input'],
    cwd: root,
    stdout: sink,
    stderr: sink,
    env: {},
  })
  // 0 or 1 (the sample has cruft to find): anything else means the bundle is broken.
  if (code !== 0 && code !== 1) {
    console.error(`code-cache: decruft check on input/ exited ${code}`)
    process.exit(1)
  }
}
writeFileSync(CLI_CODE_CACHE, script.createCachedData())
