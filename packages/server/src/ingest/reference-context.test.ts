import { describe, expect, test } from '@jest/globals';
import { findLaByName, type KnownAuthority, normaliseLaName, ReferenceContext } from './reference-context';

const SAME_LA = [
  { a: 'Bristol, City of', b: 'Bristol' },
  { a: 'St. Helens', b: 'St Helens' },
  { a: 'Durham', b: 'County Durham' },
  { a: 'Cumbria8', b: 'Cumbria' },
  { a: 'North Northamptonshire7', b: 'North Northamptonshire' },
  { a: 'Kingston upon Hull, City of', b: 'Kingston Upon Hull' },
  { a: 'Herefordshire, County of', b: 'Herefordshire' },
  { a: 'Bournemouth, Christchurch & Poole', b: 'Bournemouth, Christchurch and Poole' },
  { a: '  Telford and Wrekin ', b: 'Telford and Wrekin' },
];

const DIFFERENT_LAS = [
  { a: 'City of London', b: 'London' },
  { a: 'Nottingham', b: 'Nottinghamshire' },
  { a: 'North Northamptonshire', b: 'Northamptonshire' },
];

const authority = (laCode: string, name: string, isCurrent: boolean): [string, KnownAuthority] => [
  laCode,
  { laCode, name, regionCode: 'E12000009', isCurrent, firstPeriod: null },
];

const DORSETS = new ReferenceContext(new Map([authority('835', 'Dorset', false), authority('838', 'Dorset', true)]), new Map(), new Set());

describe('normaliseLaName', () => {
  test.each(SAME_LA)('matches "$a" with "$b"', ({ a, b }) => {
    expect(normaliseLaName(a)).toBe(normaliseLaName(b));
  });

  test.each(DIFFERENT_LAS)('tells "$a" from "$b"', ({ a, b }) => {
    expect(normaliseLaName(a)).not.toBe(normaliseLaName(b));
  });

  test('keeps only lower-case letters', () => {
    expect(normaliseLaName("King's Lynn-West (Norfolk)")).toBe('kingslynnwestnorfolk');
  });
});

describe('findLaByName', () => {
  test('prefers the current LA when a predecessor has the same name', () => {
    expect(findLaByName(DORSETS, 'Dorset')).toMatchObject({ laCode: '838' });
  });

  test('finds the predecessor when asked for one', () => {
    expect(findLaByName(DORSETS, 'Dorset', { preferCurrent: false })).toMatchObject({ laCode: '835' });
  });

  test('returns undefined for a name it does not know', () => {
    expect(findLaByName(DORSETS, 'Atlantis')).toBeUndefined();
  });
});
