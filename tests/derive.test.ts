/**
 * Derived frontmatter fields: slugs from titles and paths, the first real
 * paragraph of a parsed article, descriptions cut to length, reading time.
 */
import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {firstParagraphText, slugFromPath, slugify, summarize} from '../src/rules/frontmatter/derive.js'
import {readingMinutes} from '../src/core/text.js'

const parse = (markdown: string): Root => unified().use(remarkParse).parse(markdown)
const nothingRemoved = (): boolean => false

describe('slugify', () => {
  const table: Array<[string, string | undefined]> = [
    ['How to Fix Error 43', 'how-to-fix-error-43'],
    // Accents, and letters NFKD leaves alone.
    ['Crème Brûlée für Anfänger', 'creme-brulee-fur-anfanger'],
    ['Große Straße', 'grosse-strasse'],
    ['GROSSE STRAẞE', 'grosse-strasse'],
    ['Æbleskiver og smørrebrød', 'aebleskiver-og-smorrebrod'],
    ['Œuvre complète', 'oeuvre-complete'],
    ['Łódź i Đakovo', 'lodz-i-dakovo'],
    ['İstanbul', 'istanbul'],
    // Apostrophes inside words vanish; quotes around words do not join them.
    ["Don't Panic", 'dont-panic'],
    ['It’s the user’s fault', 'its-the-users-fault'],
    ["Rock 'n' roll", 'rock-n-roll'],
    // & is dropped like any other symbol.
    ['Tips & Tricks', 'tips-tricks'],
    // Emoji and junk at either end.
    ['🚀 Launch Day 🎉', 'launch-day'],
    ['  --- [Guide]: Resolve GPU Error 43!!! ---  ', 'guide-resolve-gpu-error-43'],
    ['C++ / C#: a comparison', 'c-c-a-comparison'],
    ['Windows 10 (２０２４ edition)', 'windows-10-2024-edition'],
    // Nothing Latin left: the caller falls back to the file name.
    ['打印机驱动修复', undefined],
    ['Как исправить ошибку', undefined],
    ['🎉🎉', undefined],
    ['', undefined],
    // Mixed: the Latin part survives.
    ['Windows 10 打印机', 'windows-10'],
  ]
  it.each(table)('%j → %j', (title, expected) => {
    expect(slugify(title)).toBe(expected)
  })

  it('cuts a long title at a hyphen within maxLength', () => {
    const title = 'The complete beginner guide to replacing a laptop keyboard without voiding the warranty in twenty twenty four'
    const slug = slugify(title)
    expect(slug).toBeDefined()
    expect(slug!.length).toBeLessThanOrEqual(80)
    expect(title.toLowerCase().replaceAll(' ', '-').startsWith(slug!)).toBe(true)
    expect(slug!.endsWith('-')).toBe(false)
    // Cut at a word boundary: the next character of the full slug is a hyphen.
    expect(title.toLowerCase().replaceAll(' ', '-')[slug!.length]).toBe('-')
    expect(slugify('alpha beta gamma', 10)).toBe('alpha-beta')
    expect(slugify('alpha beta gamma', 11)).toBe('alpha-beta')
    expect(slugify('alpha beta gamma', 5)).toBe('alpha')
  })

  it('cuts hard when there is no hyphen to cut at', () => {
    expect(slugify('Pneumonoultramicroscopic', 10)).toBe('pneumonoul')
  })

  it('rejects a maxLength that is not a positive integer', () => {
    expect(() => slugify('x', 0)).toThrow(RangeError)
    expect(() => slugify('x', 2.5)).toThrow(RangeError)
  })
})

