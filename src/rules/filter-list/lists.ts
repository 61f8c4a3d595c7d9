/**
 * Adblock Plus / EasyList filter lists (`--filter-list`), compiled once per
 * run and handed to the rules beside the rule set (`RunOptions.filterLists`)
 * for the `filter-list` rule.
 *
 * Parsing and matching are @ghostery/adblocker's (isomorphic: no Node
 * imports): every list is parsed with `parseFilters`, and all usable filters
 * of all lists go into one `FiltersEngine`, so an exception in one list
 * (`@@||cdn.example^`, `example.com#@#.ad`) lifts a filter of another, as in
 * a browser. Network filters are matched by the engine's token index;
 * cosmetic filters are looked up by the engine's hostname, class, id and
 * href indexes, and the generic filters it keeps outside those indexes (its
 * "base stylesheet": `##div[id^="ad-"]`, `##[data-ad-slot]`) are indexed
 * here by a key of their selector's subject (an id, a class, an attribute
 * name or a tag), so an article only tests the selectors that could match
 * one of its elements.
 *
 * Ignored (counted per list in {@link FilterListStats}): lines the library
 * cannot parse or does not support (`$popup`, AdGuard-only syntax,
 * procedural `:has-text()` / `:-abp-contains()` / `:-abp-has()`,
 * `:remove()`), scriptlets (`##+js(…)`), extended selectors (`:upward()`,
 * `:xpath()`), `:style()` rules and HTML filters (`##^script`), and network
 * filters that never block (`$csp`, `$removeparam`, `$replace`). None of
 * them can act on static Markdown.
 */
/** A filter list as given: its name (file path) and text. */
export interface FilterListSource {
  readonly name: string
  readonly text: string
}

/** What a list held, once parsed. */
export interface FilterListStats {
  readonly name: string
  /** Network filters in use (blocking filters and exceptions). */
  readonly network: number
  /** Cosmetic filters in use (hiding filters and exceptions). */
  readonly cosmetic: number
  /** Lines that are neither blank nor comments but cannot act on static Markdown (see the module comment). */
  readonly ignored: number
  /** The first few ignored lines, as written. */
  readonly ignoredSamples: readonly string[]
}

/**
 * What a URL is fetched as, in the engine's request types: `image` for
 * images, `sub_frame` for iframes, `script`, `media` (video, audio, their
 * sources), `object` (embed, object), `stylesheet`, and `document` for a
 * link (a navigation).
 */
export type ResourceKind = 'image' | 'sub_frame' | 'script' | 'media' | 'object' | 'stylesheet' | 'document'

/** The site an article comes from, as the engine wants it. */
export interface Site {
  readonly url: string
  readonly hostname: string
  readonly domain: string
}

/** A filter that matched, with the list it comes from. */
export interface FilterMatch {
  /** The filter as written in the list. */
  readonly filter: string
  /** The list's name. */
  readonly list: string
}

/**
 * What an element must have to be matched by a selector: a key (see
 * {@link elementKeys}) and, for an attribute selector with a value
 * (`[class^="ad-"]`), a test one of the element's values for that attribute
 * must pass (lower-cased: a superset of what the selector matches).
 */
export interface Requirement {
  readonly key: string
  readonly test?: ((value: string) => boolean) | undefined
}

/** A cosmetic filter that may hide an element of the article. */
export interface CosmeticCandidate extends FilterMatch {
  /** The CSS selector to test. */
  readonly selector: string
  /** One of these an element must meet to be matched (one per selector of a list); undefined: any element may. */
  readonly requirements: readonly Requirement[] | undefined
}

/** What the cosmetic lookup needs from an article's HTML. */
export interface PageFacts {
  readonly site: Site | undefined
  readonly classes: readonly string[]
  readonly ids: readonly string[]
  /** `href`s of `<a>` elements. */
  readonly hrefs: readonly string[]
  /** Every element key present (see {@link elementKeys}). */
  readonly keys: ReadonlySet<string>
  /** Every attribute value present, lower-cased, by key. */
  readonly values: ReadonlyMap<string, ReadonlySet<string>>
}

/** Filter lists compiled for matching. */
export interface CompiledFilterLists {
  readonly names: readonly string[]
  readonly stats: readonly FilterListStats[]
  /** Whether there are network filters to match URLs against. */
  readonly hasNetworkFilters: boolean
  /** Whether there are cosmetic filters to match elements against. */
  readonly hasCosmeticFilters: boolean
  /** The site of a frontmatter URL (`https://www.example.com/post` → `www.example.com`, `example.com`); undefined if it is not an http(s) URL. */
  site(url: string): Site | undefined
  /**
   * Whether the lists allow everything on the site's pages
   * (`@@||example.com^$document`).
   */
  allowsPage(site: Site): boolean
  /**
   * The filter blocking an absolute http(s) URL fetched as `kind` from the
   * site (undefined when the site is unknown: every URL is then third-party).
   * A link (`document`) is only blocked by a filter that names a host
   * (`||ads.example^…`, `|https://ads.example/`): path patterns in lists
   * describe ad resources, and would catch links to articles about ads.
   */
  matchUrl(url: string, kind: ResourceKind, site: Site | undefined): FilterMatch | undefined
  /** The cosmetic filters that may apply to the article, exceptions already applied. */
  cosmeticCandidates(page: PageFacts): CosmeticCandidate[]
  /** Remember that hast-util-select cannot evaluate `selector` (it is skipped from then on). */
  markUnsupported(selector: string): void
}

/** Engine settings: keep each filter's text (`rawLine`) for messages, and each filter whole (no merging). */
/** Key of an attribute name, the same for a selector's `data-ad-slot` and hast's `dataAdSlot`. */
export function attributeKey(name: string): string {
  if (name === 'className') return '[class'
  if (name === 'htmlFor') return '[for'
  return `[${name.toLowerCase().replace(/-/g, '')}`
}

/**
 * The keys of an element — its tag name, `#id`, `.class` for each class and
 * `[name` for each attribute (`properties` as hast holds them) — and the
 * value of each attribute under its key, lower-cased.
 */
export function elementKeys(
  tagName: string,
  properties: Readonly<Record<string, unknown>>,
  value?: (key: string, value: string) => void,
): string[] {
  const keys = [tagName.toLowerCase()]
  for (const [name, raw] of Object.entries(properties)) {
    if (raw === undefined || raw === null || raw === false) continue
    const key = attributeKey(name)
    keys.push(key)
    if (name === 'id' && typeof raw === 'string') keys.push(`#${raw}`)
    if (name === 'className' && Array.isArray(raw)) for (const item of raw) keys.push(`.${String(item)}`)
    value?.(key, (Array.isArray(raw) ? raw.join(' ') : String(raw)).toLowerCase())
  }
  return keys
}

/** Whether an element with these keys and attribute values may meet one of the requirements. */
export function meetsRequirements(
  requirements: readonly Requirement[] | undefined,
  keys: ReadonlySet<string>,
  values: ReadonlyMap<string, ReadonlySet<string>>,
): boolean {
  if (!requirements) return true
  for (const {key, test} of requirements) {
    if (!keys.has(key)) continue
    if (!test) return true
    for (const value of values.get(key) ?? []) if (test(value)) return true
  }
  return false
}
