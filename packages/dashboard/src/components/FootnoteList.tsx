import { footnoteText, type Footnotes } from '../format/notes';
import { Link } from '../routing/router';

/** The numbered data-quality notes of a view, under its chart or table (both modes). */
export function FootnoteList({ footnotes, id }: { footnotes: Footnotes; id: string }) {
  if (!footnotes.list.length) return null;
  return (
    <div className="sb-footnotes" aria-labelledby={`${id}-notes`}>
      <h3 className="govuk-heading-s" id={`${id}-notes`}>
        Data-quality notes
      </h3>
      <ol className="govuk-list sb-footnotes__list">
        {footnotes.list.map((note, i) => (
          <li key={note.id} id={`${id}-note-${i + 1}`}>
            <span className="sb-footnotes__number">[{i + 1}]</span>{' '}
            <strong className={`govuk-tag ${note.kind === 'CHECK' ? 'govuk-tag--yellow' : 'govuk-tag--grey'} sb-tag`}>{note.kind === 'CHECK' ? 'Check' : 'Note'}</strong> {footnoteText(note).replace(/^(Check|Note): /, '')}{' '}
            <span className="sb-source">Source: {note.source}.</span>
          </li>
        ))}
      </ol>
      <p className="govuk-body-s">
        A noted value is shown as published, never hidden or altered. <Link href="/data-quality">How values are checked</Link>.
      </p>
    </div>
  );
}
