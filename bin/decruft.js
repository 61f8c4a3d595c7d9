#!/usr/bin/env node
// The decruft command: run the bundled CLI (dist/cli-bundle/cli.cjs, built
// by `npm run build`, with its code cache; see bin/cli-loader.js and
// scripts/bundle.js) with this process's streams.
import {loadCli} from './cli-loader.js'

// `decruft check … | head`: a reader that goes away is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

const {main} = loadCli()
process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  isTTY: process.stderr.isTTY === true,
  stdoutIsTTY: process.stdout.isTTY === true,
})
