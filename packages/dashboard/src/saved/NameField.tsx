import type { KeyboardEvent } from 'react';

export interface NameFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** What is wrong with the name, shown as the GOV.UK error message. */
  problem?: string;
  className?: string;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
}

/** The name of a view or set to save: a GOV.UK text input with its label and error message. */
export function NameField({ id, label, value, onChange, problem, className = '', onKeyDown }: NameFieldProps) {
  return (
    <div className={`govuk-form-group ${className}${problem ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      {problem && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {problem}
        </p>
      )}
      <input
        className={`govuk-input govuk-input--width-20${problem ? ' govuk-input--error' : ''}`}
        id={id}
        name="name"
        type="text"
        maxLength={100}
        value={value}
        aria-describedby={problem ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
