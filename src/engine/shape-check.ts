/**
 * Holding removals to their shapes: the glue between {@link shapeViolation}
 * (pure) and `reportRemoval`, the one place every removal passes through.
 *
 * While a rule runs, `file.data` names it and the shapes it declares
 * ({@link enterRule}, called by `defineRule`'s wrapper, so the unified
 * plugins and `runRules` alike), and keeps the tree it was given, from which
 * the block structure is built on first use. {@link checkShape} then resolves
 * a removal's shape (its own, or the rule's only one), checks that the rule
 * declares it, and checks the span.
 *
 * A broken shape is a bug in a rule. What happens then is the file's shape
 * mode: `throw` (tests: any test, fixture or property run fails on it) or
 * `warn` (production: the span is dropped and a warning names the rule and
 * the shape, so the article keeps its text). The mode comes from
 * `clean(text, {shapeCheck})`, else from the `DECRUFT_SHAPE_CHECK`
 * environment variable (`throw` or `warn`), else `warn`. The variable is
 * read through `globalThis.process?.env`, so the core stays portable (no
 * `node:` import; in a browser there is simply no variable). An environment
 * variable, not only an option, because it reaches every way the tests run
 * decruft without touching them: vitest sets it for in-process tests
 * (vitest.config.ts), and the CLI, worker-thread and pre-commit tests' child
 * processes inherit it.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {shapeStructure, shapeViolation, SHAPES, type RemovedEndAt, type Shape, type ShapeStructure} from './shape.js'
import type {Span} from './span.js'

/** What a broken shape does: throw a {@link ShapeError}, or drop the removal with a warning. */
export type ShapeCheckMode = 'throw' | 'warn'

/** The environment variable that sets the default {@link ShapeCheckMode}. */
export const SHAPE_CHECK_ENV = 'DECRUFT_SHAPE_CHECK'

/** A removal that breaks its shape, thrown in `throw` mode. */
export class ShapeError extends Error {
  override readonly name = 'ShapeError'
  constructor(
    readonly ruleId: string,
    readonly shape: Shape | undefined,
    readonly span: Span,
    /** Why the span breaks it (not `reason`: a `CleanError` wrapping this takes a `reason` field as the whole message). */
    readonly violation: string,
    readonly text: string,
  ) {
    super(
      `${ruleId}: removal ${span.start}–${span.end} ${JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text)}: ${violation}`,
    )
  }
}

interface ShapeData {
  decruftShapeMode?: ShapeCheckMode
  decruftRule?: {id: string; shapes: readonly Shape[]}
  decruftShapeTree?: Root
  decruftShapeStructure?: {tree: Root; structure: ShapeStructure}
}

function dataOf(file: VFile): ShapeData {
  return file.data as ShapeData
}

/** The mode the environment asks for, or `warn`. */
export function defaultShapeCheckMode(): ShapeCheckMode {
  const env = (globalThis as {process?: {env?: Record<string, string | undefined>}}).process?.env
  return env?.[SHAPE_CHECK_ENV] === 'throw' ? 'throw' : 'warn'
}

/** Set the shape mode of `file` (else the environment's, see {@link defaultShapeCheckMode}). */
export function setShapeCheckMode(file: VFile, mode: ShapeCheckMode | undefined): void {
  if (mode !== undefined) dataOf(file).decruftShapeMode = mode
}

/** Note that the rule `id`, declaring `shapes`, runs on `tree` now; returns what to restore after it. */
export function enterRule(file: VFile, tree: Root, rule: {id: string; shapes: readonly Shape[]}): () => void {
  const data = dataOf(file)
  const previous = data.decruftRule
  data.decruftRule = {id: rule.id, shapes: rule.shapes}
  data.decruftShapeTree = tree
  return () => {
    if (previous) data.decruftRule = previous
    else delete data.decruftRule
  }
}

/** The block structure of `tree` (parsed from `file`), built once per tree and kept on `file.data`. */
export function shapeStructureOf(file: VFile, tree: Root): ShapeStructure {
  const data = dataOf(file)
  if (data.decruftShapeStructure?.tree !== tree) data.decruftShapeStructure = {tree, structure: shapeStructure(tree)}
  return data.decruftShapeStructure.structure
}

