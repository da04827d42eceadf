/** An upload's date as pages show it beside a provisional figure: "7 December 2026". */
export function provisionalDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
}

/** What a provisional figure's mark says in words, for tables, summaries and the legend. */
export function provisionalNote(figure: { upload: { uploadedAt: string; version: number; sharedWithDfe: boolean } }): string {
  return `provisional (upload version ${figure.upload.version}, ${provisionalDate(figure.upload.uploadedAt)}${figure.upload.sharedWithDfe ? ', shared with DfE' : ''}; not published)`;
}
