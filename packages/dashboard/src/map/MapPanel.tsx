import { lazy } from 'react';
import { ChartPanel } from '../components/ChartPanel';
import type { TableSpec } from '../components/DataTable';
import { csvValue, formatCount, formatValue, quartileLabel, statusDescription, type UnitCode, unitLabel } from '../format/format-value';
import { type Footnote, footnoteCell, numberFootnotes } from '../format/notes';
import { publicationsOf } from '../format/sources';
import { navigate } from '../routing/router';
import { hrefFor, type UrlState, type View } from '../routing/url-state';
import type { MapScale, PolarityCode } from './colour-scale';
import type { HexDatum } from './HexMap';

const HexMap = Object.assign(
  lazy(() => import('./HexMap')),
  { preload: () => void import('./HexMap') },
);

/** Every map says where its layout comes from (MIT licence of the hexmap, see map/README.md). */
export const HEXMAP_ATTRIBUTION = 'Hex map layout: Open Innovations (ODI Leeds) hexmaps, MIT licence, adapted for 2023 boundaries.';

export interface MapMember {
  authority: { code: string; name: string };
  value: { value?: number | null; status: string; notes: readonly Footnote[] };
  rank?: number | null;
  quartileBand?: number | null;
}

export interface MapPanelProps {
  id: string;
  metric: { label: string; unit: string; decimals: number; polarity: string; source: string };
  period: { label: string };
  /** Every authority of England, as the comparison over England's set gives them. */
  members: readonly MapMember[];
  state: UrlState;
  /** The comparator set outlined on the map. */
  peers: ReadonlySet<string>;
  peersLabel: string;
  scale: MapScale;
  view: View;
  viewHref: (view: View) => string;
}

/** The hex map of one metric and period with its table twin, CSV and image downloads, and its attribution. */
export function MapPanel({ id, metric, period, members, state, peers, peersLabel, scale, view, viewHref }: MapPanelProps) {
  const format = { unit: metric.unit as UnitCode, decimals: metric.decimals };
  const footnotes = numberFootnotes(members.map((m) => m.value.notes));
  const data = new Map<string, HexDatum>(
    members.map((m) => [m.authority.code, { value: m.value.value ?? null, status: m.value.status, band: m.quartileBand ?? null, marker: footnotes.marker(m.value.notes) }]),
  );
  const withValue = members.filter((m) => m.value.value !== null && m.value.value !== undefined);
  const focus = members.find((m) => m.authority.code === state.la);
  const title = `${metric.label}, ${period.label}: every authority`;
  const summary =
    `A hex map of England's ${formatCount(members.length)} authorities, one cell each, coloured ${scale === 'quartile' ? 'by quartile band' : 'on a continuous scale'}; ` +
    `${formatCount(withValue.length)} have a figure and ${formatCount(members.length - withValue.length)} are hatched with their symbol.` +
    (focus ? ` ${focus.authority.name} is outlined: ${formatValue(focus.value.value, focus.value.status, format)}${footnotes.marker(focus.value.notes)}${focus.quartileBand ? ` (${quartileLabel(focus.quartileBand).toLowerCase()})` : ''}.` : '') +
    (peers.size ? ` ${peersLabel} are outlined with dashes.` : '');
  const table: TableSpec = {
    caption: `${metric.label} (${unitLabel(format.unit)}), ${period.label}: every authority in England`,
    columns: [{ header: 'Authority' }, { header: 'Code' }, { header: `Value (${unitLabel(format.unit)})`, numeric: true }, { header: 'Status' }, { header: 'Rank' }, { header: 'Quartile band' }, { header: 'Comparator' }, { header: 'Data-quality notes' }],
    rows: members.map((m) => ({
      key: m.authority.code,
      isFocus: m.authority.code === state.la,
      cells: [
        { text: m.authority.name, csv: m.authority.name },
        { text: m.authority.code, csv: m.authority.code },
        { text: `${formatValue(m.value.value, m.value.status, format)}${footnotes.marker(m.value.notes)}`, csv: csvValue(m.value.value, m.value.status, format.decimals) },
        { text: m.value.status === 'value' ? 'value' : `${m.value.status}: ${statusDescription(m.value.status)}`, csv: m.value.status },
        { text: m.rank ? String(m.rank) : '', csv: m.rank ?? '' },
        { text: m.rank ? quartileLabel(m.quartileBand ?? null) : '', csv: m.quartileBand ?? '' },
        { text: peers.has(m.authority.code) ? 'yes' : '', csv: peers.has(m.authority.code) ? 'yes' : '' },
        { text: footnoteCell(footnotes, m.value.notes), csv: footnoteCell(footnotes, m.value.notes) },
      ],
    })),
  };
  return (
    <ChartPanel
      id={id}
      title={title}
      summary={summary}
      view={view}
      viewHref={viewHref}
      table={table}
      source={publicationsOf([metric.source]).join('; ')}
      notes={[`Unit: ${unitLabel(format.unit)}. Period: ${period.label}. Outlined: ${peersLabel}.`, HEXMAP_ATTRIBUTION]}
      csvNotes={[`Full source: ${metric.source}`]}
      footnotes={footnotes}
      chartIsImage={false}
      after={<p className="govuk-body-s sb-source">{HEXMAP_ATTRIBUTION}</p>}
      chart={
        <HexMap
          data={data}
          scale={scale}
          polarity={metric.polarity as PolarityCode}
          format={format}
          focus={state.la}
          peers={peers}
          title={title}
          onOpen={(code) => navigate(hrefFor('profile', { la: code, peers: state.peers, custom: state.custom }), { focusHeading: true })}
        />
      }
    />
  );
}

MapPanel.preload = HexMap.preload;
