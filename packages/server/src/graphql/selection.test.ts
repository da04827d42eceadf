import { describe, expect, test } from '@jest/globals';
import { buildSchema, type FieldNode, type FragmentDefinitionNode, type GraphQLObjectType, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { operationSelects, selectedArguments } from './selection';

const infoOf = (text: string) => {
  const definitions = parse(text).definitions;
  const operation = definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  return { operation, fragments };
};

describe('operationSelects', () => {
  test.each([
    ['a field selected directly', '{ comparison { england { releaseIds } } }', true],
    ['a field in a named fragment', 'query { comparison { members { value { ...V } } } } fragment V on MetricValue { value releaseIds }', true],
    ['a field in an inline fragment', '{ comparison { england { ... on MetricValue { releaseIds } } } }', true],
    ['a field in a fragment of a fragment', 'query { profile { metrics { ...M } } } fragment M on ProfileMetric { series { ...S } } fragment S on MetricValue { releaseIds }', true],
    ['an alias of another field named like it', '{ comparison { england { releaseIds: value } } }', false],
    ['an operation without it', '{ comparison { england { value status } } }', false],
  ])('%s', (_label, text, expected) => {
    expect(operationSelects(infoOf(text), 'releaseIds')).toBe(expected);
  });

  test('answers for each operation, not the first one it saw', () => {
    const without = infoOf('{ a { value } }');
    const withIt = infoOf('{ a { releaseIds } }');
    expect([operationSelects(without, 'releaseIds'), operationSelects(withIt, 'releaseIds'), operationSelects(without, 'releaseIds')]).toEqual([false, true, false]);
  });
});

describe('selectedArguments', () => {
  const schema = buildSchema('type Query { c: C } type C { members(first: Int, offset: Int = 0): [Int] count: Int }');
  const argumentsOf = (text: string, variableValues: Record<string, unknown> = {}) => {
    const { operation, fragments } = infoOf(text);
    const fieldNodes = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
    return selectedArguments({ fieldNodes, fragments, variableValues, returnType: schema.getType('C') as GraphQLObjectType }, 'members');
  };

  test.each([
    ['one selection, the default offset applied', '{ c { members(first: 5) } }', {}, [{ first: 5, offset: 0 }]],
    ['aliases, each with its arguments', '{ c { top: members(first: 5) rest: members(first: 10, offset: 5) count } }', {}, [{ first: 5, offset: 0 }, { first: 10, offset: 5 }]],
    ['variables', 'query ($f: Int, $o: Int) { c { members(first: $f, offset: $o) } }', { f: 7, o: 14 }, [{ first: 7, offset: 14 }]],
    ['no first: every member', '{ c { members } }', {}, [{ offset: 0 }]],
    ['in named and inline fragments', 'query { c { ...F ... on C { members(first: 2) } } } fragment F on C { members(first: 3, offset: 1) }', {}, [{ first: 3, offset: 1 }, { first: 2, offset: 0 }]],
    ['not selected', '{ c { count } }', {}, []],
  ])('%s', (_label, text, variables, expected) => {
    expect(argumentsOf(text, variables)).toEqual(expected);
  });

  test('a field the type does not have is a programming error, not an empty answer', () => {
    const { operation, fragments } = infoOf('{ c { count } }');
    const fieldNodes = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
    expect(() => selectedArguments({ fieldNodes, fragments, variableValues: {}, returnType: schema.getType('C') as GraphQLObjectType }, 'nope')).toThrow('C has no field nope');
  });
});
