import 'reflect-metadata';
import { describe, expect, test } from '@jest/globals';
import { geography, type Succession } from './forecast-area';

// The reorganisations as the import keeps them (ingest/la-successions.ts).
const SUCCESSIONS: Succession[] = [
  { predecessor: '909', successor: '942', fromPeriod: 202324, note: 'Cumbria split' },
  { predecessor: '909', successor: '943', fromPeriod: 202324, note: 'Cumbria split' },
  { predecessor: '837', successor: '839', fromPeriod: 201920, note: 'Bournemouth merged' },
  { predecessor: '836', successor: '839', fromPeriod: 201920, note: 'Poole merged' },
  { predecessor: '835', successor: '838', fromPeriod: 201920, note: 'Dorset replaced' },
  { predecessor: '835', successor: '839', fromPeriod: 201920, note: 'Dorset replaced' },
];

describe('geography', () => {
  test('keeps an authority untouched by reorganisation as itself every year', () => {
    const kent = geography(['886'], SUCCESSIONS);
    expect([kent.codesAt(2010), kent.codesAt(2025), kent.readCodes, kent.joins]).toEqual([['886'], ['886'], ['886'], []]);
  });

  test('puts the predecessor in place of both successors of a split before it', () => {
    const cumbria = geography(['942', '943'], SUCCESSIONS);
    expect([cumbria.codesAt(2023), cumbria.codesAt(2024), cumbria.readCodes, cumbria.joins]).toEqual([['909'], ['942', '943'], ['909', '942', '943'], ['Cumbria split']]);
  });

  test('cannot form one successor of a split before it', () => {
    const cumberland = geography(['942'], SUCCESSIONS);
    expect([cumberland.codesAt(2023), cumberland.codesAt(2024), cumberland.joins]).toEqual([null, ['942'], []]);
  });

  test('puts the three predecessors in place of the two successors of a merge before it', () => {
    expect(geography(['838', '839', '886'], SUCCESSIONS).codesAt(2019)).toEqual(['835', '836', '837', '886']);
  });

  test('cannot form a predecessor after its reorganisation unless all its successors are in the area', () => {
    expect([geography(['909'], SUCCESSIONS).codesAt(2023), geography(['909'], SUCCESSIONS).codesAt(2024), geography(['909', '942', '943'], SUCCESSIONS).codesAt(2024)]).toEqual([['909'], null, ['942', '943']]);
  });
});
