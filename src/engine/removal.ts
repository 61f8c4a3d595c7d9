/**
 * Removals: the one way a rule changes a document.
 *
 * A rule never edits text. It calls {@link reportRemoval} with a span of the
 * source; that one call records the removal *and* emits the vfile message, so
 * nothing can vanish unreported. The removed text travels in the message's
 * `actual` field, a replacement (if any) in `expected`. Everything downstream
 * (the applied edits, the JSON record, check-mode lines) is built from these
 * messages.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {settleGroups} from './group.js'
import {pointsOf, type Point} from './points.js'
import {checkShape} from './shape-check.js'
import type {Shape} from './shape.js'
import {firstAtOrAfter, type Span} from './span.js'
import {isSuppressed, noteSuppressed} from './suppression.js'

/** Where every decruft message comes from. */
export const SOURCE = 'decruft'

/** A point in the source: 1-indexed line and column, 0-indexed offset. */
export type {Point}

/** What a rule asks to remove (or replace) — offsets into the file's text. */
export interface RemovalInit {
  /** Rule id, e.g. `ad-block`. */
  ruleId: string
  /** Human reason, one sentence, no trailing period. */
  reason: string
  /** Start offset (inclusive). */
  start: number
  /** End offset (exclusive). */
  end: number
  /** Text put in place of the span; empty (a pure removal) when omitted. */
  replacement?: string
  /** Frontmatter key the change is about, when there is one. */
  key?: string
  /**
   * Set on each part of a removal made of several spans (an unlinked link's
   * `[` and `](url)`, an unwrapped tag's opening and closing tags): a key the
   * parts share, unique among the rule's removals in the file (the first
   * part's start offset does). The parts are one removal: one finding, one
   * count (see group.ts).
   */
  group?: number
  /**
   * `warning`: a matter of taste (a date rewritten in another format, a list
   * shape), which check mode reports without failing. Absent: an error —
   * junk that should not be there. The config's per-rule severity can only
   * lower it (a rule set to `warn` reports warnings).
   */
  severity?: RemovalSeverity
  /**
   * The shape of the span (see `engine/shape.ts`), one the rule declares in its
   * `meta.shapes`; the rule's only shape when omitted. A span that breaks it
   * is not recorded (see {@link reportRemoval}).
   */
  shape?: Shape
  /**
   * The span this removal is a piece of, when a rule splits what it found
   * around earlier removals (the sanitiser's element holding an ad already
   * removed): the shape is checked on that span, the piece must lie in it
   * (give or take white space).
   */
  partOf?: Span
  /**
   * The measurements that decided the removal (a link density, a count, the
   * zone of the page), for a reviewer to see why: small, flat, JSON-safe.
   * The `reason` says the same in words.
   */
  features?: RemovalFeatures
}

/** The measurements behind a removal: names to numbers, words or flags. */
export type RemovalFeatures = Readonly<Record<string, string | number | boolean>>

/** The severity a removal can lower itself to; absent is an error. */
export type RemovalSeverity = 'warning'

/** A removal as recorded: the span, its exact text and why. */
export interface Removal {
  ruleId: string
  reason: string
  start: Point
  end: Point
  /** The exact text that was removed. */
  text: string
  /** Text put in its place (frontmatter rewrites); absent for pure removals. */
  replacement?: string
  key?: string
  /** On each part of a removal of several spans: the start offset of its first part (see group.ts). */
  group?: number
  /** `warning` for a matter of taste; absent for an error (see {@link RemovalInit.severity}). */
  severity?: RemovalSeverity
  /** How the span was widened or adjusted so the Markdown around it renders as before (see repair.ts); absent when it was not. */
  adjusted?: string
  /** The measurements that decided it ({@link RemovalInit.features}); absent when the rule gives none. */
  features?: RemovalFeatures
}

/** A decruft message that carries a removal. */
export interface RemovalMessage extends VFileMessage {
  actual: string
  expected: string[]
  decruftKey?: string
  /** The group key of a part of a removal of several spans ({@link RemovalInit.group}). */
  decruftGroup?: number
  decruftSeverity?: RemovalSeverity
  decruftFeatures?: RemovalFeatures
}

