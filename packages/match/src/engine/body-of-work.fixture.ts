/**
 * A small English corpus and an expert given as three papers, shared by the tests of the
 * multi-document facets (coverage, query likelihood).
 * @module
 */
export const papers = [
  { id: 'p-graph', title: 'Graph kernels', text: 'graph kernels for molecule property prediction' },
  {
    id: 'p-mixed',
    title: 'Graph auctions',
    text: 'graph auctions with strategic bidders and mechanism design',
  },
  { id: 'p-far', title: 'Auctions', text: 'mechanism design for strategic bidders in auctions' },
  ...Array.from({ length: 12 }, (_, i) => ({
    id: `f${i}`,
    text: `protein folding dynamics sample ${i} solvent`,
  })),
];
// An expert with three papers, all on graphs and molecules.
export const expert = {
  id: 'expert',
  docs: [
    { title: 'Graph kernels', text: 'graph kernels for molecule classification' },
    { title: 'Molecule graphs', text: 'learning molecule property prediction on graph data' },
    { title: 'Kernels', text: 'graph kernels and molecule similarity' },
  ],
};
