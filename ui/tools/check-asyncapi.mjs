// Parses the AsyncAPI document of Newsroom's asynchronous interfaces with the official parser (@asyncapi/parser) and
// fails the build on any diagnostic of severity error, printing every diagnostic; on success prints what it holds.
// Run by ui's pom at the test phase: node tools/check-asyncapi.mjs [path], the path relative to ui/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import asyncapi from '@asyncapi/parser';

const { Parser, fromFile, DiagnosticSeverity } = asyncapi;

const ui = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.resolve(
  ui,
  process.argv[2] ?? '../query-side/src/main/resources/asyncapi/newsroom.asyncapi.yaml',
);
const severities = new Map(Object.entries(DiagnosticSeverity).filter(([, v]) => typeof v === 'number').map(([k, v]) => [v, k]));

const { document, diagnostics } = await fromFile(new Parser(), file).parse();
const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
const where = (d) => (d.path && d.path.length ? d.path.join('.') : '(document)');
const line = (d) => (d.range ? `:${d.range.start.line + 1}` : '');

for (const d of diagnostics) {
  if (d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning) {
    console.log(`asyncapi ${severities.get(d.severity)} ${d.code} at ${where(d)}${line(d)}: ${d.message}`);
  }
}
if (errors.length > 0 || document === undefined) {
  console.error(`asyncapi: ${path.relative(ui, file)} has ${errors.length} error(s)`);
  process.exit(1);
}
console.log(
  `asyncapi: ${path.relative(ui, file)} is valid AsyncAPI ${document.version()}: ` +
    `${document.channels().length} channels, ${document.operations().length} operations, ` +
    `${document.messages().length} messages`,
);
