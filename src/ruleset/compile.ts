/**
 * Compile validated rules data into an immutable {@link RuleSet}: patterns
 * become regular expressions once, hosts become matchers. Plugins get the
 * rule set as an option; nothing here is module state.
 */
import type {FrontmatterDuplicate, FrontmatterKey, RulesData} from './schema.js'

export interface Matcher {
  readonly id: string
  readonly note?: string | undefined
}

export interface MarkerMatcher extends Matcher {
  readonly begin: RegExp
  readonly end: RegExp
}

export interface ElementMatcher extends Matcher {
  readonly tag?: string | undefined
  readonly class?: string | undefined
  readonly attributes: ReadonlyArray<readonly [string, RegExp]>
  readonly content?: RegExp | undefined
}

export interface UrlMatcher extends Matcher {
  /** Whether the URL matches. */
  test(url: URL): boolean
}

export interface LabelMatcher extends Matcher {
  readonly pattern: RegExp
}

export interface CompiledFrontmatterKey {
  readonly key: string
  readonly type: FrontmatterKey['type']
  readonly split?: RegExp | undefined
}

/** The compiled, read-only cleanup knowledge handed to every plugin. */
export interface RuleSet {
  readonly adBlock: {readonly markers: readonly MarkerMatcher[]}
  readonly adSlot: {
    readonly elements: readonly ElementMatcher[]
    readonly hosts: readonly UrlMatcher[]
    readonly pixelMaxSize: number
  }
  readonly affiliateLink: {
    readonly hosts: readonly UrlMatcher[]
    readonly params: readonly UrlMatcher[]
    readonly buttons: readonly LabelMatcher[]
  }
  readonly linkFarm: {
    readonly labels: readonly LabelMatcher[]
    readonly labelClasses: ReadonlySet<string>
    readonly minLinks: number
  }
  readonly duplicateParagraph: {
    readonly minLength: number
    readonly minWords: number
    readonly introParagraphs: number
    readonly outroBlocks: number
    readonly minIntroLength: number
    readonly minIntroWords: number
  }
  readonly frontmatter: {
    readonly keys: ReadonlyMap<string, CompiledFrontmatterKey>
    /** Alias (lower-case) → canonical key. */
    readonly aliases: ReadonlyMap<string, string>
    readonly duplicates: readonly FrontmatterDuplicate[]
  }
}

const DEFAULTS = {pixelMaxSize: 1, minLinks: 3, minLength: 120, minWords: 20}

function regex(source: string): RegExp {
  return new RegExp(source, 'iu')
}

function enabled<T extends {enabled?: boolean | undefined}>(list: readonly T[] | undefined): T[] {
  return (list ?? []).filter((item) => item.enabled !== false)
}

/** Turn a host pattern (`pxf.io`, `imp.i*.net`) into a test on a host name. */
export function hostPattern(host: string): RegExp {
  const body = host
    .toLowerCase()
    .split('.')
    .map((label) => label.split('*').map((part) => part.replace(/[-]/g, '\\-')).join('[a-z0-9-]*'))
    .join('\\.')
  return new RegExp(`(?:^|\\.)${body}$`)
}

function urlMatcher(entry: {id: string; note?: string | undefined; host: string; path?: string | undefined}): UrlMatcher {
  const hostTest = hostPattern(entry.host)
  const pathTest = entry.path === undefined ? undefined : regex(entry.path)
  return {
    id: entry.id,
    note: entry.note,
    test: (url) => hostTest.test(url.hostname) && (!pathTest || pathTest.test(url.pathname + url.search)),
  }
}

function paramMatcher(entry: {id: string; note?: string | undefined; param: string; hosts?: string[] | undefined}): UrlMatcher {
  const name = entry.param.toLowerCase()
  const hostTests = entry.hosts?.map(hostPattern)
  return {
    id: entry.id,
    note: entry.note,
    test(url) {
      if (hostTests && !hostTests.some((test) => test.test(url.hostname))) return false
      for (const key of url.searchParams.keys()) if (key.toLowerCase() === name) return true
      return false
    },
  }
}

/** Compile validated rules data. */
export function compileRules(data: RulesData): RuleSet {
  const keys = new Map<string, CompiledFrontmatterKey>()
  const aliases = new Map<string, string>()
  for (const entry of enabled(data.frontmatter?.keys)) {
    keys.set(entry.key, {key: entry.key, type: entry.type, split: entry.split === undefined ? undefined : regex(entry.split)})
    aliases.set(entry.key.toLowerCase(), entry.key)
  }
  for (const entry of enabled(data.frontmatter?.keys)) {
    for (const alias of entry.aliases ?? []) if (!aliases.has(alias.toLowerCase())) aliases.set(alias.toLowerCase(), entry.key)
  }
  return Object.freeze({
    adBlock: {
      markers: enabled(data.adBlock?.markers).map((m) => ({id: m.id, note: m.note, begin: regex(m.begin), end: regex(m.end)})),
    },
    adSlot: {
      elements: enabled(data.adSlot?.elements).map((e) => ({
        id: e.id,
        note: e.note,
        tag: e.tag?.toLowerCase(),
        class: e.class,
        attributes: Object.entries(e.attributes ?? {}).map(([name, source]) => [name.toLowerCase(), regex(source)] as const),
        content: e.content === undefined ? undefined : regex(e.content),
      })),
      hosts: enabled(data.adSlot?.hosts).map(urlMatcher),
      pixelMaxSize: data.adSlot?.pixelMaxSize ?? DEFAULTS.pixelMaxSize,
    },
    affiliateLink: {
      hosts: enabled(data.affiliateLink?.hosts).map(urlMatcher),
      params: enabled(data.affiliateLink?.params).map(paramMatcher),
      buttons: enabled(data.affiliateLink?.buttons).map((b) => ({id: b.id, note: b.note, pattern: regex(b.pattern)})),
    },
    linkFarm: {
      labels: enabled(data.linkFarm?.labels).map((l) => ({id: l.id, note: l.note, pattern: regex(l.pattern)})),
      labelClasses: new Set(data.linkFarm?.labelClasses ?? []),
      minLinks: data.linkFarm?.minLinks ?? DEFAULTS.minLinks,
    },
    duplicateParagraph: {
      minLength: data.duplicateParagraph?.minLength ?? DEFAULTS.minLength,
      minWords: data.duplicateParagraph?.minWords ?? DEFAULTS.minWords,
      introParagraphs: data.duplicateParagraph?.introParagraphs ?? 3,
      outroBlocks: data.duplicateParagraph?.outroBlocks ?? 5,
      minIntroLength: data.duplicateParagraph?.minIntroLength ?? 60,
      minIntroWords: data.duplicateParagraph?.minIntroWords ?? 10,
    },
    frontmatter: {
      keys,
      aliases,
      duplicates: enabled(data.frontmatter?.duplicates),
    },
  })
}
