/**
 * Adversarial shapes for decruft's own rules (issue 12): inputs that make a
 * scanner or rule that rescans the rest of the text (or the rest of a block)
 * for every opener cost O(n²). Each is a function `size → text`, deterministic;
 * `unit` says what `size` counts and `sizes` are two sizes to compare (the
 * same format as scripts/lib/hostile.js, so a benchmark can run both lists).
 *
 * Most of these shapes parse in linear time, so super-linear time is a
 * rule's. Not so for `nested-links`, `nested-images`, `close-brackets` and
 * `open-comments-in-paragraph`: remark-parse (micromark) itself is
 * super-linear there, and decruft's rules add little on top (compare with
 * the parse alone, as bench-hostile's --parse does).
 */

/** @typedef {import('./hostile.js').HostileShape} HostileShape */

const repeat = (/** @type {string} */ unit, /** @type {number} */ count) => unit.repeat(Math.max(1, Math.floor(count)))
const lines = (/** @type {number} */ count, /** @type {(index: number) => string} */ line) =>
  Array.from({length: count}, (_, index) => line(index)).join('')

/**
 * Every shape: name, what `size` counts, two benchmark sizes, the generator.
 *
 * @type {readonly HostileShape[]}
 */
export const ADVERSARIAL_SHAPES = [
  // Unclosed openers: each must not rescan the rest of the text.
  {name: 'open-a-tags', unit: 'tags', sizes: [20_000, 80_000], make: (count) => repeat('<a ', count)},
  {name: 'open-a-tags-in-html', unit: 'tags', sizes: [20_000, 80_000], make: (count) => `<div>\n${repeat('<a ', count)}\n`},
  {name: 'open-a-tags-in-paragraph', unit: 'tags', sizes: [20_000, 80_000], make: (count) => `text <b>x</b> ${repeat('<a x ', count)}\n`},
  {name: 'open-div-tags', unit: 'tags', sizes: [20_000, 80_000], make: (count) => repeat('<div ', count)},
  {name: 'open-comments', unit: 'openers', sizes: [20_000, 80_000], make: (count) => repeat('<!--', count)},
  {name: 'open-comments-in-paragraph', unit: 'openers', sizes: [20_000, 80_000], make: (count) => `text ${repeat('<!-- x ', count)}\n`},
  {name: 'open-comment-lines', unit: 'lines', sizes: [20_000, 80_000], make: (count) => repeat('<!-- x\n\n', count)},
  {name: 'open-quotes', unit: 'tags', sizes: [10_000, 40_000], make: (count) => `<div>\n${repeat('<a href="x ', count)}\n`},
  {name: 'open-angles', unit: 'characters', sizes: [50_000, 200_000], make: (count) => `a ${repeat('<', count)}\n`},
  {name: 'open-ad-markers', unit: 'markers', sizes: [5_000, 20_000], make: (count) => repeat('<!-- ad begin -->\n\ntext\n\n', count)},
  {
    name: 'suppression-comments',
    unit: 'comments',
    sizes: [5_000, 20_000],
    make: (count) => lines(count, (i) => `<!-- decruft-disable-next-line link-farm -->\nline ${i}\n\n`),
  },
  // Long values.
  {
    name: 'long-attribute',
    unit: 'characters',
    sizes: [250_000, 1_000_000],
    make: (count) => `<a href="https://e.example/?${repeat('x', count)}">a</a>\n`,
  },
  {
    name: 'long-url',
    unit: 'characters',
    sizes: [250_000, 1_000_000],
    make: (count) => `[a](https://e.example/?utm_source=${repeat('x', count)})\n`,
  },
  {
    name: 'long-query',
    unit: 'params',
    sizes: [20_000, 80_000],
    make: (count) => `[a](https://e.example/?${lines(count, (i) => `utm_${i}=x&k${i}=y&`)})\n`,
  },
  // Many things in one block.
  {
    name: 'links-in-paragraph',
    unit: 'links',
    sizes: [5_000, 20_000],
    make: (count) => `${lines(count, (i) => `[l${i}](https://e.example/p${i}?utm_source=x&id=${i}) `)}\n`,
  },
  {
    name: 'bare-urls-in-paragraph',
    unit: 'urls',
    sizes: [5_000, 20_000],
    make: (count) => `${lines(count, (i) => `https://e.example/p${i}?fbclid=x&id=${i} `)}\n`,
  },
  {
    name: 'html-links-in-paragraph',
    unit: 'links',
    sizes: [5_000, 20_000],
    make: (count) => `${lines(count, (i) => `<a href="https://e.example/p${i}?utm_source=x&amp;id=${i}">l${i}</a> `)}\n`,
  },
  {
    name: 'affiliate-links-in-paragraph',
    unit: 'links',
    sizes: [5_000, 20_000],
    make: (count) => `${lines(count, (i) => `[l${i}](https://www.amazon.com/dp/B0${i}?tag=x-20) `)}\n`,
  },
  {
    name: 'nested-links',
    unit: 'depth',
    sizes: [5_000, 20_000],
    make: (depth) => `${repeat('[', depth)}x${repeat('](https://e.example/p?utm_source=x)', depth)}\n`,
  },
  {
    name: 'nested-images',
    unit: 'depth',
    sizes: [5_000, 20_000],
    make: (depth) => `${repeat('![', depth)}x${repeat('](https://e.example/p.png?utm_source=x)', depth)}\n`,
  },
  {name: 'brackets', unit: 'characters', sizes: [100_000, 400_000], make: (count) => `${repeat('[x](', count / 4)}\n`},
  {name: 'close-brackets', unit: 'characters', sizes: [100_000, 400_000], make: (count) => `${repeat('](', count / 2)}\n`},
  // Many blocks.
  {
    name: 'repeated-paragraphs',
    unit: 'paragraphs',
    sizes: [5_000, 20_000],
    make: (count) => repeat('The same paragraph of some words, said again and again.\n\n', count),
  },
  {
    name: 'distinct-paragraphs',
    unit: 'paragraphs',
    sizes: [5_000, 20_000],
    make: (count) => lines(count, (i) => `Paragraph ${i} says something of its own, number ${i * 7}.\n\n`),
  },
  {name: 'headings', unit: 'headings', sizes: [5_000, 20_000], make: (count) => lines(count, (i) => `## Heading ${i}\n\nText ${i}.\n\n`)},
  {
    name: 'related-headings',
    unit: 'headings',
    sizes: [2_000, 8_000],
    make: (count) => lines(count, (i) => `## Related posts\n\n- [Post ${i}](/p${i})\n- [Post ${i + 1}](/q${i})\n\n`),
  },
  {
    name: 'link-list',
    unit: 'items',
    sizes: [5_000, 20_000],
    make: (count) => lines(count, (i) => `- [Item ${i}](https://e${i % 50}.example/p${i})\n`),
  },
  {
    name: 'footnotes',
    unit: 'footnotes',
    sizes: [5_000, 20_000],
    make: (count) => lines(count, (i) => `Text[^${i}].\n\n`) + lines(count, (i) => `[^${i}]: Note ${i}.\n`),
  },
  {
    name: 'definitions',
    unit: 'definitions',
    sizes: [5_000, 20_000],
    make: (count) => lines(count, (i) => `[r${i}]\n\n`) + lines(count, (i) => `[r${i}]: https://e.example/${i}?utm_source=x\n`),
  },
  {
    name: 'html-blocks',
    unit: 'blocks',
    sizes: [5_000, 20_000],
    make: (count) => lines(count, (i) => `<div class="ad-slot">\n<ins class="adsbygoogle"></ins>\n</div>\n\ntext ${i}\n\n`),
  },
  {
    name: 'nested-divs-unclosed',
    unit: 'tags',
    sizes: [5_000, 20_000],
    make: (count) => `<div>\n${repeat('<div class="x"><span>', count)}\n`,
  },
  {name: 'close-tags', unit: 'tags', sizes: [20_000, 80_000], make: (count) => `<div>\n${repeat('</div>', count)}\n`},
  {
    name: 'table-cells',
    unit: 'cells',
    sizes: [5_000, 20_000],
    make: (count) => `| a | b |\n| - | - |\n${lines(count, (i) => `| <b>${i}</b> | [x](https://e.example/?utm_source=${i}) |\n`)}`,
  },
  {
    name: 'feed-footers',
    unit: 'lines',
    sizes: [5_000, 20_000],
    make: (count) => lines(count, (i) => `The post [Post ${i}](https://e.example/${i}) appeared first on [Site](https://e.example).\n\n`),
  },
  {
    name: 'calls-to-action',
    unit: 'lines',
    sizes: [5_000, 20_000],
    make: (count) => lines(count, (i) => `Subscribe to our newsletter ${i}!\n\n`),
  },
  {name: 'code-spans', unit: 'spans', sizes: [20_000, 80_000], make: (count) => `${repeat('`a` <b ', count)}\n`},
  {name: 'long-line-words', unit: 'characters', sizes: [500_000, 2_000_000], make: (count) => `${repeat('word ', count / 5)}\n`},
  {name: 'escapes', unit: 'characters', sizes: [100_000, 400_000], make: (count) => `${repeat('\\<a ', count / 4)}\n`},
  {
    name: 'ampersands',
    unit: 'characters',
    sizes: [100_000, 400_000],
    make: (count) => `[a](https://e.example/?${repeat('&amp;', count / 5)}utm_source=x)\n`,
  },
]
