/**
 * The decruft command, run in-process through `main()` on temporary trees.
 * Expected outputs are computed with `clean()` on the same input, so these
 * tests check the CLI's plumbing (what is read, written, refused and
 * reported), not the rules.
 */
import {chmodSync, cpSync, existsSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {spawnSync} from 'node:child_process'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Readable} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {ExitCode, main} from '../src/cli/main.js'
import {clean, createRuleSet} from '../src/index.js'
import {ruleIds} from '../src/plugin-api.js'
import {listFiles, tree} from './support/temp-tree.js'

const AD = [
  '<!-- affiliate ads begin -->',
  '<a href="https://shop.example.test/buy?aff=42"><img src="https://img.example.test/oil.png"></a>',
  '<!-- affiliate ads end -->',
].join('\n')

/** An article with an ad block in it, made of invented text. */
function article(title: string, eol = '\n'): string {
  return [
    '---',
    `title: ${title}`,
    'date: 2024-03-01',
    '---',
    '',
    `# ${title}`,
    '',
    'Oil the pin of the hinge once a year and it will stay quiet.',
    '',
    AD,
    '',
    'Wipe away any excess with a dry cloth.',
    '',
  ].join(eol)
}

interface Run {
  code: number
  stdout: string
  stderr: string
}

function sink() {
  const chunks: string[] = []
  return {write: (chunk: string) => chunks.push(chunk), text: () => chunks.join('')}
}

async function run(argv: string[], options: {cwd: string; stdin?: string | Uint8Array; isTTY?: boolean}): Promise<Run> {
  const stdout = sink()
  const stderr = sink()
  const code = await main({
    argv,
    cwd: options.cwd,
    stdin: options.stdin === undefined ? undefined : Readable.from([Buffer.from(options.stdin)]),
    stdout,
    stderr,
    env: {},
    isTTY: options.isTTY ?? false,
  })
  return {code, stdout: stdout.text(), stderr: stderr.text()}
}

