/**
 * A fast-check arbitrary for articles where removals are likely to damage
 * the Markdown around them: spam that decruft removes (affiliate links empty,
 * bare, as buttons or in sentences, unknown and unsafe tags, ad units, ad
 * regions, tracking parameters) inside emphasis and links, at a line's start
 * right before a block marker, at a line's end, alone on a paragraph's line,
 * and as HTML blocks glued between paragraphs, list items, quotes and `---`.
 * All text is invented.
 *
 * It leaves out what no removal can repair (see src/engine/repair.ts), so that
 * a failure is a bug:
 * - spam right before an ordered-list marker or an HTML block start at a
 *   block's start (`[](…)2020. was a year`);
 * - a removal between two delimiter runs, or leaving only white space
 *   between them (`**a**<x>*b*`, `**<x> *a* b**`): emphasis is never glued
 *   to what is beside it, its content never starts or ends (once its spam
 *   goes) with a delimiter run, and a line that ends with one is followed
 *   by ` .` (the next line may join it);
 * - spam whose words stay (an unlinked link) glued to a delimiter run:
 *   `[Buy it](…)***` → `Buy it***`;
 * - Markdown glued below an HTML block that runs to a blank line (`<ins>`,
 *   `<NA>` alone on a line): it is HTML until the block goes, then Markdown
 *   (src/passes.ts's concern); such blocks get a blank line after them.
 */
import fc from 'fast-check'

const BARE_URL = 'https://amzn.to/b2y'

/** Inline spam that a default rule removes whole. */
export const WHOLE_SPAM = [
  '<NA>',
  '<x-widget>',
  '[](https://amzn.to/e1x)',
  BARE_URL,
  '[View On Amazon](https://www.amazon.com/dp/B0X1?tag=ab-20)',
  '<a href="https://x.pxf.io/c/1"></a>',
] as const

/**
 * Inline spam whose words stay: an affiliate link unlinked, a handler
 * dropped, a tracking parameter, a script after a word (at a line's start it
 * would open an HTML block).
 */
export const WORDS_STAY_SPAM = [
  '[Buy it](https://amzn.to/u3z)',
  '<span onclick="x()">hi</span>',
  '[guide](https://example.com/?utm_source=feed)',
  'see<script>x()</script>',
] as const

/** Words, with literal `*` and `_` that can never be delimiters (`5 * 3`, intraword `_`). */
const WORDS = ['word', 'Download', 'the', 'printer', '"quoted"', '.', '(note)', '42nd', '5 * 3', 'x_y'] as const

/** Block markers that spam at a line's start may expose, followed by text. */
export const MARKERS_BEFORE_TEXT = ['- ', '* ', '+ ', '# ', '## ', '> ', '    ', '~~~'] as const
/** Block markers that spam at a line's start may expose, alone on the line. */
export const MARKERS_ALONE = ['---', '===', '***', '- - -'] as const

const WRAPPERS: ReadonlyArray<readonly [string, string]> = [
  ['**', '**'],
  ['*', '*'],
  ['_', '_'],
  ['__', '__'],
  ['~~', '~~'],
  ['[', '](https://example.com/page)'],
]

const DELIMITER = /[*_~]/

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const SPAM_PATTERN = WHOLE_SPAM.map(escape).join('|')
/** Links and emphasis that hold only spam that goes whole (they go too). */
const EMPTIED = new RegExp(
  WRAPPERS.map(([open, close]) => `${escape(open)}\\s*(?:${SPAM_PATTERN})(?:\\s|${SPAM_PATTERN})*${escape(close)}`).join('|'),
  'g',
)

/** `text` without the spam that goes whole (and white space) at its start, or at its end. */
function withoutGoing(text: string, end: boolean): string {
  let rest = text
  for (let before = ''; before !== rest; ) {
    before = rest
    rest = rest.replace(EMPTIED, '')
  }
  for (let before = ''; before !== rest; ) {
    before = rest
    rest = end ? rest.trimEnd() : rest.trimStart()
    const token = WHOLE_SPAM.find((candidate) => (end ? rest.endsWith(candidate) : rest.startsWith(candidate)))
    if (token) rest = end ? rest.slice(0, -token.length) : rest.slice(token.length)
  }
  return rest
}

/** Emphasis content that does not start or end, as written or once its spam goes, with a delimiter run. */
function padded(inner: string): string {
  const edge = (end: boolean) => [inner, withoutGoing(inner, end)].some((text) => DELIMITER.test(end ? text.slice(-1) : text.charAt(0)))
  return (edge(false) ? 'word ' : '') + inner + (edge(true) ? ' word' : '')
}

const word = fc.constantFrom(...WORDS)
const spam = fc.constantFrom(...WHOLE_SPAM, ...WORDS_STAY_SPAM)
const wholeSpam = fc.constantFrom(...WHOLE_SPAM)

