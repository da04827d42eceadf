import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../src/db/connect';
import type { FileOutcome } from '../src/ingest/import.service';
import { MAX_FILE_BYTES } from '../src/ingest/source-file';
import { fingerprint } from './support/fingerprint';
import { openFreshDatabase } from './support/fresh-database';
import { importFile, importLaLookup, importOrThrow } from './support/import-file';
import { OFFICIAL_FILES } from './support/official-data';

/**
 * A corpus of hostile files, generated in a temporary folder at test time (the 1 GB one too) and
 * deleted afterwards: each is rejected whole with a message that says what is wrong, and the
 * database is left exactly as it was.
 */

const FORMULA = `=cmd|' /C calc'!A0`;
const GIGABYTE = 1024 ** 3;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-hostile-'));
const lookupText = () => fs.readFileSync(OFFICIAL_FILES.laLookup, 'utf8');
const deficitText = () => fs.readFileSync(OFFICIAL_FILES.dsgDeficitPct, 'utf8');
const programmesText = () => fs.readFileSync(path.join(path.dirname(OFFICIAL_FILES.laLookup), 'programme_membership.json'), 'utf8');
const write = (name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};
/** Line `index` of the LA lookup (0 = header) with its la_name (column 2) replaced. */
const lookupWithName = (index: number, name: string) =>
  lookupText()
    .split('\n')
    .map((line, i) => (i === index ? line.replace(/^([^,]*),[^,]*,/, `$1,${name},`) : line))
    .join('\n');

/** Matches `line` as one whole line of the outcome, character for character. */
const exactLine = (line: string) => new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm');

/** A header and a single line of `bytes` bytes, written in chunks (no 1 GB string in memory). */
function writeLongLine(name: string, bytes: number): string {
  const file = path.join(dir, name);
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, `${deficitText().split('\n')[0]}\n201920,Financial year,Local authority,E92000001,England,E12000008,South East,E10000016,886,`);
    const chunk = Buffer.alloc(64 * 1024 * 1024, 'A');
    for (let written = 0; written < bytes; written += chunk.length) fs.writeSync(fd, chunk, 0, Math.min(chunk.length, bytes - written));
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

const CORPUS: { name: string; make: () => string; says: RegExp }[] = [
  { name: 'an empty file', make: () => write('empty.csv', ''), says: /no reader recognises this file/ },
  { name: 'a header-only data file', make: () => write('dsg_header_only.csv', `${deficitText().split('\n')[0]}\n`), says: /:2:-: the file has a header but no data rows/ },
  { name: 'a data file truncated in the middle of a row', make: () => write('dsg_truncated.csv', deficitText().slice(0, Math.floor(deficitText().length / 2))), says: /truncated or misaligned row/ },
  { name: 'a JSON file cut in half', make: () => write('programme_membership_cut.json', programmesText().slice(0, Math.floor(programmesText().length / 2))), says: /not valid JSON/ },
  { name: 'UTF-16 text', make: () => write('lookup_utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lookupText(), 'utf16le')])), says: /NUL bytes/ },
  { name: 'Latin-1 text (an accented name)', make: () => write('lookup_latin1.csv', Buffer.from(lookupWithName(1, 'Cōunty Durham'.replace('ō', 'é')), 'latin1')), says: /not valid UTF-8/ },
  { name: 'binary garbage', make: () => write('garbage.csv', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))), says: /NUL bytes|not valid UTF-8/ },
  { name: 'a line of 1 GB (over the file limit)', make: () => writeLongLine('dsg_gigabyte_line.csv', GIGABYTE), says: new RegExp(`over the ${MAX_FILE_BYTES}-byte limit`) },
  { name: 'a line of 2 MB (over the record limit)', make: () => writeLongLine('dsg_long_line.csv', 2 * 1024 * 1024), says: /not readable as CSV/ },
  { name: 'an unclosed quote', make: () => write('dsg_unclosed_quote.csv', deficitText().replace('\n202021,', '\n"202021,')), says: /not readable as CSV: Invalid Closing Quote/ },
  {
    // (A column repeated with the same values is accepted on purpose: some EES files do that.)
    name: 'a duplicated column holding other values',
    make: () => write('dsg_duplicate_column.csv', deficitText().split('\n').map((line, i) => (!line ? line : i === 0 ? `${line},${line.split(',').at(-1)}` : `${line},9.99`)).join('\n')),
    says: /duplicated column holds a different value/,
  },
  { name: 'a duplicated key row', make: () => write('dsg_duplicate_row.csv', `${deficitText().trimEnd()}\n${deficitText().split('\n')[5]}\n`), says: /duplicate row/ },
  { name: `a formula (${FORMULA}) as an LA name in the LA lookup`, make: () => write('lookup_formula.csv', lookupWithName(1, `"${FORMULA}"`)), says: /la_name: not a plausible LA name/ },
  // JSON.parse would keep the last value of a duplicated key silently: the reader names both places.
  {
    name: 'a JSON object with a duplicated key',
    make: () => write('programme_membership_duplicate_key.json', programmesText().replace('"dbv_in_send": {', '"dbv_in_send": {"1": {"las": ["Kent"]},')),
    says: exactLine('programme_membership_duplicate_key.json:3:3: duplicate key in dbv_in_send, first at line 2 column 18: JSON would keep only the last value ("1")'),
  },
  {
    name: 'a JSON object with a duplicated key deep inside',
    make: () => write('programme_membership_nested_duplicate_key.json', programmesText().replace('"source": "council', '"source": "x", "source": "council')),
    says: exactLine('programme_membership_nested_duplicate_key.json:63:19: duplicate key in dbv_in_send.3 (partial), first at line 63 column 4: JSON would keep only the last value ("source")'),
  },
  {
    name: 'an LA listed twice in one programme (under two spellings)',
    make: () => write('programme_membership_la_twice.json', programmesText().replace('"Brent",', '"Brent",\n    "Bristol, City of",')),
    says: exactLine('programme_membership_la_twice.json:9:5: LA listed twice in DBV in SEND, in dbv_in_send.1.las; also as "Bristol, City of" in dbv_in_send.1.las at line 8 ("Bristol")'),
  },
];