describe('batch', () => {
  it('mirrors the input tree, writing .md and .json for each article', async () => {
    const input = {
      'in/top.md': article('Top'),
      'in/guides/doors/hinge.markdown': article('Hinge'),
      'in/guides/notes.md': article('Notes'),
      'in/guides/picture.png': 'not markdown',
      'in/node_modules/pkg/readme.md': article('Dependency'),
      'in/.git/info.md': article('Git'),
    }
    const root = tree(input)
    const result = await run(['in', '--out', 'out'], {cwd: root})
    expect(result.code).toBe(ExitCode.ok)
    expect(listFiles(join(root, 'out'))).toEqual([
      'guides/doors/hinge.json',
      'guides/doors/hinge.markdown',
      'guides/notes.json',
      'guides/notes.md',
      'top.json',
      'top.md',
    ])
    for (const path of ['top.md', 'guides/doors/hinge.markdown', 'guides/notes.md']) {
      const source = input[`in/${path}` as keyof typeof input]
      const expected = clean(source)
      const markdown = readFileSync(join(root, 'out', path), 'utf8')
      expect(markdown).toBe(expected.markdown)
      expect(markdown).not.toContain('shop.example.test')
      const record = JSON.parse(readFileSync(join(root, 'out', path.replace(/\.[^.]+$/, '.json')), 'utf8'))
      expect(record.source).toBe(path)
      expect(record.markdown).toBe(expected.record.markdown)
      expect(record.stats.removals['ad-block']).toBe(1)
    }
    expect(result.stderr).toMatch(/3 files: 3 written/)
    expect(result.stderr).toMatch(/ad-block\s+3\n/)
  })

  it('counts an unlinked link once in the summary and the record (its two parts are one removal)', async () => {
    const linked =
      'Use [Hinge Oil](https://www.amazon.com/dp/B01/?tag=shop-20) or <a href="https://www.amazon.com/dp/B02?tag=shop-20">grease</a>.\n'
    const root = tree({'in/a.md': linked, 'in/b.md': linked})
    const result = await run(['in', '--out', 'out', '--disable', 'frontmatter'], {cwd: root})
    expect(result.code).toBe(ExitCode.ok)
    expect(result.stderr).toMatch(/affiliate-link\s+4\n/)
    expect(result.stderr).toMatch(/total\s+4 removals/)
    const record = JSON.parse(readFileSync(join(root, 'out', 'a.json'), 'utf8'))
    expect(record.removals).toHaveLength(4)
    expect(record.stats.removals).toEqual({'affiliate-link': 2})
  })

  it('takes files and globs: a file keeps its name, a glob its path below the static base', async () => {
    const root = tree({
      'a/one.md': article('One'),
      'b/deep/two.md': article('Two'),
      'b/deep/skip.txt': 'text',
    })
    const result = await run(['a/one.md', 'b/**/*', '--out', 'out'], {cwd: root})
    expect(result.code).toBe(ExitCode.ok)
    expect(listFiles(join(root, 'out'))).toEqual(['deep/two.json', 'deep/two.md', 'one.json', 'one.md'])
  })

  it('never modifies its inputs', async () => {
    const root = tree({'in/a.md': article('A'), 'in/b.md': article('B', '\r\n'), 'in/c.md': `\uFEFF${article('C')}`})
    const before = ['a.md', 'b.md', 'c.md'].map((name) => {
      const path = join(root, 'in', name)
      return {bytes: readFileSync(path), mtime: statSync(path).mtimeMs}
    })
    expect((await run(['in', '--out', 'out'], {cwd: root})).code).toBe(ExitCode.ok)
    const after = ['a.md', 'b.md', 'c.md'].map((name) => {
      const path = join(root, 'in', name)
      return {bytes: readFileSync(path), mtime: statSync(path).mtimeMs}
    })
    expect(after).toEqual(before)
  })

  it('refuses, before any work, an --out that is an input folder, sits inside one or holds one (exit 2)', async () => {
    const root = tree({'in/a.md': article('A'), 'in/drafts/a.md': "the author's draft\n", 'in/posts/b.md': article('B')})
    const before = listFiles(root)
    for (const [argv, message] of [
      [['in', '--out', 'in'], /^decruft: --out is the input folder in: /],
      [['in', '--out', 'in/drafts'], /^decruft: --out is inside the input folder in: /],
      [['in/posts', '--out', 'in'], /^decruft: --out contains the input folder in\/posts: /],
      [['in/a.md', '--out', 'in'], /^decruft: --out contains the input in\/a\.md: /],
      [['in/*.md', '--out', '.'], /^decruft: --out contains the input in\/a\.md: /],
    ] as const) {
      const result = await run([...argv], {cwd: root})
      expect(result.code, argv.join(' ')).toBe(ExitCode.usage)
      expect(result.stderr).toMatch(message)
    }
    expect(readFileSync(join(root, 'in/drafts/a.md'), 'utf8')).toBe("the author's draft\n")
    expect(listFiles(root)).toEqual(before)
  })

  it('sees through a symbolic link to the input folder', async () => {
    const root = tree({'in/a.md': article('A')})
    symlinkSync('in', join(root, 'alias'))
    const result = await run(['in', '--out', 'alias'], {cwd: root})
    expect(result.code).toBe(ExitCode.usage)
    expect(result.stderr).toMatch(/--out is the input folder in: /)
    expect(listFiles(join(root, 'in'))).toEqual(['a.md'])
  })

  it('places the matches of a glob that climbs out of its base inside --out, never beside it', async () => {
    const root = tree({'work/sub/keep.md': 'x\n', 'other/x.md': article('X'), 'other/x.json': 'unrelated\n'})
    const cwd = join(root, 'work')
    const result = await run(['*/../../other/*.md', '--out', 'out', '--json'], {cwd})
    expect(result.code).toBe(ExitCode.ok)
    expect(readFileSync(join(root, 'other/x.json'), 'utf8')).toBe('unrelated\n')
    expect(listFiles(root)).toEqual(['other/x.json', 'other/x.md', 'work/out/x.json', 'work/sub/keep.md'])
  })

  it('places absolute operands inside --out', async () => {
    const root = tree({'in/a.md': article('A'), 'in/deep/b.md': article('B')})
    const result = await run([join(root, 'in/a.md'), `${join(root, 'in')}/**/b.md`, '--out', 'out', '--md'], {cwd: root})
    expect(result.code).toBe(ExitCode.ok)
    expect(listFiles(join(root, 'out'))).toEqual(['a.md', 'deep/b.md'])
  })

  it('refuses an --out it cannot write to before any work (exit 2)', async () => {
    const root = tree({'in/a.md': article('A'), 'locked/.keep': ''})
    chmodSync(join(root, 'locked'), 0o500)
    try {
      // Root writes anywhere: as root, the built CLI runs as an unprivileged user (uid 65534) instead
      // (tests/full-disk.test.ts covers a read-only file system, which stops root too).
      const asRoot = process.getuid?.() === 0
      const result = asRoot ? runAsNobody(['in', '--out', 'locked/out'], root) : await run(['in', '--out', 'locked/out'], {cwd: root})
      expect(result.code).toBe(ExitCode.usage)
      expect(result.stderr).toMatch(/^decruft: locked\/out: cannot (?:write to the|use as) output directory.*: permission denied/)
    } finally {
      chmodSync(join(root, 'locked'), 0o700)
    }
  })

  it('refuses two inputs that would share an output', async () => {
    const root = tree({'in/same.md': article('Md'), 'in/same.markdown': article('Markdown')})
    const result = await run(['in', '--out', 'out'], {cwd: root})
    expect(result.code).toBe(ExitCode.failures)
    // `same.markdown` sorts first and wins; `same.md` would overwrite its same.json.
    expect(result.stderr).toMatch(/decruft: in\/same\.md: output out\/same\.json is already written for in\/same\.markdown/)
    expect(listFiles(join(root, 'out'))).toEqual(['same.json', 'same.markdown'])
  })
})

