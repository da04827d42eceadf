import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import RankedBarChart from './RankedBarChart';

const bars = [
  { code: '822', name: 'Bedford', value: 52.9, isFocus: false },
  { code: '886', name: 'Kent', value: 36.1, isFocus: true },
  { code: '845', name: 'East Sussex', value: 28.8, isFocus: false },
];

describe('RankedBarChart', () => {
  test('renders one bar per member with a value', () => {
    const { container } = render(<RankedBarChart bars={bars} england={43.6} median={36.1} format={{ unit: 'PERCENT', decimals: 1 }} width={640} />);
    expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(3);
  });

  test('renders the focus authority labelled as selected, not only coloured', () => {
    const { container } = render(<RankedBarChart bars={bars} england={43.6} median={36.1} format={{ unit: 'PERCENT', decimals: 1 }} width={640} />);
    const tick = [...container.querySelectorAll('text')].find((t) => t.textContent?.endsWith('Kent (selected)'));
    expect(tick?.getAttribute('font-weight')).toBe('700');
  });

  test('renders England and median reference lines with their values', () => {
    render(<RankedBarChart bars={bars} england={43.6} median={36.1} format={{ unit: 'PERCENT', decimals: 1 }} width={640} />);
    expect(screen.getByText('England 43.6%')).toBeTruthy();
    expect(screen.getByText('Median 36.1%')).toBeTruthy();
  });

  test('renders values as labels on the bars', () => {
    render(<RankedBarChart bars={bars} england={null} median={null} format={{ unit: 'PERCENT', decimals: 1 }} width={640} />);
    expect(screen.getByText('52.9%')).toBeTruthy();
    expect(screen.queryByText(/^England/)).toBeNull();
  });

  test('renders a provisional bar hatched and labelled provisional and P', () => {
    const withProvisional = [bars[0], { code: '886', name: 'Kent', value: 40.2, isFocus: false, provisional: true }, ...bars.slice(1)];
    const { container } = render(<RankedBarChart bars={withProvisional} england={null} median={null} format={{ unit: 'PERCENT', decimals: 1 }} width={640} />);
    const hatched = [...container.querySelectorAll('.recharts-bar-rectangle path')].filter((p) => p.getAttribute('fill') === 'url(#sb-provisional-hatch)');
    expect({ hatched: hatched.length, pattern: container.querySelectorAll('pattern#sb-provisional-hatch').length, label: screen.getByText('40.2% P').textContent }).toEqual({ hatched: 1, pattern: 1, label: '40.2% P' });
    expect([...container.querySelectorAll('text')].some((t) => t.textContent?.endsWith('Kent (provisional)'))).toBe(true);
  });
});
