import type { ParsedFile } from '../parsed-file';
import type { ReferenceContext } from '../reference-context';
import type { SourceFile } from '../source-file';
import { eesTidyReader } from './ees-tidy.reader';
import { laLookupReader } from './la-lookup.reader';
import { programmeMembershipReader } from './programme-membership.reader';
import { statisticalNeighboursReader } from './statistical-neighbours.reader';
import { tribunalAppealRateReader } from './tribunal-appeal-rate.reader';

/** What a reader found a file to be, before reading it whole. */
export interface Recognised {
  reader: string;
  /** Reference files load first: data files are validated against the LAs they define. */
  order: number;
  read(reference: ReferenceContext): ParsedFile;
}

/** The order of data files (EES tidy files, the tribunal table): after every reference file. */
export const DATA_FILE_ORDER = 2;

/** Chooses a reader from the file's content (header, title, JSON keys) — never from its name. */
export function recognise(file: SourceFile): Recognised | undefined {
  if (laLookupReader.recognises(file)) return { reader: laLookupReader.name, order: 0, read: (ref) => laLookupReader.read(file, ref) };
  if (programmeMembershipReader.recognises(file)) {
    return { reader: programmeMembershipReader.name, order: 1, read: (ref) => programmeMembershipReader.read(file, ref) };
  }
  if (statisticalNeighboursReader.recognises(file)) {
    return { reader: statisticalNeighboursReader.name, order: 1, read: (ref) => statisticalNeighboursReader.read(file, ref) };
  }
  if (tribunalAppealRateReader.recognises(file)) {
    return { reader: tribunalAppealRateReader.name, order: DATA_FILE_ORDER, read: (ref) => tribunalAppealRateReader.read(file, ref) };
  }
  const dataset = eesTidyReader.recognises(file);
  if (dataset) return { reader: `${eesTidyReader.name}: ${dataset.id}`, order: DATA_FILE_ORDER, read: (ref) => eesTidyReader.read(file, dataset, ref) };
  return undefined;
}
