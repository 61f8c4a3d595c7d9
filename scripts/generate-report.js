#!/usr/bin/env node
// Regenerate src/report/html/assets.generated.ts: the review report's script
// (src/report/html/client/main.ts, bundled) and style, embedded so that the
// report writer reads no file at run time. The page's CSP hashes are taken
// from this text when a report is written (src/report/html/page.ts).
import {writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {reportAssetsModule} from './lib/report-assets.js'

const root = fileURLToPath(new URL('..', import.meta.url))
writeFileSync(`${root}src/report/html/assets.generated.ts`, await reportAssetsModule(root))