/** The block structure of the tree the rules run on, if one is known. */
function structureOf(file: VFile): ShapeStructure | undefined {
  const tree = dataOf(file).decruftShapeTree
  return tree ? shapeStructureOf(file, tree) : undefined
}

/** A removal as the check sees it. */
export interface ShapedSpan extends Span {
  ruleId: string
  shape?: Shape | undefined
  /** The span the removal is a piece of (split around earlier removals); the shape is checked on it. */
  partOf?: Span | undefined
}

function isWhiteSpaceBetween(text: string, from: number, to: number): boolean {
  return /^\s*$/.test(text.slice(from, to))
}

/** The span to check: the removal, or the whole it is a piece of (with the white space the piece took beyond it). */
function checkedSpan(text: string, removal: ShapedSpan): Span | string {
  const whole = removal.partOf
  if (!whole) return removal
  const start = Math.min(whole.start, removal.start)
  const end = Math.max(whole.end, removal.end)
  if (!isWhiteSpaceBetween(text, start, whole.start) || !isWhiteSpaceBetween(text, whole.end, end))
    return 'the piece does not lie in the span it is part of'
  return {start, end}
}

/**
 * Check a removal's span against its shape (`removedEndAt`: what earlier
 * removals took, see `shapeViolation`). Returns undefined when it keeps it;
 * otherwise throws a {@link ShapeError} (`throw` mode) or returns the
 * warning to report in place of the removal (`warn` mode).
 */
export function checkShape(file: VFile, removal: ShapedSpan, removedEndAt?: RemovedEndAt): string | undefined {
  const text = String(file.value)
  const rule = dataOf(file).decruftRule
  const declared = rule?.id === removal.ruleId ? rule.shapes : undefined
  const shape = removal.shape ?? (declared?.length === 1 ? declared[0] : undefined)
  let reason: string | undefined
  if (shape === undefined) {
    reason = declared
      ? `the rule declares several shapes (${declared.join(', ')}) and the removal names none`
      : 'the removal names no shape'
  } else if (declared && !declared.includes(shape)) {
    reason = `the rule does not declare the \`${shape}\` shape (it declares ${declared.join(', ')})`
  } else {
    const span = checkedSpan(text, removal)
    const why = typeof span === 'string' ? span : shapeViolation(text, span, shape, structureOf(file), removedEndAt)
    if (why !== undefined) reason = `it breaks the \`${shape}\` shape (${SHAPES[shape]}): ${why}`
  }
  if (reason === undefined) return undefined
  const mode = dataOf(file).decruftShapeMode ?? defaultShapeCheckMode()
  if (mode === 'throw')
    throw new ShapeError(removal.ruleId, shape, {start: removal.start, end: removal.end}, reason, text.slice(removal.start, removal.end))
  return `Removal dropped: ${reason}`
}

/**
 * For the repair step (repair.ts), which widens or adjusts spans after the
 * rules reported them: whether an adjusted span of a removal still has one
 * of the shapes its rule declares (`shapesOf`), alone or as part of the
 * `run` of removals it touches (two removals that empty a list item take its
 * line between them). So every span a removal ends
 * with is held to its rule's shapes, not only the one it was reported with.
 * When it has none, `throw` mode throws a {@link ShapeError}; `warn` mode
 * answers false and the removal stays as the rule found it.
 */
export function repairKeepsShape(
  file: VFile,
  tree: Root,
  shapesOf: (ruleId: string) => readonly Shape[] | undefined,
): (removal: {ruleId: string}, span: Span, run?: Span) => boolean {
  const text = String(file.value)
  return (removal, span, run) => {
    const shapes = shapesOf(removal.ruleId)
    if (!shapes) return true
    const structure = shapeStructureOf(file, tree)
    const keeps = (checked: Span) => shapes.some((shape) => shapeViolation(text, checked, shape, structure) === undefined)
    if (keeps(span) || (run !== undefined && (run.start !== span.start || run.end !== span.end) && keeps(run))) return true
    const mode = dataOf(file).decruftShapeMode ?? defaultShapeCheckMode()
    const reason = `the repaired span keeps none of the rule's shapes (${shapes.join(', ')})`
    if (mode === 'throw') throw new ShapeError(removal.ruleId, undefined, span, reason, text.slice(span.start, span.end))
    return false
  }
}
