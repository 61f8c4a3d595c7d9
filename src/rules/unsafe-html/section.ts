/**
 * Rules section `unsafeHtml`: the sanitiser schema for HTML that stays.
 *
 * The data names HTML tags and attributes as written in markup (`srcset`,
 * `aria-*`, `data-*`); the compiler turns it into the schema
 * hast-util-sanitize takes (property names, `data*`, RegExp values) and into
 * the lookups the `unsafe-html` rule uses to say why something went.
 */
import type {Root as HastRoot} from 'hast'
import {find, html} from 'property-information'
import rehypeSanitize, {type Options as SanitizeSchema} from 'rehype-sanitize'
import {unified} from 'unified'
import {z} from 'zod'
import {enabled, entry, hostSchema, pattern, urlMatcher, type UrlMatcher} from '../../ruleset/matchers.js'
import {defineSection} from '../../ruleset/section.js'

const tagName = z.string().regex(/^[a-z][a-z0-9-]*$/i, 'a tag name: letters, digits and dashes')
const attributeName = z
  .string()
  .regex(/^(?:[a-z][a-z0-9:_.-]*|data-\*|aria-\*)$/i, 'an attribute name (`data-*` and `aria-*` stand for all of them)')
const scheme = z.string().regex(/^[a-z][a-z0-9+.-]*$/i, 'a URL scheme without the colon, e.g. `https`')

export const tagGroupSchema = z
  .object({
    ...entry,
    /** Tag names, lower case (`svg` children in their own case: `foreignObject`). */
    tags: z.array(tagName),
  })
  .strict()

export const attributeGroupSchema = z
  .object({
    ...entry,
    /** The tags these attributes are allowed on; every allowed tag when omitted. */
    tags: z.array(tagName).optional(),
    /** Attribute names as written in HTML; `data-*` and `aria-*` stand for all of them. */
    names: z.array(attributeName),
  })
  .strict()

export const protocolSchema = z
  .object({
    ...entry,
    /** URL schemes (without the colon) allowed in URL attributes. */
    schemes: z.array(scheme),
    /** Only in these attributes (`href`, `src`, …); every URL attribute when omitted. */
    attributes: z.array(attributeName).optional(),
  })
  .strict()

export const deniedValueSchema = z
  .object({
    ...entry,
    /** Attributes whose value is checked. */
    attributes: z.array(attributeName),
    /** The attribute goes when its value matches this pattern (case-insensitive). */
    pattern,
  })
  .strict()

export const schema = z
  .object({
    /** Keep HTML comments (`<!-- more -->`); default true. */
    comments: z.boolean().optional(),
    /** Tags kept (with their allowed attributes). */
    tags: z.array(tagGroupSchema).optional(),
    /** Tags removed with everything inside them. Any tag in neither list is unwrapped: its tags go, its content stays. */
    strip: z.array(tagGroupSchema).optional(),
    /** Attributes kept; any other attribute goes. */
    attributes: z.array(attributeGroupSchema).optional(),
    /** URL schemes kept in URL attributes (`href`, `src`, `srcset`, `poster`, …); relative URLs always pass. */
    protocols: z.array(protocolSchema).optional(),
    /** Attribute values that make an allowed attribute go (CSS expressions in `style`). */
    deniedValues: z.array(deniedValueSchema).optional(),
    /** Where an `<iframe>` may load from; any other iframe goes whole. */
    embeds: z.array(hostSchema).optional(),
  })
  .strict()

/**
 * Attributes whose value is a URL (or a list of them, `srcset`): the only
 * ones `protocols` applies to. A fact of HTML, not policy — the policy is
 * which of them `attributes` allows and which schemes `protocols` allows.
 */
export const URL_ATTRIBUTES: readonly string[] = [
  'action',
  'archive',
  'background',
  'cite',
  'classid',
  'codebase',
  'data',
  'dynsrc',
  'formaction',
  'href',
  'icon',
  'itemtype',
  'longdesc',
  'lowsrc',
  'manifest',
  'ping',
  'poster',
  'profile',
  'src',
  'srcset',
  'usemap',
  'xlink:href',
]

/**
 * Tags whose content the HTML parser reads as raw text. Unwrapping one would
 * turn that text into live markup, so when not allowed they are always
 * stripped, whatever the rules say. `template` holds its content outside the
 * tree the sanitiser walks, so it is never kept.
 */
export const RAW_TEXT_TAGS: ReadonlySet<string> = new Set([
  'iframe',
  'noembed',
  'noframes',
  'plaintext',
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
])
const NEVER_KEPT: ReadonlySet<string> = new Set(['template'])

/** A scheme no URL can have: the sanitiser allows any URL when an attribute's list is empty, so an empty list gets this. */
const NO_SCHEME = ':'

/** The compiled sanitiser policy. */
export interface UnsafeHtmlRules {
  /** The schema handed to rehype-sanitize (hast property names). */
  readonly schema: SanitizeSchema
  /** Run rehype-sanitize with {@link schema} over a tree; the input is not changed. */
  readonly sanitize: (root: HastRoot) => HastRoot
  /** Allowed tag → the entry that allows it. */
  readonly allowedTags: ReadonlyMap<string, string>
  /** Tag removed with its content → the entry that says so. */
  readonly strippedTags: ReadonlyMap<string, string>
  /** Whether comments stay. */
  readonly comments: boolean
  /** Allowed schemes per URL property (`href`, `srcSet`, …; hast property names). */
  readonly schemes: ReadonlyMap<string, ReadonlySet<string>>
  /** Whether `property` is allowed on `tag` by name (values aside). */
  allowsAttribute(tag: string, property: string): boolean
  /** The id of the denied-value entry `value` of `property` matches, if any. */
  deniedValue(property: string, value: string): string | undefined
  /** Where iframes may load from. */
  readonly embeds: readonly UrlMatcher[]
}