describe('exit codes', () => {
  it('are distinct: ok 0, strict problems 1, usage 2, bad input 3', () => {
    expect(ExitCode).toEqual({ok: 0, problems: 1, usage: 2, failures: 3})
  })
})

describe('frontmatter options', () => {
  // A date Jekyll does not read as written (its own `2024-06-30 21:15:00` would stay), so the dialect rewrites it.
  const messy = '---\nTitle: Hinges\npublished_at: June 30, 2024 9:15 PM\ntags: oil, hinges, Oil\n---\n\nOil the hinge.\n'

  it('--frontmatter writes a dialect, --timezone sets the zone of zone-less dates', async () => {
    const root = tree({'in/a.md': messy})
    const result = await run(['in', '--out', 'out', '--md', '--frontmatter', 'jekyll', '--timezone', 'Europe/Paris'], {cwd: root})
    expect(result.code).toBe(ExitCode.ok)
    const expected = clean(messy, {path: 'in/a.md', frontmatter: {dialect: 'jekyll', zone: 'Europe/Paris'}}).markdown
    expect(readFileSync(join(root, 'out/a.md'), 'utf8')).toBe(expected)
    expect(expected).toContain('date: 2024-06-30 21:15:00 +0200\n')
    expect(expected).toContain('title: Hinges\n')
  })

  it('--derive fills in missing fields', async () => {
    const root = tree({'in/2024-06-21-oiling-hinges.md': '---\ntitle: Oiling Hinges\n---\n\nBody.\n'})
    const result = await run(['in', '--out', 'out', '--md', '--derive', 'slug,date'], {cwd: root})
    expect(result.code).toBe(ExitCode.ok)
    expect(readFileSync(join(root, 'out/2024-06-21-oiling-hinges.md'), 'utf8')).toBe(
      '---\ntitle: Oiling Hinges\nslug: oiling-hinges\ndate: 2024-06-21\n---\n\nBody.\n',
    )
  })

  it('--strict prints each problem as path:line:col rule message, writes the article and exits 1', async () => {
    const root = tree({'in/a.md': '---\ntags: 42\ndraft: maybe\n---\n\nBody.\n', 'in/b.md': article('Fine')})
    const result = await run(['in', '--out', 'out', '--strict'], {cwd: root})
    expect(result.code).toBe(ExitCode.problems)
    expect(result.stderr).toContain('in/a.md:1:1  frontmatter  error  Required frontmatter key `title` is missing\n')
    expect(result.stderr).toContain('in/a.md:2:1  frontmatter  error  Frontmatter `tags` should be a list, not a number\n')
    expect(result.stderr).toContain('in/a.md:3:1  frontmatter  error  Frontmatter `draft` should be true or false, not text\n')
    expect(result.stderr).not.toContain('in/b.md:')
    expect(existsSync(join(root, 'out/a.md'))).toBe(true)
    const record = JSON.parse(readFileSync(join(root, 'out/a.json'), 'utf8'))
    expect(record.problems).toHaveLength(3)
    // Without --strict the same tree is fine.
    expect((await run(['in', '--out', 'out2'], {cwd: root})).code).toBe(ExitCode.ok)
  })

  it('--strict in stdin mode reports on stderr and exits 1', async () => {
    const root = tree({})
    const result = await run(['-', '--strict'], {cwd: root, stdin: '---\ndate: 2024-01-01\n---\nBody.\n'})
    expect(result.code).toBe(ExitCode.problems)
    expect(result.stdout).toBe('---\ndate: 2024-01-01\n---\nBody.\n')
    expect(result.stderr).toBe('<stdin>:1:1  frontmatter  error  Required frontmatter key `title` is missing\n')
  })

  it('exits 2 on an unknown dialect, zone or derivable field', async () => {
    const root = tree({'in/a.md': messy})
    for (const argv of [
      ['--frontmatter', 'gatsby'],
      ['--timezone', 'Mars/Olympus'],
      ['--derive', 'author'],
    ]) {
      const result = await run(['in', '--out', 'out', ...argv], {cwd: root})
      expect(result.code, argv.join(' ')).toBe(ExitCode.usage)
      expect(result.stderr, argv.join(' ')).toMatch(new RegExp(`^decruft: ${argv[0]}: `))
    }
    expect(existsSync(join(root, 'out'))).toBe(false)
  })

  it('takes a dialect defined in a rules file', async () => {
    const rulesText =
      'frontmatter:\n  dialects:\n    - id: mysite\n      dateFormat: YYYY-MM-DD\n      keys:\n        - field: tags\n          key: labels\n'
    const root = tree({'in/a.md': messy, 'site.yaml': rulesText})
    const result = await run(['in', '--out', 'out', '--md', '--rules', 'site.yaml', '--frontmatter', 'mysite'], {cwd: root})
    expect(result.code).toBe(ExitCode.ok)
    expect(readFileSync(join(root, 'out/a.md'), 'utf8')).toMatch(
      /^---\nlabels:\n {2}- oil\n {2}- hinges\ntitle: Hinges\ndate: 2024-06-30\n---\n/,
    )
  })
})

