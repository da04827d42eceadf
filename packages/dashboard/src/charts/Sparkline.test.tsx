import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { Sparkline, sparklineDescription } from './Sparkline';

const format = { unit: 'PERCENT', decimals: 1 } as const;
const points = [
  { label: 'January 2022', value: 33.5 },
  { label: 'January 2023', value: null },
  { label: 'January 2024', value: 34.8 },
  { label: 'January 2025', value: 36.1 },
];

describe('Sparkline', () => {
  test('renders a gap where a period has no figure', () => {
    const { container } = render(<Sparkline label="Mainstream, Kent" points={points} format={format} />);
    expect(container.querySelectorAll('path')).toHaveLength(2);
  });

  test('renders a text alternative with the first and latest figures', () => {
    render(<Sparkline label="Mainstream, Kent" points={points} format={format} />);
    expect(screen.getByRole('img', { name: 'Mainstream, Kent: from 33.5% in January 2022 to 36.1% in January 2025. 1 period has no figure.' })).toBeTruthy();
  });

  test('renders words instead of a line for a single figure', () => {
    expect(sparklineDescription('Needs', [{ label: 'January 2025', value: 31.2 }], format)).toBe('Needs: 31.2% in January 2025 only.');
  });
});
