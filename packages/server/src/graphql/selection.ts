import { getArgumentValues, getNamedType, type GraphQLResolveInfo, isObjectType, Kind, type SelectionSetNode, visit } from 'graphql';

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

/**
 * The arguments of each selection of `field` on the object this resolver returns (aliases and
 * fragments included, variables and defaults applied), so a parent can read once what its
 * children will ask for (a comparison over England reads only the places its `members`
 * selections show). Conservative: a selection skipped by @skip/@include still counts.
 */
export function selectedArguments(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues' | 'returnType'>,
  field: string,
): Record<string, unknown>[] {
  const type = getNamedType(info.returnType);
  const definition = isObjectType(type) ? type.getFields()[field] : undefined;
  if (!definition) throw new Error(`${String(type)} has no field ${field}`);
  const found: Record<string, unknown>[] = [];
  const walk = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === field) found.push(getArgumentValues(definition, selection, info.variableValues));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else {
        walk(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return found;
}
