import { buildCsv, type CsvCell } from '../format/csv';
import { downloadBlob } from '../format/export-image';

export interface TableColumn {
  header: string;
  numeric?: boolean;
}

export interface TableCell {
  /** What the page shows. */
  text: string;
  /** What the CSV holds (a rounded number, a symbol or text). */
  csv: CsvCell;
}

export interface TableRow {
  key: string;
  cells: TableCell[];
  /** The focus authority's row is marked in words, not only in bold. */
  isFocus?: boolean;
}

export interface TableSpec {
  caption: string;
  columns: TableColumn[];
  rows: TableRow[];
}

/** Downloads a table as `<fileName>.csv` (UTF-8 with a byte-order mark, for spreadsheets), with `notes` and the OGL attribution after it. */
export function downloadTableCsv(table: TableSpec, fileName: string, notes: readonly string[]): void {
  const text = buildCsv({ header: table.columns.map((c) => c.header), rows: table.rows.map((r) => r.cells.map((c) => c.csv)), notes });
  downloadBlob(new Blob([`\uFEFF${text}`], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`);
}

/** A GOV.UK table that scrolls sideways on narrow screens (and can be scrolled by keyboard). */
export function DataTable({ table, captionClass = 'govuk-table__caption--s' }: { table: TableSpec; captionClass?: string }) {
  // The caption is shown above the scrolling area (so it wraps on a narrow screen) and kept in
  // the table, visually hidden, as the table's accessible name.
  return (
    <>
      <p className={`govuk-table__caption ${captionClass} sb-table-caption`} aria-hidden="true">
        {table.caption}
      </p>
      <div className="sb-table-scroll" role="region" aria-label={table.caption} tabIndex={0}>
      <table className="govuk-table sb-table">
        <caption className="govuk-visually-hidden">{table.caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {table.columns.map((column) => (
              <th key={column.header} scope="col" className={`govuk-table__header${column.numeric ? ' govuk-table__header--numeric' : ''}`}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {table.rows.map((row) => (
            <tr key={row.key} className={`govuk-table__row${row.isFocus ? ' sb-row--focus' : ''}`}>
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="govuk-table__header">
                    {cell.text}
                    {row.isFocus && <strong className="govuk-tag govuk-tag--blue sb-focus-tag">Selected</strong>}
                  </th>
                ) : (
                  <td key={i} className={`govuk-table__cell${table.columns[i]?.numeric ? ' govuk-table__cell--numeric' : ''}`}>
                    {cell.text}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </>
  );
}