const importEach = async (handle: DatabaseHandle, corpus: typeof CORPUS, outcomes: Map<string, FileOutcome>) => {
  for (const hostile of corpus) {
    const file = hostile.make();
    try {
      outcomes.set(hostile.name, await importFile(handle.db, file));
    } finally {
      fs.rmSync(file, { force: true }); // the 1 GB file goes at once
    }
  }
};

const describeOutcome = (outcome: FileOutcome, says: RegExp) => {
  const text = outcome.status === 'rejected' ? [outcome.message, ...outcome.problems].join('\n') : JSON.stringify(outcome);
  return { status: outcome.status, says: says.test(text) ? 'yes' : text.slice(0, 400) };
};

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('hostile files', () => {
  let handle: DatabaseHandle;
  let before: Record<string, string>;
  const outcomes = new Map<string, FileOutcome>();
  let after: Record<string, string>;

  beforeAll(async () => {
    handle = await openFreshDatabase('pglite');
    await importLaLookup(handle.db);
    await importOrThrow(handle.db, OFFICIAL_FILES.dsgDeficitPct);
    before = await fingerprint(handle.db);
    await importEach(handle, CORPUS, outcomes);
    after = await fingerprint(handle.db);
  });

  afterAll(async () => {
    await handle?.close();
  });

  test.each(CORPUS.map((c) => [c.name, c.says] as const))('rejects %s with a clear error', (name, says) => {
    expect(describeOutcome(outcomes.get(name)!, says)).toEqual({ status: 'rejected', says: 'yes' });
  });

  test('leaves the database exactly as it was', () => {
    expect(after).toEqual(before);
  });
});

describe('a formula in a data file\'s la_name', () => {
  let handle: DatabaseHandle;
  let outcome: FileOutcome;
  let stored: number;

  beforeAll(async () => {
    handle = await openFreshDatabase('pglite');
    await importLaLookup(handle.db);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-formula-')), 'dsg_formula.csv');
    // Kent's row: its la_name becomes a formula. Names come from the LA lookup, not from data files.
    fs.writeFileSync(file, deficitText().split('\n').map((line) => (/,886,Kent,/.test(line) ? line.replace(',886,Kent,', `,886,"${FORMULA}",`) : line)).join('\n'));
    try {
      outcome = await importFile(handle.db, file);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
    const { rows } = await sql<{ n: number }>`
      select (select count(*) from local_authority where name like '=%')::int
           + (select count(*) from area where name like '=%')::int
           + (select count(*) from release where warnings::text like '%=cmd%')::int as n
    `.execute(handle.db);
    stored = rows[0].n;
  });

  afterAll(async () => {
    await handle?.close();
  });

  test('is never stored, so no page or export can show it', () => {
    expect({ status: outcome.status, stored }).toEqual({ status: 'loaded', stored: 0 });
  });
});

describe('the same LA in two cohorts of a programme', () => {
  let handle: DatabaseHandle;
  let outcome: FileOutcome;
  let years: string[];

  beforeAll(async () => {
    handle = await openFreshDatabase('pglite');
    await importLaLookup(handle.db);
    // Bury (2020-21) also listed in the 2021-22 agreements: two rows, not a duplicate.
    const json = JSON.parse(programmesText());
    json.safety_valve['2021-22'] = [...json.safety_valve['2021-22'], 'Bury'];
    outcome = await importFile(handle.db, write('programme_membership_two_cohorts.json', JSON.stringify(json, null, 1)));
    const { rows } = await sql<{ cohort: string }>`
      select pm.cohort from programme_membership pm join local_authority la on la.la_code = pm.la_code
      where pm.programme = 'safety_valve' and la.name = 'Bury' order by pm.cohort
    `.execute(handle.db);
    years = rows.map((r) => r.cohort);
  });

  afterAll(async () => {
    await handle?.close();
  });

  test('is accepted as one row per cohort', () => {
    expect({ status: outcome.status, years }).toEqual({ status: 'loaded', years: ['2020-21', '2021-22'] });
  });
});
