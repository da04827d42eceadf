/**
 * Chart colours from the GOV.UK palette, each at least 3:1 against white (WCAG 1.4.11), paired
 * with a dash pattern and marker shape so that no series is told apart by colour alone.
 */
export const SERIES_STYLES = {
  focus: { colour: '#1d70b8', dash: undefined, marker: 'circle' },
  region: { colour: '#4c2c92', dash: '8 4', marker: 'square' },
  england: { colour: '#0b0c0c', dash: '2 3', marker: 'diamond' },
  peerAggregate: { colour: '#00703c', dash: '12 4 2 4', marker: 'triangle' },
  peerMedian: { colour: '#d4351c', dash: '4 4', marker: 'cross' },
} as const;

export type SeriesRole = keyof typeof SERIES_STYLES;
export type MarkerShape = (typeof SERIES_STYLES)[SeriesRole]['marker'];

export const BAR_COLOURS = { focus: '#1d70b8', other: '#b1b4b6', otherStroke: '#505a5f' } as const;

/** An SVG path of a marker centred on (x, y). */
export function markerPath(shape: MarkerShape, x: number, y: number, r = 4.5): string {
  switch (shape) {
    case 'circle':
      return `M ${x - r} ${y} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0`;
    case 'square':
      return `M ${x - r} ${y - r} h ${2 * r} v ${2 * r} h ${-2 * r} Z`;
    case 'diamond':
      return `M ${x} ${y - r - 1} L ${x + r + 1} ${y} L ${x} ${y + r + 1} L ${x - r - 1} ${y} Z`;
    case 'triangle':
      return `M ${x} ${y - r - 1} L ${x + r + 1} ${y + r} L ${x - r - 1} ${y + r} Z`;
    case 'cross':
      return `M ${x - r} ${y - r} L ${x + r} ${y + r} M ${x + r} ${y - r} L ${x - r} ${y + r}`;
  }
}

/** Scatter groups: shape and fill differ as well as colour. */
export const SCATTER_STYLES = {
  other: { colour: '#505a5f', shape: 'circle', fill: 'none', label: 'Other authorities' },
  highlighted: { colour: '#1d70b8', shape: 'triangle', fill: '#1d70b8', label: 'Comparator set' },
  focus: { colour: '#d4351c', shape: 'diamond', fill: '#d4351c', label: 'Selected authority' },
} as const;