describe('missing inputs', () => {
  it('exits 2 naming the path when no operand exists', async () => {
    const root = tree({})
    const result = await run(['no-such-dir', '--out', 'out'], {cwd: root})
    expect(result.code).toBe(ExitCode.usage)
    expect(result.stderr).toContain('decruft: no-such-dir: no such file or directory')
    expect(existsSync(join(root, 'out'))).toBe(false)
  })

  it('exits 3 naming the path when other operands are fine, and writes those', async () => {
    const root = tree({'in/a.md': article('A')})
    const result = await run(['no-such-dir', 'in', '--out', 'out'], {cwd: root})
    expect(result.code).toBe(ExitCode.failures)
    expect(result.stderr).toContain('decruft: no-such-dir: no such file or directory')
    expect(listFiles(join(root, 'out'))).toEqual(['a.json', 'a.md'])
  })

  it('reports a glob that matches nothing', async () => {
    const root = tree({'in/a.md': article('A')})
    const result = await run(['in', 'nothing/**/*.md', '--out', 'out'], {cwd: root})
    expect(result.code).toBe(ExitCode.failures)
    expect(result.stderr).toContain('decruft: nothing/**/*.md: no Markdown file matches this pattern')
  })
})

describe('failing articles', () => {
  it('writes an article whose YAML it cannot repair, frontmatter as written and body cleaned; --strict names it and exits 1', async () => {
    const bad = '---\ntitle: Ok\ntags: [one, two\n---\n\nSome [text](https://example.com/?utm_source=feed).\n'
    const root = tree({'in/bad.md': bad, 'in/good.md': article('Good')})
    const result = await run(['in', '--out', 'out'], {cwd: root})
    expect(result.code).toBe(ExitCode.ok)
    expect(listFiles(join(root, 'out'))).toEqual(['bad.json', 'bad.md', 'good.json', 'good.md'])
    expect(readFileSync(join(root, 'out', 'bad.md'), 'utf8')).toBe(bad.replace('?utm_source=feed', ''))
    const record = JSON.parse(readFileSync(join(root, 'out', 'bad.json'), 'utf8')) as {
      warnings: Array<{rule: string; line: number; reason: string}>
    }
    expect(record.warnings).toEqual([
      expect.objectContaining({rule: 'frontmatter', line: 3, reason: expect.stringMatching(/^Invalid YAML in the frontmatter/)}),
    ])
    const strict = await run(['in', '--out', 'strict', '--strict'], {cwd: root})
    expect(strict.code).toBe(ExitCode.problems)
    expect(strict.stderr).toMatch(/^in\/bad\.md:3:\d+  frontmatter  error  Invalid YAML in the frontmatter/m)
    expect(listFiles(join(root, 'strict'))).toEqual(['bad.json', 'bad.md', 'good.json', 'good.md'])
  })

  it('repairs an unquoted title and records the repair', async () => {
    const root = tree({'in/post.md': '---\ntitle: Fix: the driver\n---\n\nText.\n'})
    const result = await run(['in', '--out', 'out'], {cwd: root})
    expect(result.code).toBe(ExitCode.ok)
    expect(readFileSync(join(root, 'out', 'post.md'), 'utf8')).toBe("---\ntitle: 'Fix: the driver'\n---\n\nText.\n")
  })

  it('refuses a binary file and a file that is not UTF-8, with clear causes', async () => {
    const latin1 = Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\n')])
    const root = tree({
      'in/binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]),
      'in/latin1.md': Buffer.concat([Buffer.from('first line\n'), latin1]),
      'in/fine.md': article('Fine'),
    })
    const result = await run(['in', '--out', 'out'], {cwd: root})
    expect(result.code).toBe(ExitCode.failures)
    expect(result.stderr).toMatch(/^decruft: in\/binary\.md:1:\d+: binary file/m)
    // The bad byte is on line 2, after "# Caf".
    expect(result.stderr).toMatch(/^decruft: in\/latin1\.md:2:6: not valid UTF-8 \(byte 0xE9/m)
    expect(listFiles(join(root, 'out'))).toEqual(['fine.json', 'fine.md'])
  })

  it('refuses a file over --max-size', async () => {
    const root = tree({'in/big.md': article('Big'), 'in/small.md': '# Small\n'})
    const result = await run(['in', '--out', 'out', '--max-size', '100'], {cwd: root})
    expect(result.code).toBe(ExitCode.failures)
    expect(result.stderr).toMatch(/decruft: in\/big\.md: file too large \(\d+ bytes, limit 100\)/)
    expect(listFiles(join(root, 'out'))).toEqual(['small.json', 'small.md'])
  })
})

describe('special but valid articles', () => {
  it('cleans an empty file and a frontmatter-only file', async () => {
    const frontmatterOnly = '---\ntitle: Only a title\n---\n'
    const root = tree({'in/empty.md': '', 'in/front.md': frontmatterOnly})
    const result = await run(['in', '--out', 'out'], {cwd: root})
    expect(result.code).toBe(ExitCode.ok)
    expect(readFileSync(join(root, 'out/empty.md'), 'utf8')).toBe('')
    expect(readFileSync(join(root, 'out/front.md'), 'utf8')).toBe(clean(frontmatterOnly).markdown)
    expect(JSON.parse(readFileSync(join(root, 'out/empty.json'), 'utf8')).source).toBe('empty.md')
  })

  it('cleans CRLF and BOM files like clean() does', async () => {
    const crlf = article('Windows', '\r\n')
    const bom = `\uFEFF${article('Marked')}`
    const root = tree({'in/crlf.md': crlf, 'in/bom.md': bom})
    const result = await run(['in', '--out', 'out'], {cwd: root})
    expect(result.code).toBe(ExitCode.ok)
    const crlfOut = readFileSync(join(root, 'out/crlf.md'), 'utf8')
    expect(crlfOut).toBe(clean(crlf).markdown)
    expect(crlfOut).toContain('\r\n')
    expect(crlfOut).not.toContain('affiliate')
    const bomOut = readFileSync(join(root, 'out/bom.md'), 'utf8')
    expect(bomOut).toBe(clean(bom).markdown)
    expect(bomOut).not.toContain('affiliate')
    // The BOM reached clean(): its removal is in the record.
    const record = JSON.parse(readFileSync(join(root, 'out/bom.json'), 'utf8'))
    expect(record.removals.some((removal: {text: string}) => removal.text === '\uFEFF')).toBe(true)
  })
})

describe('outputs', () => {
  it('--md writes only the Markdown', async () => {
    const root = tree({'in/a.md': article('A')})
    expect((await run(['in', '--out', 'out', '--md'], {cwd: root})).code).toBe(ExitCode.ok)
    expect(listFiles(join(root, 'out'))).toEqual(['a.md'])
  })

  it('--json writes only the record', async () => {
    const root = tree({'in/a.md': article('A')})
    expect((await run(['in', '--out', 'out', '--json'], {cwd: root})).code).toBe(ExitCode.ok)
    expect(listFiles(join(root, 'out'))).toEqual(['a.json'])
  })

  it('--md --json writes both', async () => {
    const root = tree({'in/a.md': article('A')})
    expect((await run(['in', '--out', 'out', '--md', '--json'], {cwd: root})).code).toBe(ExitCode.ok)
    expect(listFiles(join(root, 'out'))).toEqual(['a.json', 'a.md'])
  })

  it('--format writes the canonically formatted Markdown', async () => {
    const source = `${article('Format')}\n* star bullet\n* another\n`
    const root = tree({'in/a.md': source})
    expect((await run(['in', '--out', 'out', '--md', '--format'], {cwd: root})).code).toBe(ExitCode.ok)
    expect(readFileSync(join(root, 'out/a.md'), 'utf8')).toBe(clean(source, {format: true}).markdown)
  })
})

describe('stdin mode', () => {
  it('writes the clean Markdown to stdout', async () => {
    const source = article('Piped')
    const result = await run(['-'], {cwd: tree({}), stdin: source})
    expect(result.code).toBe(ExitCode.ok)
    expect(result.stdout).toBe(clean(source).markdown)
    expect(result.stderr).toBe('')
  })

  it('writes the JSON record to stdout with --json', async () => {
    const source = article('Piped')
    const result = await run(['-', '--json'], {cwd: tree({}), stdin: source})
    expect(result.code).toBe(ExitCode.ok)
    const record = JSON.parse(result.stdout)
    expect(record.markdown).toBe(clean(source).record.markdown)
    expect(record.stats.removals['ad-block']).toBe(1)
  })

  it('fails with exit 3 on a bad article and writes nothing to stdout', async () => {
    const result = await run(['-'], {cwd: tree({}), stdin: 'ab\u0000cd\n'})
    expect(result.code).toBe(ExitCode.failures)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^decruft: <stdin>:\d+:\d+: /)
  })

  it('refuses non-UTF-8 input', async () => {
    const result = await run(['-'], {cwd: tree({}), stdin: Buffer.from([0x41, 0xff, 0x0a])})
    expect(result.code).toBe(ExitCode.failures)
    expect(result.stderr).toMatch(/^decruft: <stdin>:1:2: not valid UTF-8/)
  })
})

