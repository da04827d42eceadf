import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { AuthorityAutocomplete, matchAuthorities } from './AuthorityAutocomplete';

const options = [
  { code: '207', name: 'Kensington and Chelsea', codes: ['E09000020'] },
  { code: '886', name: 'Kent', codes: ['E10000016'] },
  { code: '845', name: 'East Sussex', codes: ['E10000011'] },
  { code: '938', name: 'West Sussex', codes: ['E10000032'] },
];

describe('matchAuthorities', () => {
  test('finds authorities by the start of their name, an exact name first', () => {
    expect(matchAuthorities(options, 'kent').map((o) => o.code)).toEqual(['886']);
    expect(matchAuthorities(options, 'ken').map((o) => o.code)).toEqual(['207', '886']);
  });

  test('finds authorities by a word in their name', () => {
    expect(matchAuthorities(options, 'sus').map((o) => o.name)).toEqual(['East Sussex', 'West Sussex']);
  });

  test('finds authorities by DfE number or E-code', () => {
    expect(matchAuthorities(options, '886').map((o) => o.name)).toEqual(['Kent']);
    expect(matchAuthorities(options, 'E10000016').map((o) => o.name)).toEqual(['Kent']);
  });
});

describe('AuthorityAutocomplete', () => {
  test('selects a suggestion with the keyboard', () => {
    const onSelect = vi.fn();
    render(<AuthorityAutocomplete label="Local authority" options={options} onSelect={onSelect} />);
    const box = screen.getByRole('combobox', { name: 'Local authority' });
    fireEvent.change(box, { target: { value: 'ken' } });
    expect(screen.getAllByRole('option')).toHaveLength(2);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledWith('886');
  });

  test('announces how many suggestions there are', () => {
    render(<AuthorityAutocomplete label="Local authority" options={options} onSelect={() => {}} />);
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'sussex' } });
    expect(screen.getByRole('status').textContent).toBe('2 results available');
  });

  test('renders the chosen authority by name', () => {
    render(<AuthorityAutocomplete label="Local authority" options={options} value="886" onSelect={() => {}} />);
    expect((screen.getByRole('combobox') as HTMLInputElement).value).toBe('Kent');
  });
});
