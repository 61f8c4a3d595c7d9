/**
 * Vet a rules file's regular expressions for catastrophic backtracking
 * before any of them runs: `begin: '(a+)+$'` took 92 s on a 30-character
 * comment. A pattern is refused when a repetition stands inside a group
 * that repeats without a small bound (`(a+)+`, `(\w+\s?)*`, `(?:x*y)+`,
 * `(?:\d+){1,100}`): text that almost matches makes the engine try every
 * way to split it between the two, which grows exponentially (or as a high
 * power) with its length. This is the star-height test of safe-regex,
 * counting only quantifiers that repeat (`?` and `{0,1}` do not), so the
 * common `(?:ads?\s+)?` stays allowed, and letting through a group whose
 * every iteration starts or ends with a literal character the inner
 * repetition cannot match (`(?:[a-z0-9-]+\.)+`, `(?: \d+)*`).
 *
 * Parsed with regjsparser (the parser Babel uses, Unicode mode as the rules
 * compile: `iu`). Not caught: overlapping alternatives under a star
 * (`(a|a)*`) and polynomial chains of adjacent stars (`.*a.*a.*a`); see
 * docs/rules.md, "Rules files".
 *
 * @example
 *   catastrophicBacktracking('(a+)+$')        // '`a+` repeats inside `(a+)+`, …'
 *   catastrophicBacktracking('^ads?\\s+begin$') // undefined
 */
import regjsparser, {type AstNode} from 'regjsparser'

/** An outer repetition up to this many times is a bounded one: at most a low power of the text's length. */
export const MAX_BOUNDED_REPEAT = 10

function repeats(node: AstNode): boolean {
  return node.type === 'quantifier' && (node.max === undefined || node.max > 1)
}

function unbounded(node: AstNode): boolean {
  return node.type === 'quantifier' && (node.max === undefined || node.max > MAX_BOUNDED_REPEAT)
}

function children(node: AstNode): readonly AstNode[] {
  const body = (node as {body?: unknown}).body
  return Array.isArray(body) ? (body as AstNode[]) : []
}

/** The repetitions inside `node` (itself excluded). */
function innerRepetitions(node: AstNode, into: AstNode[] = []): AstNode[] {
  for (const child of children(node)) {
    if (repeats(child)) into.push(child)
    innerRepetitions(child, into)
  }
  return into
}

const ATOMS: ReadonlySet<string> = new Set(['value', 'characterClass', 'characterClassEscape', 'unicodePropertyEscape', 'dot'])

/** Characters to tell whether two one-character atoms overlap: ASCII and a few of other scripts and spaces. */
const SAMPLE: readonly string[] = [
  ...Array.from({length: 128}, (_, code) => String.fromCharCode(code)),
  '\u00a0',
  '\u2003',
  '\u200b',
  'é',
  'ß',
  'ж',
  'α',
  '中',
  'の',
  '한',
  '—',
  '’',
  '👏',
]

/** The characters of {@link SAMPLE} a one-character node matches, or undefined when it is not one character. */
function sampleOf(node: AstNode | undefined): Set<string> | undefined {
  if (!node || !ATOMS.has(node.type)) return undefined
  try {
    const atom = new RegExp(`^(?:${node.raw})$`, 'iu')
    return new Set(SAMPLE.filter((char) => atom.test(char)))
  } catch {
    return undefined
  }
}

/**
 * The one-character atoms every iteration of a repeated group must start
 * or end with (`(?: \w+)*` starts each with a space, `(?:[-_][a-z]+)*` with
 * a dash or underscore, `(?:[a-z]+\.)+` ends each with a dot): a repetition
 * inside that cannot match them cannot trade text with the next iteration,
 * so the two do not multiply.
 */
function edges(quantifier: AstNode): Array<Set<string>> {
  const body = children(quantifier)[0]
  let sequence: readonly AstNode[] = body?.type === 'group' ? children(body) : body ? [body] : []
  while (sequence.length === 1 && (sequence[0]!.type === 'alternative' || sequence[0]!.type === 'group')) sequence = children(sequence[0]!)
  return [sampleOf(sequence[0]), sampleOf(sequence[sequence.length - 1])].filter((edge): edge is Set<string> => edge !== undefined)
}

/** Whether one iteration of `repetition` may match a character of `edge` (unknown shapes: yes). */
function mayHold(repetition: AstNode, edge: ReadonlySet<string>): boolean {
  const inner = sampleOf(children(repetition)[0])
  if (!inner) return true
  for (const char of edge) if (inner.has(char)) return true
  return false
}

/** A repetition inside `quantifier` that can trade text with the next iteration, or undefined. */
function ambiguousInner(quantifier: AstNode): AstNode | undefined {
  const around = edges(quantifier)
  return innerRepetitions(quantifier).find((inner) => around.length === 0 || around.every((edge) => mayHold(inner, edge)))
}

/**
 * Why `source` (compiled with flags `iu`) may backtrack catastrophically, or
 * undefined when this check finds nothing. A source that does not parse is
 * not this check's business (the syntax check reports it).
 */
export function catastrophicBacktracking(source: string): string | undefined {
  let root: AstNode
  try {
    root = regjsparser.parse(source, 'iu', {unicodePropertyEscape: true, namedGroups: true, lookbehind: true}) as AstNode
  } catch {
    return undefined
  }
  const visit = (node: AstNode): string | undefined => {
    if (unbounded(node)) {
      const inner = ambiguousInner(node)
      if (inner) {
        return `\`${inner.raw}\` repeats inside \`${node.raw}\`, which repeats too: text that almost matches makes the pattern backtrack exponentially (catastrophic backtracking); repeat one of them only, or bound the outer one to at most ${MAX_BOUNDED_REPEAT}`
      }
    }
    for (const child of children(node)) {
      const found = visit(child)
      if (found) return found
    }
    return undefined
  }
  return visit(root)
}
