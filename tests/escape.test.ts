/**
 * A file name cannot forge a line or drive the terminal: a name holding a
 * line break followed by a fake `path:line:col  rule  message`, a carriage
 * return, a tab and an escape sequence, through every reporter of check mode
 * and through the batch's messages on stderr.
 */
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Log} from 'sarif'
import {describe, expect, it} from 'vitest'
import {ExitCode, main} from '../src/cli/main.js'
import {escapeControl} from '../src/report/escape.js'
import type {CheckSummary, FileReport} from '../src/report/finding.js'
import type {JsonReport} from '../src/report/json.js'
import {createReporter, renderReport} from '../src/report/reporters.js'
import {tree} from './support/temp-tree.js'

/** A name that, printed as is, would add a line claiming a finding in another file, and turn the terminal red. */
const FORGED = 'a.md:1:1  ad-block  fine\nother.md:9:9  link-farm  \u001b[31mforged\r\tend.md'

const report: FileReport = {
  path: FORGED,
  fixed: false,
  findings: [
    {
      path: FORGED,
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 9,
      rule: 'ad-block',
      severity: 'error',
      message: 'An ad.',
      removed: 'ad text',
      range: [10, 17],
    },
  ],
}
const failed: FileReport = {path: FORGED, fixed: false, findings: [], error: `${FORGED}:2:1: not valid UTF-8`}
const summary: CheckSummary = {files: 2, errors: 1, warnings: 0, failed: 1, fixed: 0, write: false}
const options = {colors: false, rules: [], version: '1.0.0'}

/** No control character at all, except the line breaks that end lines. */
function expectNoControls(text: string): void {
  expect(text.replaceAll('\n', '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/)
}

describe('escapeControl', () => {
  it('writes C0, DEL, C1 and the Unicode separators as escapes, and leaves the rest', () => {
    expect(escapeControl('a\nb\rc\td\u001be\u0000f\u007fg\u009bh\u2028i é 文 \\n')).toBe(
      'a\\nb\\rc\\td\\x1be\\x00f\\x7fg\\x9bh\\u2028i é 文 \\n',
    )
  })
})

describe('reporters escape file names', () => {
  it('pretty: one line per finding and per failure, the name shown escaped', () => {
    const text = renderReport(createReporter('pretty', options), [report, failed], summary)
    expectNoControls(text)
    const escaped = escapeControl(FORGED)
    expect(text.split('\n')).toEqual([
      `${escaped}:3:1  ad-block  error  An ad.`,
      `${escaped}:2:1: not valid UTF-8`,
      '1 error, 0 warnings in 2 files, 1 could not be checked',
      '',
    ])
  })

  it('github: one workflow command per finding and failure, the line breaks %-escaped as the runner reads them', () => {
    const text = renderReport(createReporter('github', options), [report, failed], summary)
    expectNoControls(text)
    const lines = text.split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toMatch(
      /^::error file=a\.md%3A1%3A1  ad-block  fine%0Aother\.md%3A9%3A9  link-farm  \\x1b\[31mforged%0D\\tend\.md,line=3,/,
    )
    expect(lines[1]).toMatch(/^::error file=.*,line=2,col=1::a\.md:1:1  ad-block  fine%0Aother/)
  })

  it('json: the name is kept exactly, escaped by JSON', () => {
    const text = renderReport(createReporter('json', options), [report, failed], summary)
    expectNoControls(text)
    const document = JSON.parse(text) as JsonReport
    expect(document.files.map((file) => file.path)).toEqual([FORGED, FORGED])
  })

  it('sarif: the name is a percent-encoded URI; messages are escaped by JSON', () => {
    const text = renderReport(createReporter('sarif', options), [report, failed], summary)
    expectNoControls(text)
    const log = JSON.parse(text) as Log
    const uri = log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri!
    expect(uri).not.toMatch(/[\n\r\t\u001b]/)
    expect(decodeURIComponent(uri)).toBe(FORGED)
  })
})

describe('batch messages on stderr escape file names', () => {
  it('a file named with a line break and an escape sequence fails on one line of its own', async (context) => {
    if (process.platform === 'win32') context.skip('Windows file names cannot hold line breaks')
    const name = 'bad\nforged.md:1:1  ad-block  x\u001b[2J.md'
    const root = tree({'in/ok.md': '# Fine\n'})
    writeFileSync(join(root, 'in', name), Buffer.from([0xc3, 0x28]))
    const err: string[] = []
    const code = await main({
      argv: ['--no-config', 'in', '--out', 'out'],
      cwd: root,
      stdout: {write: () => true},
      stderr: {write: (chunk: string) => err.push(chunk)},
      env: {},
    })
    expect(code).toBe(ExitCode.failures)
    const stderr = err.join('')
    expectNoControls(stderr)
    expect(stderr.split('\n')[0]).toBe(
      'decruft: in/bad\\nforged.md:1:1  ad-block  x\\x1b[2J.md:1:1: not valid UTF-8 (byte 0xC3 at offset 0); save the file as UTF-8',
    )
  })
})
