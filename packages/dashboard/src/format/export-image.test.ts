import { describe, expect, test } from 'vitest';
import { composeSvg, wrapText } from './export-image';

describe('wrapText', () => {
  test('breaks long lines at spaces to fit the width', () => {
    const lines = wrapText('Contains public sector information licensed under the Open Government Licence v3.0.', 200, 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Contains public sector information licensed under the Open Government Licence v3.0.');
  });
});

describe('composeSvg', () => {
  test('stacks the panel charts under the title with the source and licence', () => {
    const panel = document.createElement('div');
    panel.innerHTML = '<svg data-export="" data-export-label="Kent &amp; England" width="320" height="36"><rect width="10" height="10"/></svg>';
    const { svg } = composeSvg(panel, { title: 'Plans <January>', footer: ['Source: DfE', 'Contains public sector information licensed under the Open Government Licence v3.0.'] });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Plans &lt;January&gt;');
    expect(svg).toContain('Kent &amp; England');
    expect(svg).toContain('<rect width="10" height="10"');
    expect(svg).toContain('Contains public sector information licensed');
    expect(svg).toContain('Licence v3.0.');
  });
});
