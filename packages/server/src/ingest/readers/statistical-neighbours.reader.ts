import { parseCsv } from '../csv';
import { ImportRejectedError, IssueList } from '../import-issue';
import type { StatisticalNeighbourFile } from '../parsed-file';
import type { ReferenceContext } from '../reference-context';
import type { SourceFile } from '../source-file';

const COLUMNS = ['new_la_code', 'old_la_code', 'la_name', 'sn_rank', 'sn_new_la_code', 'sn_old_la_code', 'sn_la_name', 'sn_proximity'] as const;
export const PROXIMITY_BANDS = ['Extremely close', 'Very close', 'Close', 'Somewhat close', 'Not close'] as const;

/**
 * Reader for DfE's children's services statistical neighbours (LAIT): 10 ranked neighbours per LA.
 * The model year is not in the data; it is taken from a 4-digit year in the file name, and the
 * import says so.
 */
export const statisticalNeighboursReader = {
  name: 'statistical neighbours',

  recognises(file: SourceFile): boolean {
    const first = file.text.slice(0, 300).split(/\r?\n/, 1)[0].toLowerCase().replace(/\s/g, '');
    return first === COLUMNS.join(',');
  },

  read(file: SourceFile, reference: ReferenceContext): StatisticalNeighbourFile {
    const records = parseCsv(file);
    const issues = new IssueList(file.name);
    const year = /(20\d{2})/.exec(file.name)?.[1];
    if (!year) issues.add(0, '', 'the model year is taken from the file name, which has no 4-digit year', file.name);
    const rows: StatisticalNeighbourFile['rows'] = [];
    const seen = new Map<string, number>();
    let rowsRead = 0;
    for (const { line, cells } of records.slice(1)) {
      if (cells.length === 1 && cells[0].trim() === '') continue;
      rowsRead++;
      if (cells.length !== COLUMNS.length) {
        issues.add(line, '', `expected ${COLUMNS.length} cells, found ${cells.length}`);
        continue;
      }
      const [, laCode, , rankText, , neighbourCode, , proximity] = cells.map((c) => c.trim());
      const rank = Number(rankText);
      if (!reference.authorities.has(laCode)) issues.add(line, 'old_la_code', 'unknown LA code', laCode);
      if (!reference.authorities.has(neighbourCode)) issues.add(line, 'sn_old_la_code', 'unknown LA code', neighbourCode);
      if (laCode === neighbourCode) issues.add(line, 'sn_old_la_code', 'an LA cannot be its own neighbour', neighbourCode);
      if (!Number.isInteger(rank) || rank < 1 || rank > 10) issues.add(line, 'sn_rank', 'rank must be a whole number from 1 to 10', rankText);
      if (!(PROXIMITY_BANDS as readonly string[]).includes(proximity)) issues.add(line, 'sn_proximity', `expected one of ${PROXIMITY_BANDS.join(', ')}`, proximity);
      const key = `${laCode}|${rank}`;
      if (seen.has(key)) issues.add(line, 'sn_rank', `duplicate rank for LA ${laCode} (also line ${seen.get(key)})`, rankText);
      seen.set(key, line);
      rows.push({ laCode, rank, neighbourCode, proximity });
    }
    if (rows.length === 0) issues.add(2, '', 'the file has a header but no rows');
    if (!issues.empty) throw ImportRejectedError.fromList(issues);
    return { kind: 'statistical_neighbours', model: `LAIT ${year}`, rowsRead, rows, warnings: [`model "LAIT ${year}" named from the file name`] };
  },
};
