import fs from 'node:fs';
import path from 'node:path';
import { METRICS, PROGRAMME_COHORTS, PROGRAMME_STARTS } from '@sendbench/schema';
import {
  buildSchema,
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { PROJECT_ROOT } from '../../src/config';

/** The committed SDL the fuzzer generates from. */
export const SDL_FILE = path.join(PROJECT_ROOT, 'packages', 'schema', 'schema.graphql');

/** mulberry32: small, fast, good enough to make a run repeatable from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One generated request: the JSON body as sent (may be deliberately malformed). */
export interface FuzzCase {
  index: number;
  /** What was sent: a JSON value, or raw text when `raw` is set. */
  body: unknown;
  raw?: string;
}

/** Codes of the right form (some unknown: 999, E99999999) and, less often, of the wrong form. */
const LA_CODES = ['886', '815', 'E10000016', 'E06000065', '909', '201', '301', '999', 'E10000023'];
const BAD_LA_CODES = ['Kent', '', ' 886 ', '88', 'E1000001', '８８６', "886'; drop table release;--", 'e10000016'];
const AREA_CODES = ['E92000001', 'E12000008', 'E13000001', '886', 'E99999999'];
const BAD_AREA_CODES = ['england', 'X', ''];
const PERIODS = [202425, 202324, 202122, 202021, 201920, 2024, 2015];
const BAD_PERIODS = [1, 0, -1, 999999, 2147483647, '202425', 2024.5, -202425];
const STRINGS = ['', 'a', 'Kent', '%', '_', "'", '"', '\\', '\u0000', '😀', 'é'.repeat(50), 'x'.repeat(2_000), '<script>alert(1)</script>', '=cmd|\' /C calc\'!A0', '${jndi:ldap://x}'];
const INTS = [0, 1, -1, 2, 5, 10, 30, 31, 50, 200, 201, 1_000_000, 2147483647, -2147483648];
const WEIRD_JSON: unknown[] = [null, true, false, 0, -0.5, 1e308, 'x', '', [], {}, [[[[[]]]]], { a: { b: { c: {} } } }, Array.from({ length: 100 }, (_, i) => i)];

/**
 * Values for arguments and input fields known by name, used most of the time: without them almost
 * every evaluation request stopped at an unknown cohort or an impossible start, before any figure
 * was computed (extreme windows, index bases and starts are what can break it).
 */
const NAMED_VALUES: Readonly<Record<string, readonly unknown[]>> = {
  cohort: [...PROGRAMME_COHORTS.map((c) => c.id), 'dbv:4', 'DBV'],
  id: [...PROGRAMME_STARTS.map((s) => s.id), 'dbv:9'],
  year: [2016, 2020, 2021, 2022, 2023, 2024, 2025, 2035, 1999],
  month: [1, 3, 9, 12, 0, 13],
  draws: [999, 1000, 998, 4999, 5000],
};

/** The JSON text [[[…]]] `depth` levels deep (too deep for JSON.stringify to write). */
const deeplyNested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Request bodies nested thousands deep, within the size limit: parsers, coercion and cache keys must not blow the stack. */
const DEEP_BODIES = [
  `{"query":"query ($a: [AreaCode!]!) { trend(metric: \\"ehc_plans\\", areas: $a) { periods { code } } }","variables":{"a":${deeplyNested(5_000)}}}`,
  `{"query":"query ($a: [String]) { dataVersion }","variables":{"a":${deeplyNested(8_000)}}}`,
  `{"query":"{ dataVersion }","variables":{"a":${deeplyNested(8_000)}},"extensions":{"b":${deeplyNested(3_000)}}}`,
  `{"query":"query ($p: PeerSelector!) { comparison(metric: \\"ehc_plans\\", peers: $p) { period { code } } }","variables":{"p":{"kind":"CUSTOM","codes":${deeplyNested(6_000)}}}}`,
];

/**
 * Generates random GraphQL requests from the SDL: mostly well-formed operations with random
 * arguments (valid codes, unknown codes, wrong types, out-of-range numbers, odd strings), random
 * selections (unknown fields, aliases, fragments, directives, __typename), variables with random
 * JSON, and a share of corrupted text and malformed request bodies.
 */
export class OperationFuzzer {
  readonly schema: GraphQLSchema;
  private readonly random: () => number;
  private readonly metricIds = METRICS.map((m) => m.id);
  private variables: { name: string; type: string; value: unknown }[] = [];

  constructor(seed: number, sdl: string = fs.readFileSync(SDL_FILE, 'utf8')) {
    this.schema = buildSchema(sdl);
    this.random = seededRandom(seed);
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private int(max: number): number {
    return Math.floor(this.random() * max);
  }

  /** The next request. */
  next(index: number): FuzzCase {
    const roll = this.random();
    if (roll < 0.005) return { index, body: null, raw: this.pick(DEEP_BODIES) };
    if (roll < 0.05) return { index, body: this.malformedBody() };
    const { query, variables, operationName } = this.operation();
    if (roll < 0.2) return { index, body: { query: this.corrupt(query), variables } };
    if (roll < 0.23) return { index, body: { query, variables: this.pick(WEIRD_JSON), operationName: this.pick([operationName, 'Nope', 42, null]) } };
    if (roll < 0.25) return { index, body: null, raw: this.corrupt(JSON.stringify({ query, variables })) };
    return { index, body: { query, variables, operationName } };
  }

  private malformedBody(): unknown {
    return this.pick<unknown>([
      [],
      [{ query: '{ dataVersion }' }],
      {},
      { query: 42 },
      { query: null },
      { query: ['{ dataVersion }'] },
      { query: '{ dataVersion }', variables: 'x' },
      { query: '{ dataVersion }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } },
      { query: '{ dataVersion }', extensions: 'x' },
      { operationName: 'A' },
      'just a string',
      42,
    ]);
  }

  /** Cuts, inserts, deletes or duplicates a piece of text. */
  private corrupt(text: string): string {
    const at = this.int(text.length + 1);
    switch (this.int(5)) {
      case 0:
        return text.slice(0, at);
      case 1:
        return `${text.slice(0, at)}${this.pick(['{', '}', '(', ')', '"', '$', '@', '...', ':', '#', '\\', '\u0000', '\uffff', 'query', 'fragment'])}${text.slice(at)}`;
      case 2:
        return text.slice(0, at) + text.slice(at + 1 + this.int(20));
      case 3:
        return text.slice(0, at) + text.slice(at, at + 30) + text.slice(at);
      default:
        return text.split('').reverse().join('');
    }
  }

  private operation(): { query: string; variables: Record<string, unknown>; operationName?: string } {
    this.variables = [];
    const query = this.schema.getQueryType()!;
    const fields = Object.values(query.getFields());
    const used = new Set<string>();
    const roots = Array.from({ length: 1 + this.int(3) }, (_, i) => {
      const field = this.pick(fields);
      // A field asked twice with other arguments needs an alias (asking without one, now and then, is a test too).
      const alias = (used.has(field.name) && this.chance(0.9)) || this.chance(0.1) ? `r${i}: ` : '';
      used.add(field.name);
      return `${alias}${this.field(field, 1)}`;
    });
    if (this.chance(0.05)) roots.push(this.pick(['nope', '__typename', '__schema { types { name } }', '__type(name: "Query") { name }']));
    const name = this.chance(0.5) ? this.pick(['Fuzz', '__schema', 'Profile', 'q1', 'Compare']) : undefined;
    const useFragment = this.chance(0.1);
    const body = useFragment ? '...RootFields' : roots.join(' ');
    const fragment = useFragment ? ` fragment RootFields on ${this.chance(0.9) ? 'Query' : 'Authority'} { ${roots.join(' ')} }` : '';
    const definitions = this.variables.length ? `(${this.variables.map((v) => `$${v.name}: ${v.type}`).join(', ')})` : '';
    const header = name || definitions ? `query ${name ?? ''}${definitions} ` : '';
    const directive = this.chance(0.01) ? ' @skip(if: false)' : '';
    return {
      query: `${header}${directive ? `${header ? '' : 'query '}${directive.trim()} ` : ''}{ ${body} }${fragment}`,
      variables: Object.fromEntries(this.variables.map((v) => [v.name, v.value])),
      operationName: name,
    };
  }

  private field(field: GraphQLField<unknown, unknown>, depth: number): string {
    const args = field.args.filter((a) => isNonNullType(a.type) || this.chance(0.5)).map((a) => `${a.name}: ${this.argument(a)}`);
    if (this.chance(0.005)) args.push(`${this.pick(['bogus', 'first', 'code'])}: ${this.pick(['1', '"x"', 'null', 'ENGLAND'])}`);
    const directive = this.chance(0.05) ? ` @${this.pick(['include', 'skip'])}(if: ${this.chance(0.9) ? this.pick(['true', 'false']) : this.pick(['1', '"yes"'])})` : '';
    const selection = this.selection(getNamedType(field.type), depth + 1);
    return `${field.name}${args.length ? `(${args.join(', ')})` : ''}${directive}${selection}`;
  }

  private selection(type: GraphQLNamedType, depth: number): string {
    if (!(isObjectType(type) || isInterfaceType(type) || isUnionType(type))) return this.chance(0.003) ? ' { id }' : '';
    if (isUnionType(type)) return ' { __typename }';
    const fields = Object.values(type.getFields());
    const chosen = new Set<string>();
    const parts: string[] = [];
    const count = 1 + this.int(depth > 4 ? 2 : 4);
    for (let i = 0; i < count; i++) {
      const field = this.pick(fields);
      const named = getNamedType(field.type);
      const nested = isObjectType(named) || isInterfaceType(named);
      if (nested && depth > 5) continue;
      if (chosen.has(field.name) && !this.chance(0.02)) continue;
      chosen.add(field.name);
      const alias = this.chance(0.05) ? `a${i}: ` : '';
      parts.push(`${alias}${this.field(field, depth)}`);
    }
    if (this.chance(0.05)) parts.push(this.chance(0.8) ? this.pick(['__typename', `... on ${type.name} { __typename }`]) : this.pick(['unknownField', '... on Query { dataVersion }']));
    if (parts.length === 0) parts.push('__typename');
    return ` { ${parts.join(' ')} }`;
  }

  private argument(arg: GraphQLArgument): string {
    if (this.chance(0.2)) {
      const name = `v${this.variables.length}`;
      const declared = this.chance(0.9) ? String(arg.type) : this.pick(['Int', 'String!', '[String]', 'Boolean', 'PeerSelector']);
      this.variables.push({ name, type: declared, value: this.chance(0.8) ? this.jsonValue(arg.type, 0) : this.pick(WEIRD_JSON) });
      return `$${name}`;
    }
    const named = NAMED_VALUES[arg.name];
    if (named && this.chance(0.8)) return this.toLiteral(this.pick(named), getNamedType(arg.type));
    return this.literal(arg.type, 0);
  }

  /** A GraphQL literal for `type`, usually valid, sometimes not. */
  private literal(type: GraphQLInputType, depth: number): string {
    const value = this.jsonValue(type, depth);
    return this.toLiteral(value, getNamedType(type));
  }

  private toLiteral(value: unknown, type: GraphQLNamedType): string {
    if (value === null || value === undefined) return 'null';
    if (Array.isArray(value)) return `[${value.map((v) => this.toLiteral(v, type)).join(', ')}]`;
    if (typeof value === 'object') {
      const fields = isInputObjectType(type) ? type.getFields() : {};
      return `{ ${Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `${k}: ${this.toLiteral(v, fields[k] ? getNamedType(fields[k].type) : type)}`)
        .join(', ')} }`;
    }
    if (typeof value === 'string' && isEnumType(type) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return value;
    return JSON.stringify(value);
  }

  /** A JSON value for `type`: valid most of the time, otherwise of the wrong shape. */
  private jsonValue(type: GraphQLInputType, depth: number): unknown {
    if (this.chance(0.015)) return this.pick(WEIRD_JSON);
    if (isNonNullType(type)) return this.jsonValue(type.ofType, depth);
    if (isListType(type)) {
      if (this.chance(0.1)) return this.jsonValue(type.ofType, depth + 1);
      return Array.from({ length: this.chance(0.05) ? 31 + this.int(20) : this.int(6) }, () => this.jsonValue(type.ofType, depth + 1));
    }
    if (isInputObjectType(type)) {
      if (depth > 3) return {};
      const entries = Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) || this.chance(0.5))
        .filter(() => !this.chance(0.05))
        .map((f) => [f.name, NAMED_VALUES[f.name] && this.chance(0.8) ? this.pick(NAMED_VALUES[f.name]) : this.jsonValue(f.type, depth + 1)]);
      if (this.chance(0.05)) entries.push(['unknownField', 1]);
      return Object.fromEntries(entries);
    }
    if (isEnumType(type)) return this.chance(0.97) ? this.pick(type.getValues()).name : this.pick(['NOPE', 'england', '1', '']);
    if (isScalarType(type)) {
      switch (type.name) {
        case 'LaCode':
          return this.chance(0.95) ? this.pick(LA_CODES) : this.pick(BAD_LA_CODES);
        case 'AreaCode':
          return this.chance(0.95) ? this.pick([...AREA_CODES, ...LA_CODES]) : this.pick([...BAD_AREA_CODES, ...BAD_LA_CODES]);
        case 'MetricId':
          return this.chance(0.95) ? this.pick(this.metricIds) : this.pick(['no_such_metric', '', 'EHC_PLANS', 'ehc plans', 'x'.repeat(300)]);
        case 'PeriodCode':
          return this.chance(0.95) ? this.pick(PERIODS) : this.pick(BAD_PERIODS);
        case 'Int':
          return this.chance(0.97) ? this.pick(INTS) : this.pick([1.5, '5', 2 ** 53]);
        case 'Float':
          return this.random() * 1000 - 500;
        case 'Boolean':
          return this.chance(0.95) ? this.chance(0.5) : 'true';
        default:
          return this.pick(STRINGS);
      }
    }
    return null;
  }
}
