/**
 * The layers of src/, kept by a test rather than by hand: the engine
 * (removal, apply, span, repair, shape, suppression…) knows no rule and no
 * rule helper; the helpers shared by rules (core/) know no rule; both see
 * the compiled rule set only as a type. Rules sit on core and engine; the
 * pipeline, passes and clean sit on the rules.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const SRC = fileURLToPath(new URL('../src', import.meta.url))
/** `import … from '…'` and `export … from '…'`, with whether the statement is type-only. */
const IMPORT = /^(import|export)(\s+type)?\b[^;'"]*?from\s+'([^']+)'/gm

/** The src-relative folder and path of each relative import of a module in `folder`. */
function importsOf(folder: string): Array<{file: string; target: string; typeOnly: boolean}> {
  const found: Array<{file: string; target: string; typeOnly: boolean}> = []
  for (const name of readdirSync(join(SRC, folder))) {
    if (!name.endsWith('.ts')) continue
    const path = join(SRC, folder, name)
    for (const match of readFileSync(path, 'utf8').matchAll(IMPORT)) {
      const specifier = match[3]!
      if (!specifier.startsWith('.')) continue
      found.push({
        file: `${folder}/${name}`,
        target: relative(SRC, resolve(join(SRC, folder), specifier)),
        typeOnly: match[2] !== undefined,
      })
    }
  }
  return found
}

function outside(folder: string, allowed: readonly string[], typesFrom: readonly string[]): string[] {
  return importsOf(folder)
    .filter(
      ({target, typeOnly}) =>
        !allowed.some((top) => target.startsWith(`${top}/`)) && !(typeOnly && typesFrom.some((top) => target.startsWith(`${top}/`))),
    )
    .map(({file, target}) => `${file} → ${target}`)
}

describe('layers of src/', () => {
  it('finds the imports it checks (the pattern reads this code base)', () => {
    expect(importsOf('engine').some(({target}) => target === 'engine/span.js')).toBe(true)
    expect(importsOf('core').some(({target}) => target === 'engine/removal.js')).toBe(true)
    expect(importsOf('engine').some(({target, typeOnly}) => target === 'ruleset/compile.js' && typeOnly)).toBe(true)
  })

  it('the engine imports only the engine (and the rule set as a type)', () => {
    expect(outside('engine', ['engine'], ['ruleset'])).toEqual([])
  })

  it('core helpers import only core and the engine (and the rule set as a type), never a rule', () => {
    expect(outside('core', ['core', 'engine'], ['ruleset'])).toEqual([])
  })
})
