/** One problem found in a file, located by row (1 = header line) and column. */
export interface ImportIssue {
  file: string;
  row: number;
  column: string;
  message: string;
  value?: string;
}

export const MAX_REPORTED_ISSUES = 100;

/** `file:row:column: message (value)` — the form every import error takes. */
export function formatIssue(issue: ImportIssue): string {
  const value = issue.value === undefined ? '' : ` (${JSON.stringify(truncate(issue.value))})`;
  return `${issue.file}:${issue.row}:${issue.column || '-'}: ${issue.message}${value}`;
}

function truncate(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}

/**
 * Collects issues up to MAX_REPORTED_ISSUES while counting them all, so a badly broken file
 * neither floods the terminal nor hides how broken it is.
 */
export class IssueList {
  readonly issues: ImportIssue[] = [];
  total = 0;

  constructor(readonly file: string) {}

  add(row: number, column: string, message: string, value?: string): void {
    this.total++;
    if (this.issues.length < MAX_REPORTED_ISSUES) this.issues.push({ file: this.file, row, column, message, value });
  }

  get full(): boolean {
    return this.issues.length >= MAX_REPORTED_ISSUES;
  }

  get empty(): boolean {
    return this.total === 0;
  }
}

/** A file rejected whole: nothing of it was written. */
export class ImportRejectedError extends Error {
  readonly code = 'IMPORT_REJECTED';

  constructor(
    readonly file: string,
    readonly issues: readonly ImportIssue[],
    readonly total: number,
  ) {
    const shown = issues.map(formatIssue).join('\n');
    const more = total > issues.length ? `\n… and ${total - issues.length} more (only the first ${issues.length} are shown)` : '';
    super(`${file} was rejected (${total} problem${total === 1 ? '' : 's'}); nothing was imported:\n${shown}${more}`);
  }

  static fromList(list: IssueList): ImportRejectedError {
    return new ImportRejectedError(list.file, list.issues, list.total);
  }
}