describe('slugFromPath', () => {
  const table: Array<[string, string | undefined]> = [
    ['posts/fix-printer-driver.md', 'fix-printer-driver'],
    ['/srv/site/content/Printer Fix.markdown', 'printer-fix'],
    ['C:\\Users\\me\\Articles\\GPU Error 43.md', 'gpu-error-43'],
    ['content\\posts\\mixed/separators.md', 'separators'],
    // Folder index files stand for their folder.
    ['content/posts/printer-driver/index.md', 'printer-driver'],
    ['content/docs/Setup Guide/_index.md', 'setup-guide'],
    ['repo\\tools\\README.md', 'tools'],
    ['C:\\index.md', 'index'],
    ['index.md', 'index'],
    ['./index.md', 'index'],
    // A Jekyll date prefix goes, in a file name and in a bundle folder.
    ['_posts/2024-06-21-welcome-to-jekyll.md', 'welcome-to-jekyll'],
    ['content/2024-06-21-page-bundle/index.md', 'page-bundle'],
    // A bare date is a name, not a prefix.
    ['notes/2024-06-21.md', '2024-06-21'],
    // Dots inside the name, no extension, trailing separator.
    ['notes/v2.1.release.md', 'v2-1-release'],
    ['notes/plain-name', 'plain-name'],
    ['notes/folder/', 'folder'],
    // Nothing usable.
    ['', undefined],
    ['文章/打印机.md', undefined],
  ]
  it.each(table)('%j → %j', (path, expected) => {
    expect(slugFromPath(path)).toBe(expected)
  })
})

describe('firstParagraphText', () => {
  it('skips a heading, an image-only, a link-only and a short paragraph', () => {
    const tree = parse(
      [
        '# A heading with more than eight words in it for sure',
        '',
        '![A photo of the printer with its tray open and empty](printer.png)',
        '',
        '[Read the full guide to printers and their many drivers here](https://example.com/guide)',
        '',
        'Updated last week.',
        '',
        'When the **printer** stops responding after an update, the driver is usually at fault.',
        '',
        'A second paragraph that is also long enough to count as real prose.',
      ].join('\n'),
    )
    expect(firstParagraphText(tree, nothingRemoved)).toBe(
      'When the printer stops responding after an update, the driver is usually at fault.',
    )
  })

  it('skips a paragraph whose words are mostly link text', () => {
    const tree = parse(
      [
        'See [our printer driver download page for every model](https://example.com) now.',
        '',
        'Reinstalling the driver from the vendor fixes most [spooler](https://example.com/s) errors for good.',
      ].join('\n'),
    )
    expect(firstParagraphText(tree, nothingRemoved)).toBe('Reinstalling the driver from the vendor fixes most spooler errors for good.')
  })

  it('skips a paragraph of inline code and HTML only', () => {
    const tree = parse(
      [
        '`sudo apt install printer-driver-gutenprint cups system config printer`',
        '',
        'Short <!-- an inline comment with many words that no reader ever sees --> note',
        '',
        'Run `lpstat -p` to list printers, then restart the spooler\nand try again.',
      ].join('\n'),
    )
    // Code alone is not prose; words inside inline HTML are not counted; inside prose, inline code is text
    // and the soft line break becomes a space.
    expect(firstParagraphText(tree, nothingRemoved)).toBe('Run lpstat -p to list printers, then restart the spooler and try again.')
  })

  it('turns hard breaks into spaces and leaves images out of the text', () => {
    const tree = parse('First line of the paragraph with ![icon](i.png) an icon,  \nsecond line after a hard break.')
    expect(firstParagraphText(tree, nothingRemoved)).toBe('First line of the paragraph with an icon, second line after a hard break.')
  })

  it('skips a paragraph that isRemoved takes', () => {
    const markdown = [
      'Sponsored: this paragraph is an advertisement with plenty of words in it.',
      '',
      'The real article starts here, with enough words to be a paragraph.',
    ].join('\n')
    const tree = parse(markdown)
    const adEnd = markdown.indexOf('\n')
    const calls: Array<[number, number]> = []
    const isRemoved = (start: number, end: number): boolean => {
      calls.push([start, end])
      return start >= 0 && end <= adEnd
    }
    expect(firstParagraphText(tree, isRemoved)).toBe('The real article starts here, with enough words to be a paragraph.')
    expect(calls[0]).toEqual([0, adEnd])
    expect(firstParagraphText(tree, nothingRemoved)).toMatch(/^Sponsored:/)
  })

  it('leaves out inline nodes that isRemoved takes', () => {
    const markdown = 'Clean the print head gently with a soft cloth [BUY NOW](https://shop.example) and dry it.'
    const tree = parse(markdown)
    const linkStart = markdown.indexOf('[BUY')
    const linkEnd = markdown.indexOf(')') + 1
    const isRemoved = (start: number, end: number): boolean => start >= linkStart && end <= linkEnd
    expect(firstParagraphText(tree, isRemoved)).toBe('Clean the print head gently with a soft cloth and dry it.')
  })

  it('reads only top-level paragraphs and honours minWords', () => {
    const tree = parse(
      [
        '> A quoted paragraph that is long enough to count as prose here.',
        '',
        '- A list item that is also long enough to count as prose.',
        '',
        'Short one here.',
      ].join('\n'),
    )
    expect(firstParagraphText(tree, nothingRemoved)).toBeUndefined()
    expect(firstParagraphText(tree, nothingRemoved, 3)).toBe('Short one here.')
    expect(firstParagraphText(tree, nothingRemoved, 4)).toBeUndefined()
  })

  it('counts CJK characters as words', () => {
    const tree = parse('打印机驱动程序出现问题时，请先重新安装。')
    expect(firstParagraphText(tree, nothingRemoved)).toBe('打印机驱动程序出现问题时，请先重新安装。')
  })

  it('gives undefined for an empty document', () => {
    expect(firstParagraphText(parse(''), nothingRemoved)).toBeUndefined()
  })
})

