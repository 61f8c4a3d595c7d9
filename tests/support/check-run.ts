/**
 * What the check-mode CLI tests share: a spammy article (an ad block and a
 * link farm, each one finding) and a clean one, and `runCli`, which runs
 * `main` in-process with captured stdout and stderr (no terminal unless
 * asked, an empty environment unless given).
 */
import {main} from '../../src/cli/main.js'

/** An article with one ad block (line 7) and one `Also read:` link farm. */
export const SPAMMY = [
  '---',
  'title: Oiling a Gate Hinge',
  '---',
  '',
  'Oil the pin of the hinge once a year and it will stay quiet.',
  '',
  '<!-- affiliate ads begin -->',
  '<a href="https://shop.example.test/buy?aff=42"><img src="https://img.example.test/oil.png"></a>',
  '<!-- affiliate ads end -->',
  '',
  'Wipe away any excess with a dry cloth.',
  '',
  '**Also read:**',
  '',
  '- [Ten garden tools](https://farm.example.test/tools)',
  '- [Best hinges of the year](https://farm.example.test/hinges)',
  '- [Cheap gate latches](https://farm.example.test/latches)',
  '',
].join('\n')

/** An article nothing is found in. */
export const CLEAN = '---\ntitle: Painting a Fence\n---\n\nSand it, prime it, paint it twice.\n'

export interface RunOptions {
  env?: Record<string, string>
  isTTY?: boolean
  stdoutIsTTY?: boolean
  stdin?: string | Uint8Array
}

function sink() {
  const chunks: string[] = []
  return {write: (chunk: string) => chunks.push(chunk), text: () => chunks.join('')}
}

async function* chunksOf(text: string | Uint8Array) {
  yield typeof text === 'string' ? Buffer.from(text) : text
}

/** Run the CLI in `cwd`; its exit code and what it wrote. */
export async function runCli(argv: string[], cwd: string, options: RunOptions = {}) {
  const stdout = sink()
  const stderr = sink()
  const code = await main({
    argv,
    cwd,
    stdout,
    stderr,
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    stdin: options.stdin === undefined ? undefined : chunksOf(options.stdin),
  })
  return {code, stdout: stdout.text(), stderr: stderr.text()}
}
