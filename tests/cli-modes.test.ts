/**
 * The linter conventions of the command line, part B, run in-process
 * through `main()` on temporary trees: `decruft check --stdin-filename`
 * (the editor's buffer checked, or fixed to stdout, as the file at a path),
 * `--diff` (what a batch or `check --write` would change, as a unified diff
 * that applies, with nothing written) and `decruft init` (a commented
 * starting config that loads, and that means the defaults).
 */
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {applyPatch} from 'diff'
import {afterEach, describe, expect, it} from 'vitest'
import {INIT_FILE, initialConfig} from '../src/cli/init.js'
import {ExitCode} from '../src/cli/main.js'
import {clean} from '../src/index.js'
import {loadConfig, ruleSelection} from '../src/node/config.js'
import {allRules} from '../src/plugin-api.js'
import {templateSites} from './support/template-sites.js'
import {CLEAN, runCli as run, SPAMMY} from './support/check-run.js'
import {listFiles, tree} from './support/temp-tree.js'

/** The text and modification state of every file under `root`. */
function snapshot(root: string): Record<string, string> {
  return Object.fromEntries(listFiles(root).map((path) => [path, readFileSync(join(root, path), 'latin1')]))
}

describe('check --stdin-filename', () => {
  it('reports the buffer exactly as check reports the same text in that file, under that name', async () => {
    const root = tree({'posts/hinge.md': SPAMMY})
    const fromFile = await run(['check', 'posts/hinge.md'], root)
    const fromStdin = await run(['check', '--stdin-filename', 'posts/hinge.md'], root, {stdin: SPAMMY})
    expect(fromFile.code).toBe(ExitCode.problems)
    expect(fromStdin).toEqual(fromFile)
    expect(fromStdin.stdout).toMatch(/^posts\/hinge\.md:7:1 {2}ad-block {2}error {2}/m)
    // Every reporter the same way.
    for (const reporter of ['json', 'github']) {
      const file = await run(['check', '--reporter', reporter, 'posts/hinge.md'], root)
      const buffer = await run(['check', '--reporter', reporter, '--stdin-filename', 'posts/hinge.md'], root, {stdin: SPAMMY})
      expect(buffer, reporter).toEqual(file)
    }
  })

  it('needs no file at the path, accepts `-`, and writes nothing', async () => {
    const root = tree({'notes.txt': 'not an article\n'})
    const before = snapshot(root)
    const result = await run(['check', '-', '--stdin-filename', 'drafts/new/post.md'], root, {stdin: SPAMMY})
    expect(result.code).toBe(ExitCode.problems)
    expect(result.stdout).toContain('drafts/new/post.md:7:1  ad-block  error')
    expect(result.stdout).toMatch(/\d+ errors, 0 warnings in 1 file\n$/)
    expect(snapshot(root)).toEqual(before)
    const clean = await run(['check', '--stdin-filename', 'drafts/new/post.md'], root, {stdin: CLEAN})
    expect(clean).toEqual({code: ExitCode.ok, stdout: 'No findings in 1 file\n', stderr: ''})
  })

  it('with --write prints the whole fixed text to stdout (exit 0) and writes no file', async () => {
    const root = tree({'posts/hinge.md': SPAMMY})
    const before = snapshot(root)
    const fixed = await run(['check', '--write', '--stdin-filename', 'posts/hinge.md'], root, {stdin: SPAMMY})
    expect(fixed.code).toBe(ExitCode.ok)
    expect(fixed.stdout).toBe(clean(SPAMMY, {path: 'posts/hinge.md'}).markdown)
    expect(fixed.stdout).not.toContain('affiliate ads')
    expect(fixed.stderr).toBe('')
    expect(snapshot(root)).toEqual(before)
    // A clean buffer comes back as it came.
    const same = await run(['check', '--write', '--stdin-filename', 'posts/fence.md'], root, {stdin: CLEAN})
    expect(same).toEqual({code: ExitCode.ok, stdout: CLEAN, stderr: ''})
  })

  it('with --write, an error a fix cannot remove (--strict) is named on stderr and exits 1; the text still goes to stdout', async () => {
    const root = tree({})
    const post = '---\ndate: 2024-01-01\n---\n\nBody text.\n'
    const result = await run(['check', '--write', '--strict', '--stdin-filename', 'a.md'], root, {stdin: post})
    expect(result.code).toBe(ExitCode.problems)
    expect(result.stdout).toBe(post)
    expect(result.stderr).toMatch(/^decruft: a\.md:1:1: frontmatter: Required frontmatter key `title` is missing \(not fixable\)\n$/)
  })

  it('applies the config of the run to the buffer (a rule made a warning)', async () => {
    const root = tree({'.decruftrc.yaml': 'rules:\n  spam: warn\n'})
    const result = await run(['check', '--stdin-filename', 'posts/hinge.md'], root, {stdin: SPAMMY})
    expect(result.code).toBe(ExitCode.ok)
    expect(result.stdout).toMatch(/^0 errors, \d+ warnings in 1 file\n$/m)
  })

  it('an ignored path (config ignore or .decruftignore): nothing checked, exit 0, a note; with --write the text as it came', async () => {
    const root = tree({'.decruftrc.yaml': 'ignore: [vendor/]\n', '.decruftignore': 'drafts/**\n'})
    for (const path of ['vendor/a.md', 'drafts/b.md']) {
      const result = await run(['check', '--stdin-filename', path], root, {stdin: SPAMMY})
      expect(result.code, path).toBe(ExitCode.ok)
      expect(result.stdout, path).toBe('')
      expect(result.stderr, path).toBe(`decruft: ${path}: ignored (config \`ignore\` or .decruftignore); not checked\n`)
      const quiet = await run(['check', '-q', '--stdin-filename', path], root, {stdin: SPAMMY})
      expect(quiet, path).toEqual({code: ExitCode.ok, stdout: '', stderr: ''})
      const fix = await run(['check', '--write', '-q', '--stdin-filename', path], root, {stdin: SPAMMY})
      expect(fix, path).toEqual({code: ExitCode.ok, stdout: SPAMMY, stderr: ''})
    }
    // The same buffer under a path not ignored is checked.
    expect((await run(['check', '--stdin-filename', 'posts/c.md'], root, {stdin: SPAMMY})).code).toBe(ExitCode.problems)
  })

  it("applies the site of the path's folder: a date Hugo reads as written is no finding there", async () => {
    const post = '---\ntitle: A post\ndate: 15 Oct 2023\n---\n\nBody text of the post.\n'
    const root = tree({'blog/hugo.toml': "baseURL = 'https://example.org/'\n"})
    const inSite = await run(['check', '--stdin-filename', 'blog/content/posts/new.md'], root, {stdin: post})
    expect(inSite).toEqual({code: ExitCode.ok, stdout: 'No findings in 1 file\n', stderr: ''})
    const elsewhere = await run(['check', '--stdin-filename', 'notes/new.md'], root, {stdin: post})
    expect(elsewhere.stdout).toMatch(/^notes\/new\.md:3:\d+ {2}frontmatter {2}warning {2}/m)
    expect(elsewhere.stdout).toMatch(/0 errors, 1 warning in 1 file/)
  })

  it('a buffer that cannot be checked: the cause on stderr, nothing on stdout, exit 3', async () => {
    const root = tree({})
    const large = await run(['check', '--write', '--max-size', '1K', '--stdin-filename', 'a.md'], root, {stdin: 'x'.repeat(4096)})
    expect(large.code).toBe(ExitCode.failures)
    expect(large.stdout).toBe('')
    expect(large.stderr).toMatch(/^decruft: a\.md: file too large/)
    const binary = await run(['check', '--stdin-filename', 'b.md'], root, {stdin: new Uint8Array([0x23, 0x20, 0, 0x41, 0x0a])})
    expect(binary.code).toBe(ExitCode.failures)
    expect(binary.stdout).toBe('')
  })

  it('is refused outside check mode, with files, with --cache and empty; `check -` alone names it', async () => {
    const root = tree({'a.md': CLEAN})
    const cases: Array<[string[], RegExp]> = [
      [['--stdin-filename', 'a.md', '-'], /--stdin-filename is for check mode/],
      [['check', '--stdin-filename', 'a.md', 'a.md'], /give no files/],
      [['check', '--cache', '--stdin-filename', 'a.md'], /--cache cannot be used with --stdin-filename/],
      [['check', '--stdin-filename', ''], /expected the path/],
      [['check', '-'], /needs --stdin-filename <path>/],
    ]
    for (const [argv, message] of cases) {
      const result = await run(argv, root, {stdin: CLEAN})
      expect(result.code, argv.join(' ')).toBe(ExitCode.usage)
      expect(result.stderr, argv.join(' ')).toMatch(message)
      expect(result.stdout).toBe('')
    }
  })
})

