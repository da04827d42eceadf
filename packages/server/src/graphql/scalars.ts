import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

function scalar(name: string, description: string, check: (value: unknown) => string | number | undefined, expectation: string) {
  const parse = (value: unknown) => {
    const parsed = check(value);
    if (parsed === undefined) {
      throw new GraphQLError(`${name} ${expectation}; got ${JSON.stringify(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return parsed;
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => value,
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => parse(ast.kind === Kind.STRING || ast.kind === Kind.INT ? (ast.kind === Kind.INT ? Number(ast.value) : ast.value) : undefined),
  });
}

const LA_CODE = /^(\d{3}|E\d{8})$/i;
const AREA_CODE = /^(\d{3}|E\d{8})$/i;
const METRIC_ID = /^[a-z][a-z0-9_]{0,63}$/;

export const LaCodeScalar = scalar(
  'LaCode',
  'A local authority code: the 3-digit DfE LA number (e.g. "886" for Kent) or any ONS E-code it has been published under (e.g. "E10000016"; North Yorkshire is "815", "E10000023" and "E06000065").',
  (v) => (typeof v === 'string' && LA_CODE.test(v.trim()) ? v.trim().toUpperCase() : typeof v === 'number' && Number.isInteger(v) && v >= 100 && v <= 999 ? String(v) : undefined),
  'must be a 3-digit DfE LA number or an ONS E-code (E followed by 8 digits)',
);

export const AreaCodeScalar = scalar(
  'AreaCode',
  'An area: an LA code (see LaCode), a region\'s ONS code (E12000001–E12000009, E13000001/2 for Inner/Outer London) or England (E92000001).',
  (v) => (typeof v === 'string' && AREA_CODE.test(v.trim()) ? v.trim().toUpperCase() : undefined),
  'must be a 3-digit DfE LA number or an ONS code (E followed by 8 digits)',
);

export const PeriodCodeScalar = scalar(
  'PeriodCode',
  'A period as DfE codes it: a calendar year (2024), or an academic or financial year as six digits (202425 = January 2025 for census counts, April 2024–March 2025 for spend). Each metric says which kind it uses (periodType).',
  (v) => {
    const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n)) return undefined;
    if (n >= 1990 && n <= 2100) return n;
    const start = Math.floor(n / 100);
    return start >= 1990 && start <= 2100 && n % 100 === (start + 1) % 100 ? n : undefined;
  },
  'must be a calendar year (2024) or a six-digit academic/financial year (202425)',
);

export const MetricIdScalar = scalar(
  'MetricId',
  'The stable id of a metric in the catalogue, e.g. "pct_plans_mainstream". The metrics query lists them.',
  (v) => (typeof v === 'string' && METRIC_ID.test(v) ? v : undefined),
  'must be a snake_case metric id such as "ehc_plans"',
);