describe('rules and options', () => {
  it('merges --rules files over the defaults', async () => {
    const rulesText = 'adBlock:\n  markers:\n    - id: affiliate-ads\n      enabled: false\n'
    const source = article('Kept ad')
    const root = tree({'in/a.md': source, 'my-rules.yaml': rulesText})
    const result = await run(['in', '--out', 'out', '--md', '--rules', 'my-rules.yaml'], {cwd: root})
    expect(result.code).toBe(ExitCode.ok)
    const expected = clean(source, {rules: createRuleSet({text: rulesText, file: 'my-rules.yaml'})}).markdown
    expect(readFileSync(join(root, 'out/a.md'), 'utf8')).toBe(expected)
    expect(expected).not.toBe(clean(source).markdown)
  })

  it('exits 2 on a rules file with a schema error, naming file, line and path', async () => {
    const root = tree({'in/a.md': article('A'), 'my-rules.yaml': 'version: 1\nbogus: true\n'})
    const result = await run(['in', '--out', 'out', '--rules', 'my-rules.yaml'], {cwd: root})
    expect(result.code).toBe(ExitCode.usage)
    expect(result.stderr).toMatch(/^decruft: my-rules\.yaml:2:\d+: bogus: /m)
    expect(existsSync(join(root, 'out'))).toBe(false)
  })

  it('exits 2 on a rules file that is not valid YAML, naming file and line', async () => {
    const text = 'version: 1\nadBlock: [\n'
    const root = tree({'in/a.md': article('A'), 'my-rules.yaml': text})
    const result = await run(['in', '--out', 'out', '--rules', 'my-rules.yaml'], {cwd: root})
    expect(result.code).toBe(ExitCode.usage)
    const match = /^decruft: my-rules\.yaml:(\d+):(\d+): /m.exec(result.stderr)
    expect(match).not.toBeNull()
    expect(Number(match![1])).toBeGreaterThanOrEqual(2)
    expect(existsSync(join(root, 'out'))).toBe(false)
  })

  it('exits 2 on a rules file that cannot be read', async () => {
    const root = tree({'in/a.md': article('A')})
    const result = await run(['in', '--out', 'out', '--rules', 'missing.yaml'], {cwd: root})
    expect(result.code).toBe(ExitCode.usage)
    expect(result.stderr).toContain('decruft: missing.yaml: cannot read rules file: no such file or directory')
  })

  it('--disable switches a rule off; an unknown id is a usage error', async () => {
    const source = article('No ad removal')
    const root = tree({'in/a.md': source})
    const result = await run(['in', '--out', 'out', '--md', '--disable', 'ad-block'], {cwd: root})
    expect(result.code).toBe(ExitCode.ok)
    expect(readFileSync(join(root, 'out/a.md'), 'utf8')).toBe(clean(source, {disable: ['ad-block']}).markdown)
    expect(readFileSync(join(root, 'out/a.md'), 'utf8')).toContain('affiliate ads begin')

    const unknown = await run(['in', '--out', 'out2', '--disable', 'no-such-rule'], {cwd: root})
    expect(unknown.code).toBe(ExitCode.usage)
    expect(unknown.stderr).toContain('no-such-rule')
    expect(existsSync(join(root, 'out2'))).toBe(false)
  })

  it.each([
    [['in', '--bogus', '--out', 'out'], /Unknown option '--bogus'/],
    [['in'], /missing --out/],
    [['--out', 'out'], /no input/],
    [['-', 'in'], /cannot be combined/],
    [['-', '--md', '--json'], /choose --md or --json/],
    [['in', '--out', 'out', '--concurrency', '0'], /--concurrency/],
    [['in', '--out', 'out', '--max-size', 'lots'], /--max-size/],
  ])('exits 2 on bad usage: %j', async (argv, message) => {
    const root = tree({'in/a.md': article('A')})
    const result = await run(argv, {cwd: root})
    expect(result.code).toBe(ExitCode.usage)
    expect(result.stderr).toMatch(message)
    expect(existsSync(join(root, 'out'))).toBe(false)
  })

  it('exits 2 when --out is a file', async () => {
    const root = tree({'in/a.md': article('A'), out: 'a file'})
    const result = await run(['in', '--out', 'out'], {cwd: root})
    expect(result.code).toBe(ExitCode.usage)
    expect(result.stderr).toContain('decruft: out: output exists and is not a directory')
  })

  it('--help and --version print to stdout', async () => {
    const root = tree({})
    const help = await run(['--help'], {cwd: root})
    expect(help.code).toBe(ExitCode.ok)
    expect(help.stdout).toMatch(/^Usage: decruft/)
    for (const id of ruleIds) expect(help.stdout).toContain(id)
    const version = await run(['--version'], {cwd: root})
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    expect(version.stdout).toBe(`${pkg.version}\n`)
  })

  it('--quiet prints nothing on success but still names failures', async () => {
    const root = tree({'in/a.md': article('A')})
    const quiet = await run(['in', '--out', 'out', '--quiet'], {cwd: root})
    expect(quiet.code).toBe(ExitCode.ok)
    expect(quiet.stderr).toBe('')
    writeFileSync(join(root, 'in/b.md'), Buffer.from([0x00]))
    const failing = await run(['in', '--out', 'out', '--quiet'], {cwd: root})
    expect(failing.code).toBe(ExitCode.failures)
    expect(failing.stderr).toMatch(/^decruft: in\/b\.md:1:1: binary file/)
    expect(failing.stderr.trim().split('\n')).toHaveLength(1)
  })
})

