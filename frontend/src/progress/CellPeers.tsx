/** On a cell's page: similar municipalities that already implemented the measure, and who to call there. */
export function CellPeers(props: { code: string; measure: string }) {
  void props;
  return null;
}
