#!/usr/bin/env node
// The decruft command: run the compiled CLI with this process's streams.
import {main} from '../dist/cli/main.js'

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