/** The hast property name of an attribute (`srcset` → `srcSet`, `data-*` → `data*`). */
export function propertyOf(attribute: string): string {
  if (attribute === 'data-*') return 'data*'
  return find(html, attribute).property
}

/** Every known ARIA property (`aria-*`), since hast-util-sanitize has a wildcard for `data*` only. */
function ariaProperties(): string[] {
  return Object.values(html.property)
    .filter((info) => info.attribute.startsWith('aria-'))
    .map((info) => info.property)
}

function namesOf(names: readonly string[]): string[] {
  return names.flatMap((name) => (name.toLowerCase() === 'aria-*' ? ariaProperties() : [propertyOf(name.toLowerCase())]))
}

/** A regular expression that matches a value unless one of `patterns` occurs in it. */
function notMatching(patterns: readonly string[]): RegExp {
  return new RegExp(`^(?![\\s\\S]*(?:${patterns.map((source) => `(?:${source})`).join('|')}))`, 'iu')
}

export function compile(data: z.input<typeof schema> | undefined): UnsafeHtmlRules {
  const allowedTags = new Map<string, string>()
  for (const group of enabled(data?.tags)) for (const tag of group.tags) if (!NEVER_KEPT.has(tag)) allowedTags.set(tag, group.id)
  const strippedTags = new Map<string, string>()
  for (const group of enabled(data?.strip)) for (const tag of group.tags) if (!allowedTags.has(tag)) strippedTags.set(tag, group.id)
  for (const tag of [...RAW_TEXT_TAGS, ...NEVER_KEPT])
    if (!allowedTags.has(tag) && !strippedTags.has(tag)) strippedTags.set(tag, 'raw-text')

  // Denied values per property: kept for reasons, and compiled into one "does not contain" pattern for the sanitiser.
  const denied = new Map<string, Array<{id: string; source: string; test: RegExp}>>()
  for (const item of enabled(data?.deniedValues)) {
    for (const attribute of item.attributes) {
      const property = propertyOf(attribute.toLowerCase())
      denied.set(property, [...(denied.get(property) ?? []), {id: item.id, source: item.pattern, test: new RegExp(item.pattern, 'iu')}])
    }
  }
  const definition = (property: string): string | [string, RegExp] => {
    const list = denied.get(property)
    return list ? [property, notMatching(list.map((item) => item.source))] : property
  }

  // Allowed attributes: per tag, and `*` for every tag.
  const byTag = new Map<string, Set<string>>()
  for (const group of enabled(data?.attributes)) {
    const properties = namesOf(group.names)
    for (const tag of group.tags ?? ['*']) {
      const set = byTag.get(tag) ?? new Set<string>()
      for (const property of properties) set.add(property)
      byTag.set(tag, set)
    }
  }
  const attributes: Record<string, Array<string | [string, RegExp]>> = {}
  for (const [tag, properties] of byTag) attributes[tag] = [...properties].map(definition)

  // Allowed schemes per URL property.
  const schemes = new Map<string, Set<string>>()
  for (const attribute of URL_ATTRIBUTES) schemes.set(propertyOf(attribute), new Set())
  for (const item of enabled(data?.protocols)) {
    const targets = item.attributes?.map((attribute) => propertyOf(attribute.toLowerCase())) ?? [...schemes.keys()]
    for (const property of targets) {
      const set = schemes.get(property) ?? new Set<string>()
      for (const name of item.schemes) set.add(name.toLowerCase())
      schemes.set(property, set)
    }
  }
  const protocols: Record<string, string[]> = {}
  for (const [property, set] of schemes) protocols[property] = set.size > 0 ? [...set] : [NO_SCHEME]

  const comments = data?.comments ?? true
  const sanitizeSchema: SanitizeSchema = {
    tagNames: [...allowedTags.keys()],
    strip: [...strippedTags.keys()],
    attributes,
    protocols,
    // We only remove: nothing is prefixed, renamed or added, and an element
    // is judged on its own, not on its ancestors (a `<li>` whose `<ul>` is in
    // another Markdown block is still a list item).
    clobber: [],
    clobberPrefix: '',
    ancestors: {},
    required: {},
    allowComments: comments,
    allowDoctypes: true,
  }
  const processor = unified().use(rehypeSanitize, sanitizeSchema).freeze()

  return {
    schema: sanitizeSchema,
    sanitize: (root) => processor.runSync(root) as HastRoot,
    allowedTags,
    strippedTags,
    comments,
    schemes,
    allowsAttribute(tag, property) {
      const allowed = (set: Set<string> | undefined) =>
        set !== undefined &&
        (set.has(property) || (property.length > 4 && property.slice(0, 4).toLowerCase() === 'data' && set.has('data*')))
      return allowedTags.has(tag) && (allowed(byTag.get(tag)) || allowed(byTag.get('*')))
    },
    deniedValue(property, value) {
      return denied.get(property)?.find((item) => item.test.test(value))?.id
    },
    embeds: enabled(data?.embeds).map(urlMatcher),
  }
}

/** The `unsafeHtml` section of a rules file. */
export const section = defineSection('unsafeHtml', schema, compile)