/** Pieces glued together (no space), unless that would glue a delimiter run or feed a bare URL. */
function join(parts: ReadonlyArray<readonly [string, string]>): string {
  return parts
    .map(([piece, gap], index) => {
      if (index === 0) return piece
      const previous = parts[index - 1]![0]
      const glued = gap === '' && (DELIMITER.test(previous.slice(-1)) || DELIMITER.test(piece.charAt(0)) || previous.endsWith(BARE_URL))
      return (glued ? ' ' : gap) + piece
    })
    .join('')
}

/** A run of inline content: words and spam, some of it wrapped (up to a few levels). */
const inline: fc.Arbitrary<string> = fc.letrec<{run: string; piece: string}>((tie) => ({
  piece: fc.oneof(
    {depthSize: 'small'},
    {weight: 3, arbitrary: word},
    {weight: 3, arbitrary: spam},
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom(...WRAPPERS), tie('run')).map(([[open, close], inner]) => open + padded(inner) + close),
    },
  ),
  run: fc.array(fc.tuple(tie('piece'), fc.constantFrom(' ', ' ', ' ', '', '  ')), {minLength: 1, maxLength: 4}).map(join),
})).run

/**
 * A line of text: inline content, maybe after spam that goes whole at its
 * start, with or without a block marker between; or spam and a marker alone.
 */
const line: fc.Arbitrary<string> = fc.oneof(
  {weight: 4, arbitrary: fc.tuple(inline, fc.constantFrom('', '', ' ', '  ')).map(([body, tail]) => body + tail)},
  {
    weight: 3,
    arbitrary: fc.tuple(wholeSpam, fc.constantFrom(...MARKERS_BEFORE_TEXT, ' ', ''), inline, fc.constantFrom('', ' ')).map(
      ([head, marker, body, tail]) =>
        join([
          [head, ''],
          [marker + body, marker === '' ? '' : head === BARE_URL ? ' ' : ''],
        ]) + tail,
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(wholeSpam, fc.constantFrom(...MARKERS_ALONE))
      .map(([head, marker]) => `${head}${head === BARE_URL ? ' ' : ''}${marker}`),
  },
)

const lines = (max: number) => fc.array(line, {minLength: 1, maxLength: max})

/** An HTML block that a rule removes whole; one that runs to a blank line gets one. */
const htmlSpam = fc.constantFrom(
  '<script>x()</script>',
  '<!-- affiliate ads begin -->\n<ins class="adsbygoogle" data-ad-client="ca-pub-1"></ins>\n<!-- affiliate ads end -->',
  '<ins class="adsbygoogle" data-ad-client="ca-pub-2"></ins>\n',
)

const block: fc.Arbitrary<string> = fc.oneof(
  lines(3).map((texts) => texts.join('\n')),
  lines(3).map((texts) => texts.map((text, index) => (index === 0 ? `- ${text}` : `  ${text}`)).join('\n')),
  lines(3).map((texts) => texts.map((text, index) => `${index + 1}. ${text}`).join('\n')),
  lines(3).map((texts) => texts.map((text) => `> ${text}`).join('\n')),
  inline.map((text) => `## ${text}`),
  line.map((text) => `${text}\n---`),
  htmlSpam,
  fc.constantFrom('---', '***', '```\ncode <NA>\n```', '| a | b |\n| - | - |\n| 1 | 2 |'),
)

/** A tag alone on a line that starts a block: an HTML block that runs to a blank line. */
const TAG_ALONE = /^[ \t>]*(?:(?:[-*+]|\d+\.)[ \t]+)?(?:<NA>|<x-widget>)[ \t]*$/

/**
 * A line that ends with a delimiter run (once its spam goes) gets a ` .`:
 * the next line may join it, which would glue the run to what follows. A
 * tag alone on a block's first line gets a word after it (it would open an
 * HTML block that takes in what is glued below it).
 */
function endNotWithRuns(article: string): string {
  const lines = article.split('\n')
  return lines
    .map((text, index) => {
      const opensBlock = index === 0 || lines[index - 1]!.trim() === '' || /^[ \t]*(?:>|[-*+][ \t]|\d+\.[ \t])/.test(text)
      const tagged = opensBlock && TAG_ALONE.test(text) ? `${text} word` : text
      return DELIMITER.test(withoutGoing(tagged, true).slice(-1)) ? `${tagged} .` : tagged
    })
    .join('\n')
}

/**
 * An article: blocks set off by a blank line, or glued to the next line.
 * It opens with a heading: micromark's frontmatter extension parses the
 * block after an opening `---` that closes nothing without its container
 * constructs (`---\n\n1. word` is a paragraph).
 */
export const damageProneArticle: fc.Arbitrary<string> = fc
  .array(fc.tuple(block, fc.constantFrom('\n\n', '\n\n', '\n')), {minLength: 1, maxLength: 6})
  .map(
    (blocks) => `# Title\n\n${blocks.map(([text, gap], index) => (index === blocks.length - 1 ? text.trimEnd() : text + gap)).join('')}\n`,
  )
  .map(endNotWithRuns)
