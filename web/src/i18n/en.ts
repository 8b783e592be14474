/** English UI text, the reference the other languages translate. */
export const en = {
  tagline: 'Who sits where · who pays whom · every line sourced',
  language: 'Language',
  search: {
    placeholder: 'Search a person, organisation, agency…',
    results: 'Search results',
  },
  panel: {
    introTitle: 'Details & evidence',
    introBody:
      'Select a person, an organisation or a connection on the canvas to read what it is and the source quotes behind it.',
    tipExpand: '<k>Double-click</k> a node to bring in its connections.',
    tipPaths: '<k>Shift</k> + click two nodes, then <b>Find paths</b>, to see how they are linked.',
    tipSources: 'Every line on the canvas is sourced: click it to read the quote.',
    tipConflicts: 'The <b>Conflicts</b> tab lists patterns found in the data; click one to see its evidence here.',
  },
  rail: {
    label: 'Conflicts, money, paths and legend',
    tabs: 'Left rail',
    conflicts: 'Conflicts',
    money: 'Money',
    paths: 'Paths',
    legend: 'Legend',
  },
  canvas: {
    region: 'Relationship graph',
    toolbar: 'Canvas',
    fit: 'Fit',
    layout: 'Layout',
    layouts: { force: 'Force', hierarchy: 'Top-down', flow: 'Left to right', concentric: 'Around selection' },
    table: 'Table',
    clear: 'Clear canvas',
    undo: 'Undo',
    redo: 'Redo',
    graphLabel: 'Graph of {{nodes}} entities and {{edges}} connections',
    status: '{{nodes}} entities · {{edges}} connections',
    loading: 'Loading connections…',
    emptyTitle: 'Start with a name',
    emptyBody: 'Search for a person, company or agency above. Double-click it on the canvas to see who it is tied to.',
  },
  time: {
    label: 'As of',
    slider: 'As-of year',
    date: 'As-of date',
    all: 'All dates',
    now: 'Today',
    hideUndated: 'Hide undated',
    undatedHint: 'Faded lines have no dates in their sources',
  },
  filter: {
    status: 'Status',
    statuses: { reported: 'Reported', confirmed: 'Confirmed', alleged: 'Alleged', inferred: 'Inferred' },
    minSources: 'At least {{count}} source',
    minSources_other: 'At least {{count}} sources',
    minSourcesLabel: 'Minimum distinct sources',
    types: 'Relationship types',
  },
};

export type Resources = typeof en;
