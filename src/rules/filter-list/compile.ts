/**
 * Compile Adblock Plus / EasyList filter lists with @ghostery/adblocker (see
 * `filter-lists.ts` for what is matched and what is ignored).
 *
 * Its own module and entry point (`decruft/filter-lists`) so that importing
 * decruft does not load the adblocker (~80 ms) unless lists are given.
 */
import {FiltersEngine, parseFilters, Request, type CosmeticFilter, type NetworkFilter} from '@ghostery/adblocker'
import {
  attributeKey,
  meetsRequirements,
  type CompiledFilterLists,
  type CosmeticCandidate,
  type FilterListSource,
  type FilterListStats,
  type FilterMatch,
  type PageFacts,
  type Requirement,
  type ResourceKind,
  type Site,
} from './lists.js'
const ENGINE_CONFIG = {
  debug: true,
  enableOptimizations: false,
  enableCompression: false,
  enableHtmlFiltering: false,
  loadCSPFilters: false,
  loadExtendedSelectors: false,
} as const

/** The stand-in site of an article whose site is unknown: every absolute URL is third-party to it. */
const UNKNOWN_SITE = 'unknown.invalid'
const SAMPLES = 3
const HTTP_URL = /^https?:\/\//i

interface SelectorNode {
  type: string
  name?: string
  operator?: string
  value?: string
  compound?: SelectorNode[]
  right?: SelectorNode
  list?: SelectorNode[]
}

/** An attribute selector's value without quotes or flag (`"ad-" i` → `ad-`), lower-cased. */
const ATTRIBUTE_VALUE = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s"']+))(?:\s+[is])?$/i

function attributeTest(node: SelectorNode): Requirement['test'] {
  const match = node.value === undefined ? null : ATTRIBUTE_VALUE.exec(node.value.trim())
  if (!match) return undefined
  const value = (match[1] ?? match[2] ?? match[3] ?? '').replace(/\\(.)/g, '$1').toLowerCase()
  if (value === '') return undefined
  switch (node.operator) {
    case '=':
      return (candidate) => candidate === value
    case '^=':
      return (candidate) => candidate.startsWith(value)
    case '$=':
      return (candidate) => candidate.endsWith(value)
    case '*=':
      return (candidate) => candidate.includes(value)
    case '~=':
      return (candidate) => candidate.split(/\s+/).includes(value)
    case '|=':
      return (candidate) => candidate === value || candidate.startsWith(`${value}-`)
    default:
      return undefined
  }
}

/** Most selective first: an id, a class, an attribute with a value, an attribute, a tag. */
function rankOf(node: SelectorNode): number | undefined {
  if (node.name === undefined || node.name === '' || node.name === '*') return undefined
  switch (node.type) {
    case 'id':
      return 0
    case 'class':
      return 1
    case 'attribute':
      return node.operator ? 2 : 3
    case 'type':
      return node.name.includes('|') ? undefined : 4
    default:
      return undefined
  }
}

/** What an element must have to match a simple or compound selector; undefined when any element may. */
function compoundRequirement(nodes: readonly SelectorNode[]): Requirement | undefined {
  let best: SelectorNode | undefined
  let bestRank = Infinity
  for (const node of nodes) {
    const rank = rankOf(node)
    if (rank !== undefined && rank < bestRank) [best, bestRank] = [node, rank]
  }
  if (!best) return undefined
  const name = best.name!
  if (best.type === 'id') return {key: `#${name}`}
  if (best.type === 'class') return {key: `.${name}`}
  if (best.type === 'attribute') return {key: attributeKey(name), test: best.operator ? attributeTest(best) : undefined}
  return {key: name.toLowerCase()}
}

/** What the elements a selector matches (its subjects) must have, one requirement per alternative; undefined when any element may. */
function selectorRequirements(ast: SelectorNode | undefined): Requirement[] | undefined {
  if (!ast) return undefined
  switch (ast.type) {
    case 'list': {
      const requirements: Requirement[] = []
      for (const item of ast.list ?? []) {
        const more = selectorRequirements(item)
        if (!more) return undefined
        requirements.push(...more)
      }
      return requirements
    }
    case 'complex':
      return selectorRequirements(ast.right)
    case 'compound': {
      const requirement = compoundRequirement(ast.compound ?? [])
      return requirement && [requirement]
    }
    default: {
      const requirement = compoundRequirement([ast])
      return requirement && [requirement]
    }
  }
}

