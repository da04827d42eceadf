import { type GraphQLResolveInfo, visit } from 'graphql';

const fieldsByOperation = new WeakMap<object, ReadonlySet<string>>();

/**
 * Whether the operation being executed selects a field of this name anywhere (in any of the
 * document's fragments too): a resolver's reads can then leave out columns nobody asked for.
 * Conservative: a field of the same name on another type counts. Computed once per parsed
 * operation (both executors keep the document's nodes for as long as it is cached).
 */
export function operationSelects(info: Pick<GraphQLResolveInfo, 'operation' | 'fragments'>, field: string): boolean {
  let names = fieldsByOperation.get(info.operation);
  if (!names) {
    const found = new Set<string>();
    const collect = { Field: (node: { name: { value: string } }) => void found.add(node.name.value) };
    visit(info.operation, collect);
    for (const fragment of Object.values(info.fragments)) visit(fragment, collect);
    fieldsByOperation.set(info.operation, (names = found));
  }
  return names.has(field);
}