/** The patch of one file out of a `--diff` output (its `--- a/path` to the next header). */
function patchOf(diff: string, path: string): string {
  const start = diff.indexOf(`--- a/${path}\n`)
  if (start === -1) return ''
  const next = diff.indexOf('\n--- a/', start + 1)
  return diff.slice(start, next === -1 ? diff.length : next + 1)
}

describe('--diff', () => {
  it('prints a git-style diff of each file a batch would change, which applies to give the batch output; writes nothing', async () => {
    const root = tree({'in/hinge.md': SPAMMY, 'in/fence.md': CLEAN, 'in/sub/crlf.md': SPAMMY.replaceAll('\n', '\r\n')})
    const before = snapshot(root)
    const result = await run(['--diff', 'in'], root)
    expect(result.code).toBe(ExitCode.problems)
    expect(snapshot(root)).toEqual(before)
    expect(result.stdout).toMatch(/^--- a\/in\/hinge\.md\n\+\+\+ b\/in\/hinge\.md\n@@ /)
    expect(result.stdout).not.toContain('fence.md')
    expect(result.stdout).not.toContain('\x1b[')
    expect(result.stderr).toBe('decruft: 2 files would change, 1 unchanged\n')
    // What the batch writes is what the patch makes of the input.
    const batch = await run(['in', '--out', 'out', '--md', '-q'], root)
    expect(batch.code).toBe(ExitCode.ok)
    for (const path of ['hinge.md', 'sub/crlf.md']) {
      const input = readFileSync(join(root, 'in', path), 'utf8')
      const patch = patchOf(result.stdout, `in/${path}`)
      expect(patch, path).not.toBe('')
      expect(applyPatch(input, patch), path).toBe(readFileSync(join(root, 'out', path), 'utf8'))
    }
  })

  it('exits 0 and prints no diff when nothing would change', async () => {
    const root = tree({'in/fence.md': CLEAN})
    expect(await run(['--diff', 'in'], root)).toEqual({code: ExitCode.ok, stdout: '', stderr: 'decruft: no changes in 1 file\n'})
    expect(await run(['check', '--diff', '-q', 'in'], root)).toEqual({code: ExitCode.ok, stdout: '', stderr: ''})
  })

  it('check --diff shows what check --write would do to each file', async () => {
    const root = tree({'posts/hinge.md': SPAMMY, 'posts/fence.md': CLEAN})
    const result = await run(['check', '--diff', 'posts'], root)
    expect(result.code).toBe(ExitCode.problems)
    expect(readFileSync(join(root, 'posts/hinge.md'), 'utf8')).toBe(SPAMMY)
    const patched = applyPatch(SPAMMY, patchOf(result.stdout, 'posts/hinge.md'))
    expect((await run(['check', '--write', '-q', 'posts'], root)).code).toBe(ExitCode.ok)
    expect(patched).toBe(readFileSync(join(root, 'posts/hinge.md'), 'utf8'))
  })

  it("a batch's diff includes what it learns of the sites' templates; check --diff (no learning) does not", async () => {
    const articles = templateSites(6).filter((article) => article.path.startsWith('en/'))
    const root = tree(Object.fromEntries(articles.map((article) => [`in/${article.path}`, article.text])))
    const batch = await run(['--diff', 'in'], root)
    const check = await run(['check', '--diff', 'in'], root)
    const removedLines = (diff: string) => diff.split('\n').filter((line) => line.startsWith('-') && !line.startsWith('--- '))
    const footer = articles[0]!.template.at(-1)!
    expect(removedLines(batch.stdout).some((line) => line.includes(footer))).toBe(true)
    expect(removedLines(check.stdout).some((line) => line.includes(footer))).toBe(false)
  })

  it('colours on a terminal (red removals, green additions) and shows control characters escaped; plain text otherwise', async () => {
    const text = `${SPAMMY}\nA line with an escape \x1b[2J in it [x](https://a.example.test/?utm_source=y).\n`
    const root = tree({'in/a.md': text})
    const plain = await run(['--diff', 'in'], root)
    expect(plain.stdout).toContain('\x1b[2J')
    const colored = await run(['--diff', 'in'], root, {stdoutIsTTY: true})
    expect(colored.stdout).toContain('\x1b[31m-<!-- affiliate ads begin -->')
    expect(colored.stdout).toContain('\x1b[32m+')
    expect(colored.stdout).toContain('\\x1b[2J')
    expect(colored.stdout).not.toContain('\x1b[2J')
    const noColor = await run(['--diff', 'in'], root, {stdoutIsTTY: true, env: {NO_COLOR: '1'}})
    expect(noColor.stdout).toBe(plain.stdout)
  })

  it('a file that cannot be cleaned fails (exit 3) and the others are still diffed', async () => {
    const root = tree({'in/a.md': SPAMMY, 'in/b.md': Buffer.from('\ufeff# Hi\n', 'utf16le')})
    const result = await run(['--diff', 'in'], root)
    expect(result.code).toBe(ExitCode.failures)
    expect(result.stderr).toContain('decruft: in/b.md: UTF-16 text')
    expect(result.stdout).toMatch(/^--- a\/in\/a\.md\n/)
  })

  describe('its temporary folder', () => {
    const saved = process.env['TMPDIR']
    afterEach(() => {
      if (saved === undefined) delete process.env['TMPDIR']
      else process.env['TMPDIR'] = saved
    })
    it('is removed at the end', async () => {
      const root = tree({'in/a.md': SPAMMY})
      const temporary = tree({})
      process.env['TMPDIR'] = temporary
      expect((await run(['--diff', 'in'], root)).code).toBe(ExitCode.problems)
      expect(readdirSync(temporary)).toEqual([])
    })
  })

  it('is refused with outputs, --write, stdin, --jsonl and --reporter', async () => {
    const root = tree({'in/a.md': CLEAN})
    const cases: Array<[string[], RegExp]> = [
      [['--diff', 'in', '--out', 'out'], /--out cannot be used/],
      [['--diff', 'in', '--md'], /--md and --json cannot be used/],
      [['check', '--diff', '--write', 'in'], /--write \(or --fix\) cannot be used/],
      [['--diff', '-'], /`-` \(stdin\) cannot be used/],
      [['--diff', '--jsonl'], /--jsonl/],
      [['check', '--diff', '--reporter', 'json', 'in'], /--reporter cannot be used/],
      [['--diff'], /no input/],
    ]
    for (const [argv, message] of cases) {
      const result = await run(argv, root)
      expect(result.code, argv.join(' ')).toBe(ExitCode.usage)
      expect(result.stderr, argv.join(' ')).toMatch(message)
    }
    expect(listFiles(root)).toEqual(['in/a.md'])
  })
})