describe('summarize', () => {
  it('keeps text that fits, white space collapsed', () => {
    expect(summarize('A short   description.\n')).toBe('A short description.')
    const exact = 'x'.repeat(160)
    expect(summarize(exact)).toBe(exact)
  })

  it('takes whole sentences that fit', () => {
    const text = 'The driver crashed. Reinstalling it fixed the problem for good. Then the printer worked again.'
    expect(summarize(text, 70)).toBe('The driver crashed. Reinstalling it fixed the problem for good.')
    expect(summarize(text, 40)).toBe('The driver crashed.')
  })

  it('does not end a sentence at an abbreviation or before a lower-case word', () => {
    const text = 'The U.S. market grew. Sales of e.g. printers rose sharply in every quarter of the year.'
    expect(summarize(text, 30)).toBe('The U.S. market grew.')
    expect(summarize('Dr. Who watched. Then more happened in the long story.', 20)).toBe('Dr. Who watched.')
  })

  it('cuts at a word boundary and adds an ellipsis when no sentence fits', () => {
    const text = 'Reinstalling the printer driver from the vendor site usually fixes the spooler crash that appears after every update'
    const summary = summarize(text, 40)
    expect(summary.length).toBeLessThanOrEqual(40)
    expect(summary.endsWith('…')).toBe(true)
    const body = summary.slice(0, -1)
    // Never inside a word: the full text continues with a space after the body.
    expect(text.startsWith(body)).toBe(true)
    expect(text[body.length]).toBe(' ')
    expect(summary).toBe('Reinstalling the printer driver from…')
  })

  it('never ends on dangling punctuation before the ellipsis', () => {
    const text = 'Three things matter here: drivers, cables, and patience when nothing else works'
    expect(summarize(text, 27)).toBe('Three things matter here…')
    expect(summarize(text, 36)).toBe('Three things matter here: drivers…')
    for (let max = 5; max < text.length; max++) {
      const summary = summarize(text, max)
      expect(summary.length).toBeLessThanOrEqual(max)
      expect(summary).not.toMatch(/[,:;\s]…$/)
    }
  })

  it('cuts CJK text between characters', () => {
    const text = '打印机驱动程序出现问题时请先重新安装然后重启电脑再试一次'
    expect(summarize(text, 10)).toBe('打印机驱动程序出现…')
  })

  it('cuts a single over-long word only as a last resort, keeping within maxLength', () => {
    const url = `https://example.com/${'a'.repeat(60)}`
    expect(summarize(url, 20)).toBe(`${url.slice(0, 19)}…`)
  })

  it('rejects a maxLength that is not a positive integer', () => {
    expect(() => summarize('text', 0)).toThrow(RangeError)
  })
})

describe('readingMinutes', () => {
  const table: Array<[number, number | undefined, number]> = [
    [0, undefined, 0],
    [1, undefined, 1],
    [230, undefined, 1],
    [231, undefined, 2],
    [1000, undefined, 5],
    [1000, 200, 5],
    [1001, 200, 6],
  ]
  it.each(table)('%d words at %s wpm → %d', (words, wpm, minutes) => {
    expect(wpm === undefined ? readingMinutes(words) : readingMinutes(words, wpm)).toBe(minutes)
  })

  it('rejects nonsense', () => {
    expect(() => readingMinutes(-1)).toThrow(RangeError)
    expect(() => readingMinutes(Number.NaN)).toThrow(RangeError)
    expect(() => readingMinutes(10, 0)).toThrow(RangeError)
  })
})
