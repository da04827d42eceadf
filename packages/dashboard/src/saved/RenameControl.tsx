import { type FormEvent, useId, useState } from 'react';
import { NameField } from './NameField';

export interface RenameControlProps {
  /** The set's or view's name now. */
  name: string;
  /** Saves the new name: undefined when saved, else what went wrong (shown as the field's error). */
  onRename: (name: string) => Promise<string | undefined>;
}

/**
 * "Rename" for a saved set or view: the button opens the name in a GOV.UK text input with "Save
 * name" and "Cancel"; an empty name or a name the API refuses is said on the field.
 */
export function RenameControl({ name, onRename }: RenameControlProps) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(name);
  const [problem, setProblem] = useState<string>();
  if (!editing) {
    return (
      <button
        type="button"
        className="govuk-button govuk-button--secondary sb-button--small"
        onClick={() => {
          setValue(name);
          setProblem(undefined);
          setEditing(true);
        }}
      >
        Rename<span className="govuk-visually-hidden"> {name}</span>
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = value.trim();
    if (!wanted) return setProblem('Enter a name');
    const refused = await onRename(wanted);
    if (refused) return setProblem(refused);
    setEditing(false);
  };
  return (
    <form className="sb-rename" onSubmit={(event) => void submit(event)} noValidate>
      <NameField id={`rename-${id}`} label={`New name for “${name}”`} value={value} onChange={setValue} problem={problem} />
      <button type="submit" className="govuk-button govuk-button--secondary sb-button--small">
        Save name
      </button>{' '}
      <button type="button" className="govuk-button govuk-button--secondary sb-button--small" onClick={() => setEditing(false)}>
        Cancel
      </button>
    </form>
  );
}