/**
 * Run `create` with stack capture off. A vfile message is an `Error`, and
 * capturing a stack for each of an article's hundreds of removals costs more
 * than finding them; the stack of a finding says nothing anyway.
 */
export function withoutStack<T>(create: () => T): T {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return create()
  } finally {
    Error.stackTraceLimit = limit
  }
}

function pointAt(file: VFile, offset: number): Point {
  const data = file.data as {decruftPoints?: (offset: number) => Point}
  data.decruftPoints ??= pointsOf(String(file.value))
  return data.decruftPoints(offset)
}

/** A recorded span, kept in a sorted index on `file.data` (spans never overlap). */
interface Taken {
  start: number
  end: number
  message: RemovalMessage
}

function takenOf(file: VFile): Taken[] {
  const data = file.data as {decruftTaken?: Taken[]}
  data.decruftTaken ??= []
  return data.decruftTaken
}

/** Index of the last span starting at or before `offset`, or -1. */
function lastStartingBy(taken: ReadonlyArray<{start: number}>, offset: number): number {
  return firstAtOrAfter(taken, offset + 1) - 1
}

/** The recorded span holding `offset` (start inclusive, end exclusive), if any. */
function spanAt(taken: readonly Taken[], offset: number): Taken | undefined {
  const span = taken[lastStartingBy(taken, offset)]
  return span && offset < span.end ? span : undefined
}

/** True when `[start, end)` lies inside a span already removed from `file`. */
export function isRemoved(file: VFile, start: number, end: number): boolean {
  const span = spanAt(takenOf(file), start)
  return span !== undefined && end <= span.end && span.end > span.start
}

/**
 * Record a removal and report it as a vfile message.
 *
 * Spans already covered by an earlier removal are ignored (the outer removal
 * already took their text); a span that only partly overlaps an earlier one
 * is trimmed (two blocks that both claimed the blank line between them: the
 * earlier one keeps it); a span that takes in earlier, smaller removals (a
 * duplicate paragraph holding an unlinked affiliate link) absorbs them, since
 * its text has theirs. A removal that starts where a suppression comment
 * (`<!-- decruft-disable-next-line link-farm -->`, see suppression.ts) keeps
 * the rule's finds is not recorded, only counted. A span that breaks its
 * shape (`init.shape`, see `engine/shape-check.ts`) is a bug in the rule: it
 * throws a `ShapeError` in the `throw` shape mode (tests), and otherwise is
 * not recorded and a warning names the rule and the shape. Returns whether
 * the removal was recorded.
 */
export function reportRemoval(file: VFile, init: RemovalInit): boolean {
  const text = String(file.value)
  if (init.start < 0 || init.end > text.length || init.start > init.end) {
    throw new RangeError(`${init.ruleId}: bad span ${init.start}–${init.end}`)
  }
  const taken = takenOf(file)
  if (init.end > init.start && isRemoved(file, init.start, init.end)) return false
  if (isSuppressed(file, init.ruleId, init.start)) {
    noteSuppressed(file)
    return false
  }
  const broken = checkShape(file, init, (offset) => spanAt(taken, offset)?.end ?? -1)
  if (broken !== undefined) {
    reportWarning(file, {ruleId: init.ruleId, reason: broken, start: init.start, end: init.end})
    return false
  }
  let from = init.start
  let to = init.end
  const holdingStart = spanAt(taken, from)
  if (holdingStart) from = holdingStart.end
  const holdingEnd = to > 0 ? spanAt(taken, to - 1) : undefined
  if (holdingEnd && holdingEnd.start >= from) to = holdingEnd.start
  if (to < from) return false
  if (from === to && !init.replacement) return false
  // Absorb the spans that lie wholly inside the new one.
  let index = lastStartingBy(taken, from - 1) + 1
  const absorbed: Taken[] = []
  while (index < taken.length && taken[index]!.start < to) {
    const span = taken[index]!
    if (span.end <= to && span.message.expected.length === 0) absorbed.push(...taken.splice(index, 1))
    else index++
  }
  if (absorbed.length > 0) {
    const gone = new Set(absorbed.map((span) => span.message))
    const kept = file.messages.filter((message) => !gone.has(message as RemovalMessage))
    file.messages.splice(0, file.messages.length, ...kept)
  }
  const start = pointAt(file, from)
  const end = pointAt(file, to)
  const message = withoutStack(() =>
    file.message(init.reason, {place: {start, end}, ruleId: init.ruleId, source: SOURCE}),
  ) as RemovalMessage
  message.actual = text.slice(from, to)
  message.expected = init.replacement === undefined ? [] : [init.replacement]
  if (init.key !== undefined) message.decruftKey = init.key
  if (init.group !== undefined) message.decruftGroup = init.group
  if (init.severity !== undefined) message.decruftSeverity = init.severity
  if (init.features !== undefined) message.decruftFeatures = {...init.features}
  message.fatal = false
  taken.splice(lastStartingBy(taken, from) + 1, 0, {start: from, end: to, message})
  return true
}

