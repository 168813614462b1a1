/** On the dashboard: the public ICT figures, per supplier that agreed and the others together. */
export function IctFiguresSection(props: Record<string, never>) {
  void props;
  return null;
}
