import { DATASETS, type DatasetDefinition, ENGLAND_CODE, type TimeIdentifier } from '@sendbench/schema';
import { parseCell } from '../cell';
import { type CsvRecord, parseCsv } from '../csv';
import { ImportRejectedError, IssueList } from '../import-issue';
import { emptyColumns, type ObservationFile } from '../parsed-file';
import type { ReferenceContext } from '../reference-context';
import type { SourceFile } from '../source-file';

/** The leading columns of every EES tidy file (in any order: 2022 puts old_la_code first). */
const GEOGRAPHY_COLUMNS = [
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
  'region_code',
  'region_name',
  'new_la_code',
  'old_la_code',
  'la_name',
] as const;

const LEVELS: Record<string, 'national' | 'regional' | 'local_authority'> = {
  National: 'national',
  Regional: 'regional',
  'Local authority': 'local_authority',
};

const PERIOD_SHAPE: Record<TimeIdentifier, RegExp> = {
  'Academic year': /^(\d{4})(\d{2})$/,
  'Financial year': /^(\d{4})(\d{2})$/,
  'Calendar year': /^\d{4}$/,
};

const E_CODE = /^E\d{8}$/;

function headerOf(records: CsvRecord[]): string[] {
  return (records[0]?.cells ?? []).map((c) => c.trim().toLowerCase());
}

/**
 * Which data set a tidy file holds, from its header and the time identifier of its first row.
 * Two data sets share a header (primary need of new plans and of all plans) and differ only there.
 */
export function detectDataset(header: readonly string[], firstTimeIdentifier: string | undefined): DatasetDefinition[] {
  const columns = new Set(header);
  if (!GEOGRAPHY_COLUMNS.every((c) => columns.has(c))) return [];
  const bySignature = DATASETS.filter(
    (d) => d.signature.length > 0 && d.signature.every((c) => columns.has(c)) && d.filters.every((f) => columns.has(f)),
  );
  if (bySignature.length <= 1) return bySignature;
  const byTime = bySignature.filter((d) => d.timeIdentifier === firstTimeIdentifier);
  return byTime.length > 0 ? byTime : bySignature;
}