/** Why a cosmetic filter cannot act on static HTML, if it cannot. */
function isIgnoredCosmetic(filter: CosmeticFilter): boolean {
  return filter.isScriptInject() || filter.isExtended() || filter.hasCustomStyle() || filter.isHtmlFiltering()
}

function isIgnoredNetwork(filter: NetworkFilter): boolean {
  return filter.isCSP() || filter.isRemoveParam() || filter.isReplace() || filter.isHtmlFilteringRule()
}

/** Whether a filter names the host it blocks: `||ads.example^…` or `|https://ads.example/…`. */
function namesHost(filter: NetworkFilter): boolean {
  if (filter.isHostnameAnchor()) return filter.getHostname() !== ''
  return filter.isLeftAnchor() && !filter.isRegex() && HTTP_URL.test(filter.getFilter())
}

function isBlocking(filter: NetworkFilter): boolean {
  return !filter.isException() && !isIgnoredNetwork(filter)
}

/** Compile filter lists: parse each, then index all usable filters in one engine. */
export function compileFilterLists(lists: readonly FilterListSource[]): CompiledFilterLists {
  const listOfLine = new Map<string, string>()
  const networkFilters: NetworkFilter[] = []
  const cosmeticFilters: CosmeticFilter[] = []
  const stats: FilterListStats[] = []

  for (const list of lists) {
    const parsed = parseFilters(list.text, ENGINE_CONFIG)
    const samples = parsed.notSupportedFilters.map((entry) => entry.filter)
    let ignored = parsed.notSupportedFilters.length
    let network = 0
    let cosmetic = 0
    const note = (line: string | undefined) => {
      if (line !== undefined && !listOfLine.has(line)) listOfLine.set(line, list.name)
    }
    for (const filter of parsed.networkFilters) {
      if (isIgnoredNetwork(filter)) {
        ignored++
        samples.push(filter.rawLine ?? filter.toString())
        continue
      }
      network++
      note(filter.rawLine)
      networkFilters.push(filter)
    }
    for (const filter of parsed.cosmeticFilters) {
      if (isIgnoredCosmetic(filter)) {
        ignored++
        samples.push(filter.rawLine ?? filter.toString())
        continue
      }
      cosmetic++
      note(filter.rawLine)
      cosmeticFilters.push(filter)
    }
    stats.push(Object.freeze({name: list.name, network, cosmetic, ignored, ignoredSamples: Object.freeze(samples.slice(0, SAMPLES))}))
  }

  const engine = new FiltersEngine({networkFilters, cosmeticFilters, config: ENGINE_CONFIG})
  const unsupported = new Set<string>()

  const matchOf = (filter: NetworkFilter | CosmeticFilter): FilterMatch => {
    const text = filter.rawLine ?? filter.toString()
    return {filter: text, list: listOfLine.get(text) ?? lists[0]?.name ?? ''}
  }

  const request = (url: string, kind: ResourceKind, site: Site | undefined) =>
    Request.fromRawDetails({
      url,
      type: kind,
      sourceUrl: site?.url ?? '',
      sourceHostname: site?.hostname ?? UNKNOWN_SITE,
      sourceDomain: site ? site.domain || site.hostname : UNKNOWN_SITE,
    })

  const candidates = new Map<string, CosmeticCandidate>()
  const candidateOf = (filter: CosmeticFilter): CosmeticCandidate => {
    const match = matchOf(filter)
    let found = candidates.get(match.filter)
    if (!found) {
      const requirements = selectorRequirements(filter.getSelectorAST() as SelectorNode | undefined)
      found = Object.freeze({...match, selector: filter.getSelector(), requirements})
      candidates.set(match.filter, found)
    }
    return found
  }
  const baseRules = indexBaseRules(cosmeticFilters, candidateOf)

  return Object.freeze({
    names: Object.freeze(lists.map((list) => list.name)),
    stats: Object.freeze(stats),
    hasNetworkFilters: networkFilters.some(isBlocking),
    hasCosmeticFilters: cosmeticFilters.some((filter) => !filter.isUnhide()),

    site(url: string): Site | undefined {
      if (!HTTP_URL.test(url)) return undefined
      const parsed = Request.fromRawDetails({url})
      return parsed.hostname ? {url, hostname: parsed.hostname, domain: parsed.domain} : undefined
    },

    allowsPage(site: Site): boolean {
      for (const filter of engine.matchAll(request(site.url, 'document', undefined))) {
        if (filter.isException() && filter.fromDocument() && !filter.fromImage() && !filter.isGenericHide() && !filter.isSpecificHide())
          return true
      }
      return false
    },

    matchUrl(url: string, kind: ResourceKind, site: Site | undefined): FilterMatch | undefined {
      const details = request(url, kind, site)
      const result = engine.match(details)
      if (!result.match || !result.filter) return undefined
      if (kind !== 'document' || namesHost(result.filter)) return matchOf(result.filter)
      // The engine found a path pattern and no exception: any filter naming the host blocks the link.
      for (const filter of engine.matchAll(details)) if (isBlocking(filter) && namesHost(filter)) return matchOf(filter)
      return undefined
    },

    cosmeticCandidates(page: PageFacts): CosmeticCandidate[] {
      const site = page.site
      const {matches, allowGenericHides} = engine.matchCosmeticFilters({
        url: site?.url ?? '',
        hostname: site?.hostname ?? '',
        domain: site?.domain ?? '',
        classes: [...page.classes],
        ids: [...page.ids],
        hrefs: [...page.hrefs],
        getRulesFromDOM: true,
        getRulesFromHostname: true,
        getInjectionRules: false,
        getExtendedRules: false,
      })
      const found = new Set<CosmeticCandidate>()
      const add = (candidate: CosmeticCandidate) => {
        if (unsupported.has(candidate.selector) || !meetsRequirements(candidate.requirements, page.keys, page.values)) return
        found.add(candidate)
      }
      for (const {filter, exception} of matches) {
        if (filter && !exception && !isIgnoredCosmetic(filter) && !filter.isUnhide()) add(candidateOf(filter))
      }
      if (allowGenericHides) {
        for (const candidate of baseRules.any) add(candidate)
        for (const key of page.keys) for (const candidate of baseRules.byKey.get(key) ?? []) add(candidate)
      }
      return [...found]
    },

    markUnsupported(selector: string): void {
      unsupported.add(selector)
    },
  })
}

