/** A wave's target as an editor types it: a whole percentage 0–100, or nothing for no target. */

const WHOLE_PERCENT = /^(\d{1,3})\s*%?$/;

/** The target typed, as the API takes it: a whole percentage, null for none, undefined when it is no target. */
export function parseTarget(text: string): number | null | undefined {
  const typed = text.trim();
  if (typed === '') return null;
  const match = WHOLE_PERCENT.exec(typed);
  const value = match ? Number(match[1]) : NaN;
  return Number.isInteger(value) && value >= 0 && value <= 100 ? value : undefined;
}

/** The problem with the typed target, checked before it is sent; null when fine. */
export function targetProblem(text: string, current: number | null): string | null {
  const target = parseTarget(text);
  if (target === undefined) return 'Vul een heel getal van 0 tot en met 100 in, zoals 90, of laat het veld leeg voor geen doel.';
  if (target === current) return target === null ? 'Deze fase heeft al geen doel. Vul een percentage in.' : 'Dit is het huidige doel. Vul een ander percentage in.';
  return null;
}

/** "90%" or "geen doel", as the dashboard writes a target. */
export function targetLabel(target: number | null | undefined): string {
  return target === null || target === undefined ? 'geen doel' : `${target.toLocaleString('nl-NL')}%`;
}
