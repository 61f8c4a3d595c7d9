/**
 * The names a module exports, split into values and types, read from its
 * source with the TypeScript compiler (so a type-only export counts as a
 * type, and a class as a value). Used to pin each entry point's API.
 */
import ts from 'typescript'

export interface ExportedNames {
  readonly values: string[]
  readonly types: string[]
}

/** The exported names of each file (absolute paths), from one program over them all. */
export function exportedNames(files: readonly string[], tsconfig: string): Map<string, ExportedNames> {
  const config = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, {...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {}})
  if (!config) throw new Error(`cannot read ${tsconfig}`)
  const program = ts.createProgram([...files], {...config.options, noEmit: true})
  const checker = program.getTypeChecker()
  const names = new Map<string, ExportedNames>()
  for (const file of files) {
    const source = program.getSourceFile(file)
    const module = source && checker.getSymbolAtLocation(source)
    if (!module) throw new Error(`not a module: ${file}`)
    const values: string[] = []
    const types: string[] = []
    for (const symbol of checker.getExportsOfModule(module)) {
      const typeOnly =
        symbol.declarations?.some(
          (declaration) => ts.isExportSpecifier(declaration) && (declaration.isTypeOnly || declaration.parent.parent.isTypeOnly),
        ) ?? false
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
      if (!typeOnly && target.flags & ts.SymbolFlags.Value) values.push(symbol.name)
      else types.push(symbol.name)
    }
    names.set(file, {values: values.sort(), types: types.sort()})
  }
  return names
}
