/**
 * The review page's embedded assets are those of their sources: the
 * committed src/report/html/assets.generated.ts is what
 * `npm run report:generate` writes from src/report/html/client/ (the script
 * bundled by esbuild, the style sheet), and the inline script and style hold
 * nothing that would close their elements early.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {reportAssetsModule} from '../scripts/lib/report-assets.js'
import {reportAssets} from '../src/report/html/assets.generated.js'
import {root} from './support/docs.js'

describe('report assets', () => {
  it('are up to date with src/report/html/client (run npm run report:generate)', async () => {
    const committed = readFileSync(`${root}src/report/html/assets.generated.ts`, 'utf8')
    expect(await reportAssetsModule(root)).toBe(committed)
  }, 60_000)

  it('cannot close their own elements', () => {
    expect(reportAssets.script).not.toMatch(/<\/script/i)
    expect(reportAssets.style).not.toMatch(/<\/style/i)
    expect(reportAssets.script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/)
  })
})
