/**
 * The config file (src/node/config.ts) and ignore files (src/node/ignore.ts):
 * discovery, formats, validation errors that name the file, line and key,
 * rule selection, and gitignore-style ignores.
 */
import {mkdirSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {UnknownRuleError} from '../src/index.js'
import {disabledRules, ruleGroups, ruleIds} from '../src/plugin-api.js'
import {CONFIG_SEARCH_PLACES, ConfigError, loadConfig, ruleSelection, type RuleSetting} from '../src/node/config.js'
import {createIgnore} from '../src/node/ignore.js'
import {tree} from './support/temp-tree.js'

/** The ConfigError thrown by `promise` (fails the test when it resolves or throws something else). */
async function configError(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(ConfigError)
  return error as ConfigError
}

/** A config file's content for each search place, marked with its own name in `ignore`. */
function markedConfig(place: string): string {
  const settings = {ignore: [place]}
  if (place === 'package.json') return JSON.stringify({name: 'site', type: 'module', decruft: settings})
  if (place.endsWith('.js') || place.endsWith('.mjs')) return `export default ${JSON.stringify(settings)}\n`
  if (place.endsWith('.json')) return JSON.stringify(settings, null, 2)
  return `ignore:\n  - ${JSON.stringify(place)}\n`
}

describe('config discovery', () => {
  test('every search place is read, and an earlier one wins over the later ones in the same folder', async () => {
    expect(CONFIG_SEARCH_PLACES[0]).toBe('package.json')
    for (const [index, place] of CONFIG_SEARCH_PLACES.entries()) {
      const files: Record<string, string> = {}
      for (const later of CONFIG_SEARCH_PLACES.slice(index)) files[later] = markedConfig(later)
      // `.js` configs here are ES modules: a package.json without a `decruft` key says so and is skipped.
      files['package.json'] ??= JSON.stringify({name: 'site', type: 'module'})
      const root = tree(files)
      const loaded = await loadConfig(root, undefined, {stopDir: root})
      expect(loaded.file).toBe(join(root, place))
      expect(loaded.config.ignore).toEqual([place])
      expect(loaded.dir).toBe(root)
    }
  })

  test('a config in a parent folder is found from a child folder, and patterns are relative to its folder', async () => {
    const root = tree({'.decruftrc.yaml': 'rules:\n  link-farm: warn\n', 'posts/2024/a.md': '# A\n'})
    const loaded = await loadConfig(join(root, 'posts', '2024'), undefined, {stopDir: root})
    expect(loaded.file).toBe(join(root, '.decruftrc.yaml'))
    expect(loaded.dir).toBe(root)
    expect(loaded.config.rules).toEqual({'link-farm': 'warn'})
  })

  test('the nearest config wins over one further up', async () => {
    const root = tree({
      '.decruftrc.yaml': 'rules: {link-farm: warn}\n',
      'posts/decruft.config.json': '{"rules": {"link-farm": "off"}}',
      'posts/2024/a.md': '# A\n',
    })
    const loaded = await loadConfig(join(root, 'posts', '2024'), undefined, {stopDir: root})
    expect(loaded.file).toBe(join(root, 'posts', 'decruft.config.json'))
    expect(loaded.config.rules).toEqual({'link-farm': 'off'})
  })

  test('a package.json without a decruft key is skipped, the search goes on upwards', async () => {
    const root = tree({
      '.decruftrc.yml': 'ignore: [drafts/]\n',
      'site/package.json': JSON.stringify({name: 'site', version: '1.0.0'}),
    })
    const loaded = await loadConfig(join(root, 'site'), undefined, {stopDir: root})
    expect(loaded.file).toBe(join(root, '.decruftrc.yml'))
  })

  test('a package.json with a decruft key is the config', async () => {
    const root = tree({'package.json': JSON.stringify({name: 'site', decruft: {rules: {spam: 'warn'}, ignore: ['drafts/']}})})
    const loaded = await loadConfig(root, undefined, {stopDir: root})
    expect(loaded.file).toBe(join(root, 'package.json'))
    expect(loaded.config.rules).toEqual({spam: 'warn'})
    expect(loaded.config.ignore).toEqual(['drafts/'])
  })

  test('without a config: the defaults, no file, patterns relative to the search start', async () => {
    const root = tree({'posts/a.md': '# A\n'})
    const start = join(root, 'posts')
    const loaded = await loadConfig(start, undefined, {stopDir: root})
    expect(loaded).toEqual({config: {rules: {}, rulesFiles: [], filterLists: [], ignore: [], frontmatter: {}}, file: undefined, dir: start})
  })

  test('the search stops at stopDir', async () => {
    const root = tree({'.decruftrc.yaml': 'rules: {spam: off}\n', 'posts/a.md': '# A\n'})
    expect((await loadConfig(join(root, 'posts'), undefined, {stopDir: join(root, 'posts')})).file).toBeUndefined()
    expect((await loadConfig(join(root, 'posts'), undefined, {stopDir: root})).file).toBe(join(root, '.decruftrc.yaml'))
  })

  test('an empty config file counts as a config with the defaults (it stops the search)', async () => {
    const root = tree({'.decruftrc.yaml': 'rules: {spam: off}\n', 'posts/.decruftrc': '', 'posts/b/.decruftrc.yaml': '# nothing yet\n'})
    const empty = await loadConfig(join(root, 'posts'), undefined, {stopDir: root})
    expect(empty.file).toBe(join(root, 'posts', '.decruftrc'))
    expect(empty.config.rules).toEqual({})
    const commentsOnly = await loadConfig(join(root, 'posts', 'b'), undefined, {stopDir: root})
    expect(commentsOnly.file).toBe(join(root, 'posts', 'b', '.decruftrc.yaml'))
    expect(commentsOnly.config.rules).toEqual({})
  })

  test('an explicit --config path is relative to cwd, and is used even with a config nearer', async () => {
    const root = tree({
      'site/.decruftrc.yaml': 'rules: {spam: off}\n',
      'shared/decruft.yaml': 'rulesFiles: [rules/site.yaml]\nrules: {link-farm: warn}\n',
      'shared/rules/site.yaml': 'version: 1\n',
    })
    const loaded = await loadConfig(join(root, 'site'), '../shared/decruft.yaml')
    expect(loaded.file).toBe(join(root, 'shared', 'decruft.yaml'))
    expect(loaded.dir).toBe(join(root, 'shared'))
    expect(loaded.config.rules).toEqual({'link-farm': 'warn'})
    expect(loaded.config.rulesFiles).toEqual([join(root, 'shared', 'rules', 'site.yaml')])
  })
})

describe('config formats', () => {
  const settings = {rules: {'link-farm': 'warn', 'call-to-action': 'error', boilerplate: 'off'}, ignore: ['drafts/**']}
  const expected = {rules: settings.rules, rulesFiles: [], filterLists: [], ignore: ['drafts/**'], frontmatter: {}}

  test.each([
    ['decruft.config.json', JSON.stringify(settings, null, 2)],
    ['decruft.config.yaml', 'rules:\n  link-farm: warn\n  call-to-action: error\n  boilerplate: off\nignore: [drafts/**]\n'],
    ['.decruftrc.yml', 'rules: {link-farm: warn, call-to-action: error, boilerplate: "off"}\nignore:\n  - drafts/**\n'],
    ['.decruftrc', 'rules:\n  link-farm: warn\n  call-to-action: error\n  boilerplate: off\nignore: [drafts/**]\n'],
    ['.decruftrc', JSON.stringify(settings)],
    ['.decruftrc.json', `\uFEFF${JSON.stringify(settings)}`],
    ['.decruftrc.mjs', `const settings = ${JSON.stringify(settings)}\nexport default settings\n`],
  ])('%s', async (name, text) => {
    const root = tree({[name]: text})
    const loaded = await loadConfig(root, undefined, {stopDir: root})
    expect(loaded.file).toBe(join(root, name))
    expect(loaded.config).toEqual(expected)
  })

  test('.js as an ES module (type: module) with a default export', async () => {
    const root = tree({
      'package.json': JSON.stringify({type: 'module'}),
      'decruft.config.js': `export default ${JSON.stringify(settings)}\n`,
    })
    expect((await loadConfig(root, undefined, {stopDir: root})).config).toEqual(expected)
  })

  test('true switches a rule on (severity error), false switches it off', async () => {
    const root = tree({'.decruftrc.yaml': 'rules:\n  call-to-action: true\n  duplicate-paragraph: false\n'})
    const {config} = await loadConfig(root, undefined, {stopDir: root})
    expect(config.rules).toEqual({'call-to-action': 'error', 'duplicate-paragraph': 'off'})
  })

  test('frontmatter settings, and rules files and filter lists resolved relative to the config file', async () => {
    const root = tree({
      'site/.decruftrc.yaml': [
        'rulesFiles: [rules/site.yaml, ../common/more.yaml]',
        'filterLists: [lists/easylist.txt]',
        'frontmatter:',
        '  dialect: hugo',
        '  timezone: Europe/Paris',
        '  strict: true',
        '  derive: [slug, date]',
        '',
      ].join('\n'),
      'site/rules/site.yaml': 'version: 1\n',
      'site/lists/easylist.txt': '[Adblock Plus 2.0]\n',
      'common/more.yaml': 'version: 1\n',
      'site/posts/a.md': '# A\n',
    })
    const {config} = await loadConfig(join(root, 'site', 'posts'), undefined, {stopDir: root})
    expect(config.rulesFiles).toEqual([join(root, 'site', 'rules', 'site.yaml'), join(root, 'common', 'more.yaml')])
    expect(config.filterLists).toEqual([join(root, 'site', 'lists', 'easylist.txt')])
    expect(config.frontmatter).toEqual({dialect: 'hugo', timezone: 'Europe/Paris', strict: true, derive: ['slug', 'date']})
  })
})

describe('config errors name the file, the line and the key', () => {
  /** Load the single config `name` in a fresh folder; its ConfigError. */
  async function failing(name: string, text: string, extra: Record<string, string> = {}): Promise<ConfigError> {
    const root = tree({[name]: text, ...extra})
    return configError(loadConfig(root, undefined, {stopDir: root}))
  }

  test('an unknown top-level key', async () => {
    const error = await failing('.decruftrc.yaml', 'rules:\n  link-farm: warn\nrulez:\n  spam: off\n')
    expect(error.message).toMatch(
      /^\.decruftrc\.yaml:3:1: rulez: unknown setting \(expected one of: rules, rulesFiles, filterLists, ignore, frontmatter\)$/,
    )
    expect([error.key, error.line, error.column]).toEqual(['rulez', 3, 1])
    expect(error.file).toMatch(/[\\/]\.decruftrc\.yaml$/)
  })

  test('an unknown rule id, with the known ids and groups', async () => {
    const error = await failing('.decruftrc.yaml', 'rules:\n  link-farm: warn\n  link-farms: warn\n')
    expect(error.message.startsWith('.decruftrc.yaml:3:3: rules.link-farms: unknown rule id or group (rules: ')).toBe(true)
    expect(error.message).toContain('link-farm,')
    expect(error.message).toContain('groups: ')
    expect(error.key).toBe('rules.link-farms')
  })

  test('a bad severity', async () => {
    const error = await failing('.decruftrc.yaml', 'rules:\n  spam: warning\n')
    expect(error.message).toBe(
      '.decruftrc.yaml:2:9: rules.spam: not a rule setting: `warning` (expected off, warn or error; true is error, false is off)',
    )
  })

  test('a bad time zone', async () => {
    const error = await failing('.decruftrc.yaml', 'frontmatter:\n  timezone: Mars/Olympus\n')
    expect([error.key, error.line, error.column]).toEqual(['frontmatter.timezone', 2, 13])
    expect(error.reason).toMatch(/^not a time zone/)
  })

  test('an unknown derivable field, and an unknown frontmatter key', async () => {
    const derive = await failing('.decruftrc.yaml', 'frontmatter:\n  derive:\n    - slug\n    - title\n')
    expect(derive.message).toBe('.decruftrc.yaml:4:7: frontmatter.derive.1: cannot derive `title` (derivable: slug, description, date)')
    const key = await failing('.decruftrc.yaml', 'frontmatter:\n  zone: UTC\n')
    expect([key.key, key.line, key.column]).toEqual(['frontmatter.zone', 2, 3])
    expect(key.reason).toBe('unknown frontmatter setting (expected one of: dialect, generator, timezone, strict, derive)')
  })

  test('a rules file or filter list that does not exist names the key and the resolved path', async () => {
    const rules = await failing('.decruftrc.yaml', 'rulesFiles:\n  - rules/site.yaml\n  - rules/missing.yaml\n', {
      'rules/site.yaml': 'version: 1\n',
    })
    expect([rules.key, rules.line, rules.column]).toEqual(['rulesFiles.1', 3, 5])
    expect(rules.reason.startsWith(`rules file ${join(dirname(rules.file), 'rules', 'missing.yaml')}: `)).toBe(true)
    const lists = await failing('decruft.config.json', '{\n  "filterLists": [\n    "lists/none.txt"\n  ]\n}\n')
    expect([lists.key, lists.line, lists.column]).toEqual(['filterLists.0', 3, 5])
    expect(lists.reason).toMatch(/^filter list .*[\\/]lists[\\/]none\.txt: /)
  })

  test('a rules file that is a folder', async () => {
    const root = tree({'.decruftrc.yaml': 'rulesFiles: [rules]\n'})
    mkdirSync(join(root, 'rules'))
    const error = await configError(loadConfig(root, undefined, {stopDir: root}))
    expect(error.key).toBe('rulesFiles.0')
    expect(error.reason).toBe(`rules file ${join(root, 'rules')}: is not a file`)
  })

  test('a value of the wrong type', async () => {
    const list = await failing('.decruftrc.yaml', 'rulesFiles: rules/site.yaml\n')
    expect(list.message).toBe('.decruftrc.yaml:1:13: rulesFiles: expected a list, not string `rules/site.yaml`')
    const mapping = await failing('.decruftrc.yaml', 'rules: [link-farm]\n')
    expect(mapping.message).toBe('.decruftrc.yaml:1:8: rules: expected a mapping, not a list')
    const root = await failing('.decruftrc.yaml', '- rules\n')
    expect(root.message).toMatch(/^\.decruftrc\.yaml: a config is a mapping \(rules, .*\), not a list$/)
  })

  test('invalid YAML and duplicate keys, with line and column', async () => {
    const syntax = await failing('.decruftrc.yaml', 'rules:\n  spam: off\n  - link-farm\n')
    expect(syntax.message).toMatch(/^\.decruftrc\.yaml:3:1: invalid YAML: /)
    expect(syntax.key).toBeUndefined()
    const duplicate = await failing('.decruftrc', 'rules:\n  spam: off\n  spam: warn\n')
    expect([duplicate.line, duplicate.column]).toEqual([3, 3])
    expect(duplicate.reason).toMatch(/^invalid YAML: .*unique/i)
  })

  test('invalid JSON, with line and column', async () => {
    const error = await failing('.decruftrc.json', '{\n  "rules": {"link-farm": "warn",}\n}\n')
    expect(error.message).toMatch(/^\.decruftrc\.json:2:\d+: invalid JSON: /)
    expect(error.column).toBe(33)
  })

  test('a key path in a JSON config has its line and column', async () => {
    const error = await failing('decruft.config.json', '{\n  "rules": {\n    "linkfarm": "warn"\n  }\n}\n')
    expect(error.message).toMatch(/^decruft\.config\.json:3:5: rules\.linkfarm: unknown rule id or group/)
  })

  test('a .js config that throws, or has no default export, or exports something else', async () => {
    const throws = await failing('.decruftrc.mjs', "throw new Error('the config server is down')\n")
    expect(throws.message).toBe('.decruftrc.mjs: cannot load: the config server is down')
    expect(throws.line).toBeUndefined()
    const named = await failing('decruft.config.mjs', 'export const rules = {}\n')
    expect(named.message).toMatch(/^decruft\.config\.mjs: no default export/)
    const fn = await failing('decruft.config.mjs', 'export default () => ({})\n')
    expect(fn.message).toMatch(/^decruft\.config\.mjs: a config is a mapping .*, not a function$/)
    const bad = await failing('decruft.config.mjs', "export default {rules: {spam: 'loud'}}\n")
    expect(bad.message).toMatch(/^decruft\.config\.mjs: rules\.spam: not a rule setting: `loud`/)
  })

  test('a decruft key of the wrong type in package.json, and errors under it', async () => {
    const type = await failing('package.json', '{\n  "name": "site",\n  "decruft": "strict"\n}\n')
    expect(type.message).toBe(
      'package.json:3:14: decruft: decruft settings are a mapping (rules, rulesFiles, filterLists, ignore, frontmatter), not string `strict`',
    )
    const falsy = await failing('package.json', JSON.stringify({decruft: false}))
    expect(falsy.key).toBe('decruft')
    const nested = await failing('package.json', '{\n  "decruft": {\n    "rules": {"spam": "on"}\n  }\n}\n')
    expect([nested.key, nested.line]).toEqual(['decruft.rules.spam', 3])
  })

  test('an invalid package.json on the way up stops the search with an error', async () => {
    const root = tree({'.decruftrc.yaml': 'rules: {spam: off}\n', 'site/package.json': '{"name": "site",,}'})
    const error = await configError(loadConfig(join(root, 'site'), undefined, {stopDir: root}))
    expect(error.file).toBe(join(root, 'site', 'package.json'))
    expect(error.message).toMatch(/^package\.json:1:17: invalid JSON: /)
  })

  test('an explicit config that is missing, of an unknown type, or a package.json without the key', async () => {
    const root = tree({'package.json': '{"name": "site"}', 'decruft.toml': 'x = 1\n'})
    const missing = await configError(loadConfig(root, 'nowhere.yaml'))
    expect(missing.file).toBe(join(root, 'nowhere.yaml'))
    expect(missing.message).toMatch(/^nowhere\.yaml: cannot read config: /)
    const toml = await configError(loadConfig(root, 'decruft.toml'))
    expect(toml.message).toMatch(/^decruft\.toml: not a config file type/)
    const bare = await configError(loadConfig(root, 'package.json'))
    expect(bare.message).toBe('package.json: no `decruft` key with settings')
  })
})

describe('ruleSelection', () => {
  const spam = ruleGroups.get('spam') ?? []

  test('a rule id wins over its group, whatever the order of the keys', () => {
    expect(spam.length).toBeGreaterThan(2)
    expect(spam).toContain('link-farm')
    for (const rules of [
      {spam: 'off', 'link-farm': 'warn'},
      {'link-farm': 'warn', spam: 'off'},
    ] satisfies Array<Record<string, RuleSetting>>) {
      const selection = ruleSelection(rules)
      expect(selection.enable).toEqual(['link-farm'])
      expect(selection.disable).toEqual(spam.filter((id) => id !== 'link-farm'))
      expect(selection.severity).toEqual({'link-farm': 'warning'})
      const disabled = disabledRules(selection)
      expect(disabled.has('link-farm')).toBe(false)
      expect(disabled.has('ad-block')).toBe(true)
    }
  })

  test('a group severity applies to every rule in it', () => {
    const boilerplate = ruleGroups.get('boilerplate') ?? []
    expect(boilerplate).toContain('call-to-action')
    const selection = ruleSelection({boilerplate: 'warn', 'link-farm': 'error'})
    expect(selection.enable.sort()).toEqual([...boilerplate, 'link-farm'].sort())
    expect(selection.disable).toEqual([])
    expect(selection.severity).toEqual({...Object.fromEntries(boilerplate.map((id) => [id, 'warning'])), 'link-farm': 'error'})
  })

  test('a rule off by default is switched on by giving it a severity', () => {
    expect(disabledRules().has('call-to-action')).toBe(true)
    const selection = ruleSelection({'call-to-action': 'error'})
    expect(selection).toEqual({enable: ['call-to-action'], disable: [], severity: {'call-to-action': 'error'}})
    expect(disabledRules(selection).has('call-to-action')).toBe(false)
  })

  test('true and false in a config file become error and off', async () => {
    const root = tree({'.decruftrc.json': JSON.stringify({rules: {'call-to-action': true, 'link-farm': false}})})
    const selection = ruleSelection((await loadConfig(root, undefined, {stopDir: root})).config.rules)
    expect(selection).toEqual({enable: ['call-to-action'], disable: ['link-farm'], severity: {'call-to-action': 'error'}})
  })

  test('no settings select nothing; an unknown name throws', () => {
    expect(ruleSelection({})).toEqual({enable: [], disable: [], severity: {}})
    expect(() => ruleSelection({'link-farms': 'off'})).toThrow(UnknownRuleError)
    expect(ruleIds.length).toBeGreaterThan(spam.length)
  })
})

describe('createIgnore', () => {
  test('patterns are gitignore-style and relative to the folder', async () => {
    const root = tree({})
    const ignored = await createIgnore(root, ['*.draft.md', '/top.md', 'posts/old/*.md'])
    expect(ignored(join(root, 'a.draft.md'))).toBe(true)
    expect(ignored(join(root, 'deep', 'in', 'b.draft.md'))).toBe(true)
    expect(ignored(join(root, 'a.md'))).toBe(false)
    expect(ignored(join(root, 'top.md'))).toBe(true)
    expect(ignored(join(root, 'sub', 'top.md'))).toBe(false)
    expect(ignored(join(root, 'posts', 'old', 'x.md'))).toBe(true)
    expect(ignored(join(root, 'posts', 'x.md'))).toBe(false)
  })

  test('negation re-includes a file', async () => {
    const root = tree({})
    const ignored = await createIgnore(root, ['drafts/**', '!drafts/keep.md'])
    expect(ignored(join(root, 'drafts', 'wip.md'))).toBe(true)
    expect(ignored(join(root, 'drafts', 'keep.md'))).toBe(false)
  })

  test('a directory pattern matches every file under it, and only that directory', async () => {
    const root = tree({})
    const ignored = await createIgnore(root, ['drafts/'])
    expect(ignored(join(root, 'drafts', 'a.md'))).toBe(true)
    expect(ignored(join(root, 'drafts', 'sub', 'b.md'))).toBe(true)
    expect(ignored(join(root, 'posts', 'drafts', 'c.md'))).toBe(true)
    expect(ignored(join(root, 'drafts.md'))).toBe(false)
    expect(ignored(join(root, 'old-drafts', 'd.md'))).toBe(false)
  })

  test('.decruftignore is read, after the config patterns (its negations win)', async () => {
    const root = tree({'.decruftignore': '# generated pages\ngenerated/\n\n*.md\n!posts/*.md\n'})
    const ignored = await createIgnore(root, ['posts/**'])
    expect(ignored(join(root, 'generated', 'tags.md'))).toBe(true)
    expect(ignored(join(root, 'notes.md'))).toBe(true)
    expect(ignored(join(root, 'posts', 'a.md'))).toBe(false)
    expect(ignored(join(root, 'posts', 'a.txt'))).toBe(true)
  })

  test('without patterns or .decruftignore nothing is ignored', async () => {
    const root = tree({})
    const ignored = await createIgnore(root, [])
    expect(ignored(join(root, 'a.md'))).toBe(false)
    expect(ignored(join(root, 'drafts', 'a.md'))).toBe(false)
  })

  test('paths outside the folder, and the folder itself, are never ignored', async () => {
    const root = tree({'site/.decruftignore': '*\n'})
    const site = join(root, 'site')
    const ignored = await createIgnore(site, ['**/*.md'])
    expect(ignored(join(site, 'a.md'))).toBe(true)
    expect(ignored(join(root, 'other', 'a.md'))).toBe(false)
    expect(ignored(join(root, 'a.md'))).toBe(false)
    expect(ignored(site)).toBe(false)
    expect(ignored(join(site, '..hidden.md'))).toBe(true)
  })

  test('a .decruftignore that cannot be read is a ConfigError', async () => {
    const root = tree({'.decruftignore/x': ''})
    const error = await configError(createIgnore(root, []))
    expect(error.file).toBe(join(root, '.decruftignore'))
    expect(error.reason).toMatch(/^cannot read ignore file: /)
  })
})
