/**
 * Rules section `widget`: the widgets and platform chrome a page puts round
 * an article, as data — HTML widgets by tag, class and attributes; prompts
 * whose whole block text is a widget's ("Like this:", "微信扫一扫 关注该公众号");
 * blocks of links that only share the page; table-of-contents plugin boxes;
 * and repost notices at the head or tail of the article.
 */
import {z} from 'zod'
import {adElementSchema} from '../ad-slot/section.js'
import {enabled, entry, host, hostPattern, labelSchema, pattern, regex, type Matcher} from '../../ruleset/matchers.js'
import {defineSection} from '../../ruleset/section.js'
import type {ElementMatcher} from '../ad-slot/section.js'

/** What a widget is, for the reason and the record's features. */
const kind = z.enum(['share', 'likes', 'comment-form', 'toc', 'platform', 'notice', 'taxonomy', 'legal-links'])

/**
 * Where in the article a text widget may stand: `anywhere`; `head` (among
 * the first `headBlocks` blocks); `tail` (among the last `tailBlocks`);
 * `edges` (either).
 */
const zone = z.enum(['anywhere', 'head', 'tail', 'edges'])

const elementSchema = adElementSchema.extend({kind}).strict()

const widgetLabelSchema = labelSchema.extend({kind, zone: zone.optional()}).strict()

const shareLinkSchema = z
  .object({
    ...entry,
    /** Host of the share endpoint (and its sub-domains); any host when omitted. */
    host: host.optional(),
    /** Pattern the URL's path with its query must match; any path when omitted. */
    path: pattern.optional(),
  })
  .strict()
  .refine((value) => value.host !== undefined || value.path !== undefined, {message: 'a share link needs a host or a path'})

const noticeSchema = labelSchema
  .extend({
    /** Only when the block holds a link or a bare URL (words that also start real sentences). */
    needsLink: z.boolean().optional(),
  })
  .strict()

export const schema = z
  .object({
    /** The head zone: the first this many blocks (frontmatter, link definitions and removed blocks not counted). */
    headBlocks: z.number().int().min(1).optional(),
    /** The tail zone: the last this many blocks. */
    tailBlocks: z.number().int().min(1).optional(),
    /** Blocks whose text is longer (in characters) are never text widgets. */
    maxLength: z.number().int().min(1).optional(),
    /** HTML widgets (share bars, comment forms, TOC boxes, platform furniture), removed from open tag to close tag. */
    elements: z.array(elementSchema).optional(),
    /** Blocks whose whole text is a widget's (edge punctuation and symbols ignored). */
    labels: z.array(widgetLabelSchema).optional(),
    /** Blocks of links that only share the page. */
    share: z
      .object({
        /** A share block has at least this many links, all of them share links. */
        minLinks: z.number().int().min(1).optional(),
        /** Text outside the links (punctuation and symbols not counted) of at most this many characters may stand beside them. */
        maxOtherChars: z.number().int().min(0).optional(),
        /** A block whose whole text is one of these, right before a share block, goes with it ("Share this:", "分享到："). */
        labels: z.array(labelSchema).optional(),
        /** Share endpoints: URLs that post the page to a network. */
        links: z.array(shareLinkSchema).optional(),
        /** A block that is nothing but ONE share link ("Click to tweet") goes when its text has at most this many words. */
        singleLinkMaxWords: z.number().int().min(1).optional(),
      })
      .strict()
      .optional(),
    /** Table-of-contents plugin boxes scraped into Markdown: a label and a list of `#anchor` links. */
    toc: z
      .object({
        /** Share of the list's links whose text matches a heading the article keeps. */
        minHeadingMatch: z.number().min(0).max(1).optional(),
        /** The list holds at least this many anchor links. */
        minLinks: z.number().int().min(1).optional(),
        /** The box's label ("Table of Contents", "目录", "Inhaltsverzeichnis"). */
        labels: z.array(labelSchema).optional(),
        /**
         * The marks only a plugin leaves: a toggle word by the label ("[hide]", "Toggle"),
         * or its anchor ids (`#How_to_Start`). Without one, a hand-written TOC stays.
         */
        toggles: z.array(labelSchema).optional(),
        anchors: z.array(labelSchema).optional(),
      })
      .strict()
      .optional(),
    /** Taxonomy lines in the tail zone: a label ("Tags:", "分类：") and short items only ("Tags: a, b", "分类：未分类"). */
    taxonomy: z
      .object({
        /** Each item (a link's text, or words between separators) has at most this many words (two Han or kana characters count as one). */
        maxItemWords: z.number().int().min(1).optional(),
        /** Patterns for the label at the start of the block (matched at its start, the rest are the items). */
        labels: z.array(labelSchema).optional(),
        /** Words after the label that make it a sentence ("Tags: are a way to…"): then the block stays. */
        sentence: pattern.optional(),
      })
      .strict()
      .optional(),
    /** Rows or lists of legal and corporate footer links in the tail zone ("Privacy Policy | Terms of Use | Contact"). */
    legalLinks: z
      .object({
        /** The block holds at least this many links and no words outside them. */
        minLinks: z.number().int().min(1).optional(),
        /** Each link's text has at most this many words. */
        maxLinkWords: z.number().int().min(1).optional(),
        /** At least this many link texts are legal or corporate words. */
        minLegal: z.number().int().min(1).optional(),
        /**
         * Legal and corporate link texts (a pattern for the whole link text). At least one of the
         * block's must be a legal word, not only `corporate` ones: "Home | About | Contact" is a blog's own menu.
         */
        words: z.array(labelSchema.extend({corporate: z.boolean().optional()}).strict()).optional(),
      })
      .strict()
      .optional(),
    /** Repost notices ("转载自 …", "Reposted from …"): a whole block, in the head or tail zone; the source URL goes into the removal's features. */
    notices: z.array(noticeSchema).optional(),
  })
  .strict()

