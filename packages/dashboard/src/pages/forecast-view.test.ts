import { describe, expect, test } from 'vitest';
import { parseState } from '../routing/url-state';
import { forecastVariables, readForecastForm } from './forecast-view';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const DEFAULT_FIELDS = { area: 'la', divert: '0', move: '0', cease: '0', cap: '', uprate: '3', growth: '0', sscost: '6000', method: '' };

describe('forecast view', () => {
  test('asks the API for the levers and rates as shares of one', () => {
    expect(forecastVariables(parseState('?la=886&divert=20&move=30&cease=-10&cap=5&uprate=2.5&growth=5&sscost=4000&method=trend'))).toEqual({
      area: { laCode: '886' },
      levers: { diversionToSenSupport: 0.2, specialToMainstream: 0.3, ceaseRateChange: -0.1, growthCap: 0.05 },
      upratingRate: 0.025,
      newPlansGrowth: 0.05,
      senSupportCost: 4000,
      method: 'TREND',
      laCode: '886',
      hasLa: true,
    });
  });

  test('forecasts a comparator set when asked and England without an authority', () => {
    expect([forecastVariables(parseState('?la=886&peers=region&area=set')).area, forecastVariables(parseState('?area=la')).area]).toEqual([{ peers: { kind: 'REGION' } }, { england: true }]);
  });

  test('reads a form with no cap as no cap', () => {
    expect(readForecastForm(form({ ...DEFAULT_FIELDS, divert: '20' }))).toEqual({
      forecast: { area: 'la', divert: 20, move: 0, cease: 0, cap: undefined, uprate: 3, growth: 0, senCost: 6000, method: undefined },
      errors: [],
    });
  });

  test('names each field out of range and gives no state', () => {
    expect(readForecastForm(form({ ...DEFAULT_FIELDS, divert: '80', cap: 'lots', sscost: '-1' }))).toEqual({
      errors: [
        { id: 'forecast-divert', message: 'Enter the share of new plans met at SEN support as a number from 0 to 65' },
        { id: 'forecast-cap', message: 'Enter the cap on annual growth as a number from 0 to 100, or leave it empty' },
        { id: 'forecast-sscost', message: 'Enter the SEN support cost as a number of pounds from 0 to 50,000' },
      ],
    });
  });
});
