/** Dutch grammar of counts: "1 rij", "3 rijen", "1 van 22 rijen is ongeldig". */

const number = (value: number) => value.toLocaleString('nl-NL');

/** The word that goes with `count`: singular for exactly one, plural otherwise ("0 rijen"). */
export function form(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

/** The count with its noun: "1 rij", "3 rijen", "1.024 rijen". */
export function plural(count: number, one: string, many: string): string {
  return `${number(count)} ${form(count, one, many)}`;
}

/**
 * A part of a whole with a verb: the noun agrees with the whole, the verb with the part.
 * partOf(1, 22, 'rij', 'rijen', 'is', 'zijn') is "1 van 22 rijen is".
 */
export function partOf(part: number, whole: number, one: string, many: string, verbOne: string, verbMany: string): string {
  return `${number(part)} van ${plural(whole, one, many)} ${form(part, verbOne, verbMany)}`;
}

/**
 * A change with its sign, in Dutch notation: "+4 procentpunt", "−1,5 procentpunt", "+12", or
 * "gelijk" when nothing changed. `unit` follows the number when given.
 */
export function changeText(change: number | null, unit = ''): string {
  if (change === null) return '–';
  if (change === 0) return 'gelijk';
  const magnitude = Math.abs(change).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
  return `${change > 0 ? '+' : '−'}${magnitude}${unit ? ` ${unit}` : ''}`;
}
