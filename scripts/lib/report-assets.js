/**
 * The review report's page assets: the client script bundled by esbuild
 * (src/report/html/client/main.ts and the pure modules it imports, as one
 * classic script) and the style sheet, as the text the page embeds. Shared
 * by scripts/generate-report.js (which writes them into
 * src/report/html/assets.generated.ts) and the test that checks that file is
 * up to date.
 */
import {readFileSync} from 'node:fs'
import {build} from 'esbuild'

/**
 * The generated module's text, from the sources under `root`.
 * @param {string} root the package root, with a trailing slash
 * @returns {Promise<string>}
 */
export async function reportAssetsModule(root) {
  const bundled = await build({
    entryPoints: [`${root}src/report/html/client/main.ts`],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    charset: 'ascii',
    legalComments: 'none',
    logLevel: 'silent',
  })
  const script = bundled.outputFiles[0].text.trimEnd()
  const style = readFileSync(`${root}src/report/html/client/style.css`, 'utf8').trimEnd()
  return (
    '// Generated from src/report/html/client/ by `npm run report:generate`. Do not edit.\n' +
    "import type {ReportAssets} from './page.js'\n\n" +
    "/** The review page's script (bundled client/main.ts) and style (client/style.css). */\n" +
    `export const reportAssets: ReportAssets = {\n  script: ${JSON.stringify(script)},\n  style: ${JSON.stringify(style)},\n}\n`
  )
}
