import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { SpineChart, type SpineChartProps, spineDescription } from './SpineChart';

const kent: SpineChartProps = {
  label: '% of EHC plans in mainstream schools',
  value: 36.1,
  focusName: 'Kent',
  england: 43.6,
  median: 40,
  lowerQuartile: 36.25,
  upperQuartile: 44.1,
  min: 28.8,
  max: 52.9,
  format: { unit: 'PERCENT', decimals: 1 },
};

describe('SpineChart', () => {
  test('renders the spine as an image described in words', () => {
    render(<SpineChart {...kent} />);
    expect(screen.getByRole('img', { name: /Kent 36\.1%; comparator range 28\.8% to 52\.9%, middle half 36\.3% to 44\.1%, median 40\.0%; England 43\.6%/ })).toBeTruthy();
  });

  test('renders the focus authority as a circle and England as a diamond', () => {
    const { container } = render(<SpineChart {...kent} />);
    expect(container.querySelectorAll('circle')).toHaveLength(1);
    expect(container.querySelector('path')?.getAttribute('d')).toMatch(/Z$/);
  });

  test('renders no England mark when England is not comparable', () => {
    const { container } = render(<SpineChart {...kent} england={null} />);
    expect(container.querySelector('path')).toBeNull();
    expect(spineDescription({ ...kent, england: null })).not.toContain('England');
  });

  test('renders a message instead of a chart when there are no figures', () => {
    render(<SpineChart {...kent} value={null} england={null} min={null} max={null} median={null} lowerQuartile={null} upperQuartile={null} />);
    expect(screen.getByText('No comparator figures to draw.')).toBeTruthy();
  });

  test('places the focus authority between the range ends', () => {
    const { container } = render(<SpineChart {...kent} />);
    const x = Number(container.querySelector('circle')?.getAttribute('cx'));
    const range = container.querySelector('rect');
    const left = Number(range?.getAttribute('x'));
    expect(x).toBeGreaterThan(left);
    expect(x).toBeLessThan(left + Number(range?.getAttribute('width')));
  });
});