/** An HTML widget. */
export interface WidgetElementMatcher extends ElementMatcher {
  readonly kind: WidgetKind
}

/** A text widget. */
export interface WidgetLabelMatcher extends Matcher {
  readonly pattern: RegExp
  readonly kind: WidgetKind
  readonly zone: WidgetZone
}

export type WidgetKind = z.output<typeof kind>
export type WidgetZone = z.output<typeof zone>

/** A share endpoint. */
export interface ShareLinkMatcher extends Matcher {
  test(url: URL): boolean
}

/** A pattern with its id, for the reason. */
export interface PatternMatcher extends Matcher {
  readonly pattern: RegExp
}

export interface WidgetRules {
  readonly headBlocks: number
  readonly tailBlocks: number
  readonly maxLength: number
  readonly elements: readonly WidgetElementMatcher[]
  readonly labels: readonly WidgetLabelMatcher[]
  readonly share: {
    readonly minLinks: number
    readonly maxOtherChars: number
    readonly labels: readonly PatternMatcher[]
    readonly links: readonly ShareLinkMatcher[]
    readonly singleLinkMaxWords: number
  }
  readonly taxonomy: {
    readonly maxItemWords: number
    readonly labels: readonly PatternMatcher[]
    readonly sentence: RegExp
  }
  readonly legalLinks: {
    readonly minLinks: number
    readonly maxLinkWords: number
    readonly minLegal: number
    readonly words: ReadonlyArray<PatternMatcher & {readonly corporate: boolean}>
  }
  readonly toc: {
    readonly minHeadingMatch: number
    readonly minLinks: number
    readonly labels: readonly PatternMatcher[]
    readonly toggles: readonly PatternMatcher[]
    readonly anchors: readonly PatternMatcher[]
  }
  readonly notices: ReadonlyArray<PatternMatcher & {readonly needsLink: boolean}>
}

type Input = z.input<typeof schema>

function patterns(
  list: ReadonlyArray<{id: string; note?: string | undefined; pattern: string; enabled?: boolean | undefined}> | undefined,
) {
  return enabled(list).map((item) => ({id: item.id, note: item.note, pattern: regex(item.pattern)}))
}

function shareLink(item: z.output<typeof shareLinkSchema>): ShareLinkMatcher {
  const hostTest = item.host === undefined ? undefined : hostPattern(item.host)
  const pathTest = item.path === undefined ? undefined : regex(item.path)
  return {
    id: item.id,
    note: item.note,
    test: (url) => (!hostTest || hostTest.test(url.hostname)) && (!pathTest || pathTest.test(url.pathname + url.search)),
  }
}

export function compile(data: Input | undefined): WidgetRules {
  return {
    headBlocks: data?.headBlocks ?? 6,
    tailBlocks: data?.tailBlocks ?? 12,
    maxLength: data?.maxLength ?? 400,
    elements: enabled(data?.elements).map((e) => ({
      id: e.id,
      note: e.note,
      kind: e.kind,
      tag: e.tag?.toLowerCase(),
      class: e.class,
      attributes: Object.entries(e.attributes ?? {}).map(([name, source]) => [name.toLowerCase(), regex(source)] as const),
      content: e.content === undefined ? undefined : regex(e.content),
      empty: e.empty ?? false,
    })),
    labels: enabled(data?.labels).map((l) => ({
      id: l.id,
      note: l.note,
      kind: l.kind,
      zone: l.zone ?? 'anywhere',
      pattern: regex(l.pattern),
    })),
    share: {
      minLinks: data?.share?.minLinks ?? 2,
      maxOtherChars: data?.share?.maxOtherChars ?? 30,
      labels: patterns(data?.share?.labels),
      links: enabled(data?.share?.links).map(shareLink),
      singleLinkMaxWords: data?.share?.singleLinkMaxWords ?? 8,
    },
    taxonomy: {
      maxItemWords: data?.taxonomy?.maxItemWords ?? 4,
      labels: patterns(data?.taxonomy?.labels),
      // Never matches when no sentence words are given.
      sentence: regex(data?.taxonomy?.sentence ?? '(?!)'),
    },
    legalLinks: {
      minLinks: data?.legalLinks?.minLinks ?? 3,
      maxLinkWords: data?.legalLinks?.maxLinkWords ?? 5,
      minLegal: data?.legalLinks?.minLegal ?? 2,
      words: enabled(data?.legalLinks?.words).map((w) => ({
        id: w.id,
        note: w.note,
        pattern: regex(w.pattern),
        corporate: w.corporate ?? false,
      })),
    },
    toc: {
      minHeadingMatch: data?.toc?.minHeadingMatch ?? 0.8,
      minLinks: data?.toc?.minLinks ?? 2,
      labels: patterns(data?.toc?.labels),
      toggles: patterns(data?.toc?.toggles),
      anchors: patterns(data?.toc?.anchors),
    },
    notices: enabled(data?.notices).map((n) => ({id: n.id, note: n.note, pattern: regex(n.pattern), needsLink: n.needsLink ?? false})),
  }
}

/** The `widget` section of a rules file. */
export const section = defineSection('widget', schema, compile)
