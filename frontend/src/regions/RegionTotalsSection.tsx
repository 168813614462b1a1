/** On the dashboard: totals per province and labour-market region, with their tables. */
export function RegionTotalsSection(props: Record<string, never>) {
  void props;
  return null;
}