/** Whether a message carries a removal. */
export function isRemovalMessage(message: VFileMessage): message is RemovalMessage {
  return message.source === SOURCE && typeof message.actual === 'string' && Array.isArray(message.expected)
}

/** The removals recorded on `file`, in source order; the parts of a removal of several spans share the start offset of the first as their `group`. */
export function removalsOf(file: VFile): Removal[] {
  const removals: Removal[] = []
  for (const message of file.messages) {
    if (!isRemovalMessage(message)) continue
    const place = message.place as {start: Point; end: Point}
    const removal: Removal = {
      ruleId: message.ruleId ?? 'unknown',
      reason: message.reason,
      start: {...place.start},
      end: {...place.end},
      text: message.actual,
    }
    const replacement = message.expected[0]
    if (replacement !== undefined) removal.replacement = replacement
    if (message.decruftKey !== undefined) removal.key = message.decruftKey
    if (message.decruftGroup !== undefined) removal.group = message.decruftGroup
    if (message.decruftSeverity !== undefined) removal.severity = message.decruftSeverity
    if (message.decruftFeatures !== undefined) removal.features = {...message.decruftFeatures}
    removals.push(removal)
  }
  return settleGroups(removals.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset))
}

/** What a rule reports without removing anything (an unbalanced marker). */
export interface WarningInit {
  ruleId: string
  reason: string
  start: number
  end: number
}

/** Report a finding that removes nothing; it shows in reports and the JSON `warnings`. */
export function reportWarning(file: VFile, init: WarningInit): void {
  const place = {start: pointAt(file, init.start), end: pointAt(file, init.end)}
  const message = withoutStack(() => file.message(init.reason, {place, ruleId: init.ruleId, source: SOURCE}))
  message.fatal = false
}

/** The spans removed so far, frozen: what a rule looks through and does not report inside. */
export interface RemovedSpans {
  /** Whether `[start, end)` lies inside removed spans (one, or several without a gap). */
  covers(start: number, end: number): boolean
  /** Whether `[start, end)` touches a removed span. */
  overlaps(start: number, end: number): boolean
  /** The end of the removed span that holds `offset`, or -1. */
  endAt(offset: number): number
  /** The spans themselves, sorted by start, with the rule that removed each. */
  readonly list: ReadonlyArray<{readonly start: number; readonly end: number; readonly ruleId: string}>
}

/** A snapshot of the spans removed from `file` so far (by earlier rules, when taken at a rule's start). */
export function removedSpans(file: VFile): RemovedSpans {
  const spans = takenOf(file)
    .filter((span) => span.end > span.start)
    .map((span) => ({start: span.start, end: span.end, ruleId: span.message.ruleId ?? 'unknown'}))
  const holding = (offset: number) => {
    const span = spans[lastStartingBy(spans, offset)]
    return span && offset < span.end ? span : undefined
  }
  return {
    list: spans,
    covers(start, end) {
      // Spans that follow on without a gap (a run of ads split per unit) cover together.
      let span = holding(start)
      while (span && span.end < end) span = holding(span.end)
      return span !== undefined && end <= span.end
    },
    overlaps(start, end) {
      // Spans never overlap, so the last one starting before `end` is the only candidate.
      const span = spans[lastStartingBy(spans, end - 1)]
      return span !== undefined && span.end > start
    },
    endAt(offset) {
      return holding(offset)?.end ?? -1
    },
  }
}
