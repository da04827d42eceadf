import fs from 'node:fs';
import path from 'node:path';
import { type DocumentNode, type FragmentDefinitionNode, Kind, parse, print, visit } from 'graphql';
import { PROJECT_ROOT } from '../../src/config';

const OPERATIONS_FILE = path.join(PROJECT_ROOT, 'packages', 'dashboard', 'src', 'api', 'operations.graphql');

let document: DocumentNode | undefined;

/**
 * The text of one of the dashboard's operations (packages/dashboard/src/api/operations.graphql) by
 * name, with the fragments it uses: exactly what a page asks for.
 *
 * @example pageOperation('ComparePage')
 */
export function pageOperation(name: string): string {
  document ??= parse(fs.readFileSync(OPERATIONS_FILE, 'utf8'));
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!operation) throw new Error(`no operation ${name} in ${OPERATIONS_FILE}`);
  const used = new Set<string>();
  const collect = (node: unknown) =>
    visit(node as DocumentNode, {
      FragmentSpread(spread) {
        if (used.has(spread.name.value)) return;
        used.add(spread.name.value);
        collect(fragments.get(spread.name.value));
      },
    });
  collect(operation);
  return [operation, ...[...used].map((f) => fragments.get(f)!)].map((d) => print(d)).join('\n\n');
}