/**
 * The generic hiding filters the engine keeps out of its class, id and href
 * indexes and never returns on its own (it injects them as one base
 * stylesheet): no hostname, no exception anywhere for their selector.
 * Indexed here by the key of what their subject must have.
 */
function indexBaseRules(
  filters: readonly CosmeticFilter[],
  candidateOf: (filter: CosmeticFilter) => CosmeticCandidate,
): {byKey: Map<string, CosmeticCandidate[]>; any: CosmeticCandidate[]} {
  const unhidden = new Set<string>()
  for (const filter of filters) if (filter.isUnhide()) unhidden.add(filter.getSelector())
  const byKey = new Map<string, CosmeticCandidate[]>()
  const any: CosmeticCandidate[] = []
  for (const filter of filters) {
    if (filter.isUnhide() || !filter.isGenericHide() || filter.hasHostnameConstraint()) continue
    if (filter.isClassSelector() || filter.isIdSelector() || filter.isHrefSelector()) continue
    if (isIgnoredCosmetic(filter) || unhidden.has(filter.getSelector())) continue
    const candidate = candidateOf(filter)
    if (!candidate.requirements) {
      any.push(candidate)
      continue
    }
    for (const key of new Set(candidate.requirements.map((requirement) => requirement.key))) {
      const bucket = byKey.get(key)
      if (bucket) bucket.push(candidate)
      else byKey.set(key, [candidate])
    }
  }
  return {byKey, any}
}
