import * as path from 'node:path';
import * as ts from 'typescript';
import type { PropertyDescriber } from './payload-schema';

function compilerOptions(repoRoot: string): ts.CompilerOptions {
  const configPath = path.join(repoRoot, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  if (read.error) {
    throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  }
  const config: unknown = read.config;
  const parsed = ts.parseJsonConfigFileContent(
    config,
    ts.sys,
    repoRoot,
    { noEmit: true },
    configPath,
  );
  return parsed.options;
}

function oneLine(parts: ts.SymbolDisplayPart[]): string {
  return ts.displayPartsToString(parts).replace(/\s+/g, ' ').trim();
}

/**
 * Reads the one-line TSDoc of every property of every class exported by a contracts entry file
 * (inherited properties included), with the TypeScript compiler API.
 */
export function readPropertyDocs(repoRoot: string, entryFile: string): PropertyDescriber {
  const entry = path.resolve(repoRoot, entryFile);
  const program = ts.createProgram({ rootNames: [entry], options: compilerOptions(repoRoot) });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) {
    throw new Error(`Cannot read ${entryFile} as a TypeScript module`);
  }
  const docs = new Map<string, Map<string, string>>();
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (!(symbol.flags & ts.SymbolFlags.Class)) continue;
    const properties = new Map<string, string>();
    for (const property of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol))) {
      const text = oneLine(property.getDocumentationComment(checker));
      if (text) properties.set(property.getName(), text);
    }
    docs.set(exported.getName(), properties);
  }
  return (payloadClass, property) => docs.get(payloadClass)?.get(property);
}