export const eesTidyReader = {
  name: 'EES tidy data',

  recognises(file: SourceFile): DatasetDefinition | undefined {
    if (!file.name.toLowerCase().endsWith('.csv') && !/^\ufeff?time_period,/i.test(file.text.slice(0, 20))) return undefined;
    let head: CsvRecord[];
    try {
      head = parseCsv(file, { toLine: 2 });
    } catch {
      // A broken first row (e.g. over the record limit) must not hide the data set: recognise it from
      // the header alone, and let read() report the row's problem with its line.
      try {
        head = parseCsv(file, { toLine: 1 });
      } catch {
        return undefined;
      }
    }
    const header = headerOf(head);
    const timeIndex = header.indexOf('time_identifier');
    const found = detectDataset(header, head[1]?.cells[timeIndex]);
    return found.length === 1 ? found[0] : undefined;
  },

  /**
   * Reads and validates a whole file; rejects it with every problem found (first 100 shown).
   * Checks: required and unknown columns, duplicated columns, period and time identifier, geography
   * (known LA by DfE number, E-code consistent with it, known region, England), numbers or known
   * symbols in every indicator cell, and duplicate keys.
   */
  read(file: SourceFile, dataset: DatasetDefinition, reference: ReferenceContext): ObservationFile {
    const records = parseCsv(file);
    const issues = new IssueList(file.name);
    const header = headerOf(records);
    const warnings: string[] = [];

    if (reference.authorities.size === 0) {
      issues.add(1, 'old_la_code', 'no local authorities are known yet: import the LA lookup (reference/la_lookup_with_programmes.csv) first');
      throw ImportRejectedError.fromList(issues);
    }

    // Columns: positions, duplicates, missing and unknown.
    const positions = new Map<string, number[]>();
    header.forEach((name, index) => positions.set(name, [...(positions.get(name) ?? []), index]));
    const known = new Set<string>([...GEOGRAPHY_COLUMNS, ...dataset.filters, ...dataset.columns, ...(dataset.textColumns ?? [])]);
    const optional = new Set(dataset.optional ?? []);
    for (const name of [...GEOGRAPHY_COLUMNS, ...dataset.filters, ...dataset.columns, ...(dataset.textColumns ?? [])]) {
      if (!positions.has(name) && !optional.has(name)) issues.add(1, name, `missing column required by ${dataset.id}`);
    }
    for (const [name, at] of positions) {
      if (!known.has(name)) issues.add(1, name || `#${at[0] + 1}`, `unknown column for ${dataset.id}`, name);
      if (at.length > 1) warnings.push(`column ${name} appears ${at.length} times; loaded once (every row was checked to hold the same value in each copy)`);
    }
    if (!issues.empty) throw ImportRejectedError.fromList(issues);

    const col = (name: string) => positions.get(name)![0];
    const timePeriod = col('time_period');
    const timeIdentifier = col('time_identifier');
    const level = col('geographic_level');
    const countryCode = col('country_code');
    const regionCode = col('region_code');
    const oldLa = col('old_la_code');
    const newLa = col('new_la_code');
    const filterIndexes = dataset.filters.map(col);
    const indicators = dataset.columns.filter((c) => positions.has(c)).map((c) => ({ name: c, index: col(c), copies: positions.get(c)! }));
    const width = header.length;

    const observations = emptyColumns();
    const seenKeys = new Map<string, number>();
    const newAliases = new Map<string, string>();
    let edition = 0;
    let rowsLoaded = 0;
    const rows = records.slice(1);

    for (const { line, cells } of rows) {
      if (cells.length === 1 && cells[0].trim() === '') continue; // blank line (often the last one)
      if (issues.full) {
        issues.total++;
        continue;
      }
      if (cells.length !== width) {
        // A short row names the first column it lacks: where a truncated file was cut.
        issues.add(line, cells.length < width ? header[cells.length] : '', `expected ${width} cells, found ${cells.length} (truncated or misaligned row)`, cells.slice(-1)[0]);
        continue;
      }
      const before = issues.total;

      const period = cells[timePeriod].trim();
      if (!PERIOD_SHAPE[dataset.timeIdentifier].test(period) || (dataset.timeIdentifier !== 'Calendar year' && !consecutive(period))) {
        issues.add(line, 'time_period', `not a ${dataset.timeIdentifier.toLowerCase()} period code`, period);
      }
      if (cells[timeIdentifier].trim() !== dataset.timeIdentifier) {
        issues.add(line, 'time_identifier', `expected "${dataset.timeIdentifier}" like every row of ${dataset.id}`, cells[timeIdentifier]);
      }

      const levelName = LEVELS[cells[level].trim()];
      let area = '';
      if (!levelName) {
        issues.add(line, 'geographic_level', 'unknown geographic level (expected National, Regional or Local authority)', cells[level]);
      } else if (levelName === 'national') {
        if (cells[countryCode].trim() !== ENGLAND_CODE) issues.add(line, 'country_code', `national rows must be England (${ENGLAND_CODE})`, cells[countryCode]);
        area = ENGLAND_CODE;
      } else if (levelName === 'regional') {
        area = cells[regionCode].trim();
        if (!reference.regions.has(area)) issues.add(line, 'region_code', 'unknown region code', area);
      } else {
        area = cells[oldLa].trim();
        const la = reference.authorities.get(area);
        if (!la) {
          issues.add(line, 'old_la_code', 'unknown LA code (not in the LA lookup)', area);
        } else {
          const eCode = cells[newLa].trim();
          const owner = reference.aliases.get(eCode) ?? newAliases.get(eCode);
          if (eCode === '') {
            // Some older rows carry only the DfE number; the number is the key.
          } else if (!E_CODE.test(eCode)) {
            issues.add(line, 'new_la_code', 'not an ONS E-code', eCode);
          } else if (owner === undefined) {
            newAliases.set(eCode, area);
          } else if (owner !== area) {
            issues.add(line, 'new_la_code', `E-code belongs to LA ${owner}, but the row's old_la_code is ${area}`, eCode);
          }
        }
      }

      const breakdown = filterIndexes.map((i) => cells[i].trim()).join(' | ');
      const key = `${period}|${area}|${breakdown}`;
      const firstLine = seenKeys.get(key);
      if (firstLine !== undefined) {
        issues.add(line, dataset.filters.join('+') || 'time_period', `duplicate row: same period, area and breakdown as line ${firstLine}`, key);
      } else {
        seenKeys.set(key, line);
      }

      const periodNumber = Number(period);
      for (const indicator of indicators) {
        const raw = cells[indicator.index];
        for (const copy of indicator.copies.slice(1)) {
          if (cells[copy].trim() !== raw.trim()) issues.add(line, indicator.name, `duplicated column holds a different value in copy ${copy + 1}`, cells[copy]);
        }
        const cell = parseCell(raw);
        if (!cell) {
          issues.add(line, indicator.name, 'not a number or a known symbol (c, x, z, low, u, k, :)', raw);
          continue;
        }
        observations.measure.push(indicator.name);
        observations.breakdown.push(breakdown);
        observations.area.push(area);
        observations.period.push(periodNumber);
        observations.value.push(cell.value);
        observations.status.push(cell.status);
      }
      if (issues.total === before) {
        rowsLoaded++;
        if (periodNumber > edition) edition = periodNumber;
      }
    }

    if (!issues.empty) throw ImportRejectedError.fromList(issues);
    if (rowsLoaded === 0) {
      issues.add(2, '', 'the file has a header but no data rows');
      throw ImportRejectedError.fromList(issues);
    }
    if (newAliases.size > 0) {
      warnings.push(`E-codes not in the lookup, kept as aliases: ${[...newAliases].map(([code, la]) => `${code} → ${la}`).join(', ')}`);
    }
    if (dataset.textColumns?.length) warnings.push(`text columns not loaded (codes, not figures): ${dataset.textColumns.join(', ')}`);
    return {
      kind: 'observations',
      dataset,
      edition,
      rowsRead: rows.filter((r) => !(r.cells.length === 1 && r.cells[0].trim() === '')).length,
      rowsLoaded,
      observations,
      newAliases: [...newAliases].map(([code, laCode]) => ({ code, laCode })),
      warnings,
    };
  },
};

function consecutive(code: string): boolean {
  const start = Number(code.slice(0, 4));
  return Number(code.slice(4)) === (start + 1) % 100;
}
