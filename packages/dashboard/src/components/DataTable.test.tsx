import { render, screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { DataTable } from './DataTable';

test('renders the focus row marked in words as selected', () => {
  render(
    <DataTable
      table={{
        caption: 'Mainstream share',
        columns: [{ header: 'Authority' }, { header: 'Value (%)', numeric: true }],
        rows: [
          { key: '886', isFocus: true, cells: [{ text: 'Kent', csv: 'Kent' }, { text: '36.1%', csv: 36.1 }] },
          { key: '873', cells: [{ text: 'Cambridgeshire', csv: 'Cambridgeshire' }, { text: 'x', csv: 'x' }] },
        ],
      }}
    />,
  );
  const table = screen.getByRole('table', { name: 'Mainstream share' });
  const kent = within(table).getByRole('row', { name: /Kent/ });
  expect(within(kent).getByText('Selected')).toBeTruthy();
  expect(within(table).getByRole('row', { name: /Cambridgeshire/ }).textContent).toContain('x');
});
