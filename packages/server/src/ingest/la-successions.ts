/**
 * Local government reorganisations that affect the SEN2 series (data/README.md; the structural
 * change orders). The LA lookup marks predecessors but does not say what replaced them.
 */
export const LA_SUCCESSIONS: readonly { predecessor: string; successors: readonly string[]; fromPeriod: number; note: string }[] = [
  { predecessor: '909', successors: ['942', '943'], fromPeriod: 202324, note: 'Cumbria split into Cumberland and Westmorland and Furness, April 2023' },
  { predecessor: '928', successors: ['940', '941'], fromPeriod: 202122, note: 'Northamptonshire split into North and West Northamptonshire, April 2021' },
  { predecessor: '837', successors: ['839'], fromPeriod: 201920, note: 'Bournemouth merged into Bournemouth, Christchurch and Poole, April 2019' },
  { predecessor: '836', successors: ['839'], fromPeriod: 201920, note: 'Poole merged into Bournemouth, Christchurch and Poole, April 2019' },
  { predecessor: '835', successors: ['838', '839'], fromPeriod: 201920, note: 'Dorset County Council replaced by Dorset Council (and Christchurch moved to BCP), April 2019' },
];
