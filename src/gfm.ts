/**
 * GFM, without autolink literals: tables, strikethrough, footnotes and task
 * list items parse (and, for `--format`, serialise) as GitHub renders them.
 *
 * Autolink literals (bare `www.x.com` / `https://…` turned into links) are
 * left out on purpose: on scraped articles their tokenizer costs more than
 * the other four extensions together (≈ +40% on parse time, measured on the
 * corpus), and decruft does not need them as nodes — the affiliate-link rule
 * and the record find bare URLs in text themselves.
 */
import {gfmFootnoteFromMarkdown, gfmFootnoteToMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown, gfmStrikethroughToMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableFromMarkdown, gfmTableToMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown, gfmTaskListItemToMarkdown} from 'mdast-util-gfm-task-list-item'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import type {Processor} from 'unified'

/** A unified plugin: GFM syntax minus autolink literals. */
export function remarkGfmWithoutAutolinkLiterals(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough(), gfmFootnote(), gfmTaskListItem())
  ;(data.fromMarkdownExtensions ??= []).push(
    gfmTableFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmFootnoteFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  )
  ;(data.toMarkdownExtensions ??= []).push(
    gfmTableToMarkdown(),
    gfmStrikethroughToMarkdown(),
    gfmFootnoteToMarkdown(),
    gfmTaskListItemToMarkdown(),
  )
}