/** The config with every commented setting line uncommented (`# key: value` → `key: value`, indentation kept). */
function uncommented(text: string): string {
  return text.replace(/^# (\s*[\w-]+:(?:\s|$))/gm, '$1')
}

describe('decruft init', () => {
  it('writes a commented .decruftrc.yaml that loads as the empty config', async () => {
    const root = tree({})
    const result = await run(['init'], root)
    expect(result).toEqual({
      code: ExitCode.ok,
      stdout: '',
      stderr: `decruft: wrote ${INIT_FILE}: every setting commented out with its default\n`,
    })
    const text = readFileSync(join(root, INIT_FILE), 'utf8')
    expect(text).toBe(initialConfig())
    const loaded = await loadConfig(root)
    expect(loaded.file).toBe(join(root, INIT_FILE))
    expect(loaded.config).toEqual({rules: {}, rulesFiles: [], filterLists: [], ignore: [], frontmatter: {}})
    // Every rule is listed with its default.
    for (const rule of allRules) {
      expect(text).toMatch(new RegExp(`^# {3}${rule.meta.id}: ${rule.meta.enabledByDefault === false ? 'off' : 'error'} `, 'm'))
    }
  })

  it('uncommenting every setting gives a valid config that means the defaults', async () => {
    const root = tree({'posts/hinge.md': SPAMMY})
    expect((await run(['init', '-q'], root)).code).toBe(ExitCode.ok)
    const all = uncommented(readFileSync(join(root, INIT_FILE), 'utf8'))
    expect(all).toMatch(/^rules:\n {2}ad-block: error/m)
    writeFileSync(join(root, INIT_FILE), all)
    const {config} = await loadConfig(root)
    expect(Object.keys(config.rules).sort()).toEqual(allRules.map((rule) => rule.meta.id).sort())
    expect(config.frontmatter).toEqual({generator: 'auto', strict: false, derive: []})
    const selection = ruleSelection(config.rules)
    expect(selection.disable).toEqual(allRules.filter((rule) => rule.meta.enabledByDefault === false).map((rule) => rule.meta.id))
    // The same findings as with no config at all.
    const withConfig = await run(['check', 'posts'], root)
    const without = await run(['check', '--no-config', 'posts'], root)
    expect(withConfig.code).toBe(ExitCode.problems)
    expect(withConfig).toEqual(without)
  })

  it('keeps an existing .decruftrc.yaml (exit 2) unless --force', async () => {
    const root = tree({[INIT_FILE]: 'rules: {link-farm: warn}\n'})
    const refused = await run(['init'], root)
    expect(refused.code).toBe(ExitCode.usage)
    expect(refused.stderr).toBe(`decruft: init: ${INIT_FILE} exists already; kept (use --force to overwrite it)\n`)
    expect(readFileSync(join(root, INIT_FILE), 'utf8')).toBe('rules: {link-farm: warn}\n')
    expect((await run(['init', '--force'], root)).code).toBe(ExitCode.ok)
    expect(readFileSync(join(root, INIT_FILE), 'utf8')).toBe(initialConfig())
    expect(listFiles(root)).toEqual([INIT_FILE])
  })

  it('refuses a folder that has another config file, even with --force; a package.json without `decruft` is no config', async () => {
    for (const [name, content] of [
      ['.decruftrc.json', '{}\n'],
      ['decruft.config.yml', 'rules: {}\n'],
      ['package.json', '{"name": "site", "decruft": {"rules": {}}}\n'],
    ] as const) {
      const root = tree({[name]: content})
      const result = await run(['init', '--force'], root)
      expect(result.code, name).toBe(ExitCode.usage)
      expect(result.stderr, name).toContain(`init: this folder has a config already: ${name}`)
      expect(listFiles(root), name).toEqual([name])
    }
    const root = tree({'package.json': '{"name": "site"}\n'})
    expect((await run(['init', '-q'], root)).code).toBe(ExitCode.ok)
    expect(listFiles(root)).toEqual([INIT_FILE, 'package.json'])
  })

  it('refuses unknown options and operands; --help prints its usage', async () => {
    const root = tree({})
    expect((await run(['init', '--yes'], root)).code).toBe(ExitCode.usage)
    expect((await run(['init', 'somewhere'], root)).code).toBe(ExitCode.usage)
    const help = await run(['init', '--help'], root)
    expect(help.code).toBe(ExitCode.ok)
    expect(help.stdout).toMatch(/^Usage: decruft init \[--force\]/)
    expect(listFiles(root)).toEqual([])
  })
})
