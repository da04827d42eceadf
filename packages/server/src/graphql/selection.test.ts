import { describe, expect, test } from '@jest/globals';
import { type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { operationSelects } from './selection';

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