describe('progress', () => {
  it('draws a bar on a terminal for large batches, and logs failures above it', async () => {
    const files: Record<string, string> = {'in/zz-bad.md': '\u0000'}
    for (let index = 0; index < 25; index++) files[`in/a${String(index).padStart(2, '0')}.md`] = article(`Article ${index}`)
    const root = tree(files)
    const chunks: string[] = []
    const terminal = {
      isTTY: true,
      columns: 100,
      write: (chunk: string) => chunks.push(chunk),
      cursorTo: () => true,
      moveCursor: () => true,
      clearLine: () => true,
      clearScreenDown: () => true,
    }
    const code = await main({argv: ['in', '--out', 'out', '--concurrency', '1'], cwd: root, stdout: sink(), stderr: terminal, isTTY: true})
    const stderr = chunks.join('')
    expect(code).toBe(ExitCode.failures)
    expect(stderr).toMatch(/decruft \[.*\] \d+\/26 files/)
    expect(stderr).toContain('decruft: in/zz-bad.md:1:1: binary file')
    expect(stderr).toMatch(/26 files: .*25 written/)
  })
})

/** Run the built CLI as uid/gid 65534 (nobody) in `cwd`, which is opened to it for reading. */
function runAsNobody(argv: string[], cwd: string): {code: number | null; stderr: string} {
  chmodSync(cwd, 0o755)
  // The checkout may sit where uid 65534 cannot read it (a fresh clone under a private temporary folder): the
  // command runs from a copy of bin/ and the bundle beside the test's files, which that user can read.
  const copy = join(cwd, '.cli')
  cpSync(fileURLToPath(new URL('../bin', import.meta.url)), join(copy, 'bin'), {recursive: true})
  cpSync(fileURLToPath(new URL('../dist/cli-bundle', import.meta.url)), join(copy, 'dist/cli-bundle'), {recursive: true})
  const child = spawnSync(process.execPath, [join(copy, 'bin/decruft.js'), ...argv], {
    cwd,
    uid: 65534,
    gid: 65534,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1'},
  })
  return {code: child.status, stderr: child.stderr}
}
