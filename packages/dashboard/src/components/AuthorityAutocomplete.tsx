import { useId, useMemo, useState } from 'react';

export interface AuthorityOption {
  code: string;
  name: string;
  /** Other codes it can be found by (E-codes). */
  codes: readonly string[];
  /** Shown after the name, e.g. the region. */
  detail?: string;
}

export interface AuthorityAutocompleteProps {
  label: string;
  hint?: string;
  options: readonly AuthorityOption[];
  /** Code of the chosen authority (its name fills the box). */
  value?: string;
  onSelect: (code: string) => void;
  /** Empty the box after a choice (for "add an authority" lists). */
  clearOnSelect?: boolean;
  /** Codes not offered (already chosen). */
  exclude?: readonly string[];
  maxResults?: number;
}

/** Options matching what was typed: names containing it first (those starting with it before others), then codes. */
export function matchAuthorities(options: readonly AuthorityOption[], text: string, limit = 10, exclude: readonly string[] = []): AuthorityOption[] {
  const query = text.trim().toLowerCase();
  if (!query) return [];
  const scored: { option: AuthorityOption; score: number }[] = [];
  for (const option of options) {
    if (exclude.includes(option.code)) continue;
    const name = option.name.toLowerCase();
    let score = Number.NaN;
    if (name === query) score = -0.5;
    else if (name.startsWith(query)) score = 0;
    else if (name.split(/[\s,-]+/).some((word) => word.startsWith(query))) score = 1;
    else if (name.includes(query)) score = 2;
    else if ([option.code, ...option.codes].some((code) => code.toLowerCase().startsWith(query))) score = 3;
    if (!Number.isNaN(score)) scored.push({ option, score });
  }
  return scored.sort((a, b) => a.score - b.score || a.option.name.localeCompare(b.option.name)).slice(0, limit).map((s) => s.option);
}

/**
 * An accessible autocomplete (the ARIA 1.2 combobox pattern, as in GOV.UK's accessible-autocomplete):
 * type part of a name or a code, move through suggestions with the arrow keys, Enter to choose,
 * Escape to close. The number of suggestions is announced.
 */
export function AuthorityAutocomplete({ label, hint, options, value, onSelect, clearOnSelect, exclude, maxResults = 10 }: AuthorityAutocompleteProps) {
  const id = useId().replace(/:/g, '');
  const selected = options.find((o) => o.code === value);
  const [text, setText] = useState<string>();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const shown = text ?? (clearOnSelect ? '' : (selected?.name ?? ''));
  const results = useMemo(() => (open ? matchAuthorities(options, shown, maxResults, exclude) : []), [open, options, shown, maxResults, exclude]);
  const expanded = open && results.length > 0;

  const choose = (option: AuthorityOption) => {
    onSelect(option.code);
    setText(clearOnSelect ? '' : undefined);
    setOpen(false);
    setActive(0);
  };

  return (
    <div className="govuk-form-group sb-autocomplete">
      <label className="govuk-label govuk-label--s" htmlFor={`${id}-input`}>
        {label}
      </label>
      {hint && (
        <div className="govuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <div className="sb-autocomplete__wrapper">
        <input
          id={`${id}-input`}
          className="govuk-input sb-autocomplete__input"
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-listbox`}
          aria-describedby={hint ? `${id}-hint` : undefined}
          aria-activedescendant={expanded ? `${id}-option-${active}` : undefined}
          value={shown}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => text !== undefined && setOpen(true)}
          onBlur={() => {
            setOpen(false);
            if (!clearOnSelect) setText(undefined);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              if (!open) setOpen(true);
              setActive((i) => Math.min(i + 1, Math.max(results.length - 1, 0)));
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setActive((i) => Math.max(i - 1, 0));
            } else if (event.key === 'Enter') {
              if (expanded) {
                event.preventDefault();
                choose(results[active] ?? results[0]);
              }
            } else if (event.key === 'Escape') {
              setOpen(false);
            }
          }}
        />
        <ul id={`${id}-listbox`} role="listbox" aria-label={label} className={`sb-autocomplete__menu${expanded ? ' sb-autocomplete__menu--open' : ''}`}>
          {expanded &&
            results.map((option, i) => (
              <li
                key={option.code}
                id={`${id}-option-${i}`}
                role="option"
                aria-selected={i === active}
                className={`sb-autocomplete__option${i === active ? ' sb-autocomplete__option--active' : ''}`}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(option)}
              >
                {option.name} <span className="sb-autocomplete__detail">({option.code}{option.detail ? `, ${option.detail}` : ''})</span>
              </li>
            ))}
        </ul>
      </div>
      <div className="govuk-visually-hidden" role="status" aria-live="polite">
        {open && shown.trim() ? `${results.length} ${results.length === 1 ? 'result' : 'results'} available` : ''}
      </div>
    </div>
  );
}
