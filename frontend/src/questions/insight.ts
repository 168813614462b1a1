/** The length of a bar as a share of the longest (0–1); the largest count fills the cell. */
export function barShare(count: number, max: number): number {
  if (max <= 0 || count <= 0) return 0;
  return Math.min(1, count / max);
}
