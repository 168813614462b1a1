const DAY_MS = 24 * 60 * 60 * 1000;

/** Days since 1970 of an ISO calendar date ("2026-01-01"), counted in UTC so no zone shifts it. */
export function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

const days = (count: number) => `${count.toLocaleString('nl-NL')} ${count === 1 ? 'dag' : 'dagen'}`;

/** How far an effective date is: "over 34 dagen", "vandaag", "geldt sinds 331 dagen". */
export function untilText(daysUntil: number): string {
  if (daysUntil === 0) return 'gaat vandaag in';
  if (daysUntil > 0) return `over ${days(daysUntil)}`;
  return `geldt sinds ${days(-daysUntil)}`;
}

/** How far a due date is: "nog 34 dagen", "vandaag", "verstreken, 5 dagen geleden". */
export function dueText(daysUntil: number): string {
  if (daysUntil === 0) return 'vandaag';
  if (daysUntil > 0) return `nog ${days(daysUntil)}`;
  return `verstreken, ${days(-daysUntil)} geleden`;
}

export interface TimeScale {
  /** 0–100: where a date stands on the line, in percent of its width. */
  position: (isoDate: string) => number;
  /** The first day of each year in the range, for the tick marks. */
  years: { year: number; position: number }[];
}

/**
 * A time line that holds all `dates` with some room either side (a quarter of the span,
 * at least two months), so the first and last marks do not stick to the edges.
 */
export function timeScale(dates: string[]): TimeScale {
  const numbers = dates.map(dayNumber);
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  const margin = Math.max(61, Math.round((last - first) / 4));
  const start = first - margin;
  const end = last + margin;
  const position = (isoDate: string) => ((dayNumber(isoDate) - start) / (end - start)) * 100;
  const years: TimeScale['years'] = [];
  const firstYear = new Date(start * DAY_MS).getUTCFullYear() + 1;
  const lastYear = new Date(end * DAY_MS).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year += 1) {
    years.push({ year, position: position(`${year}-01-01`) });
  }
  return { position, years };
}

/** Which side of its mark a label extends to: centred on it, or starting or ending at it. */
export type Anchor = 'middle' | 'start' | 'end';

/** A label on the time line: where its mark is (px from the line's start) and how wide it is. */
export interface TimelineLabel {
  x: number;
  width: number;
}

/** The rows of the time line: wave labels above the line, years below it, and a row under those. */
export type TimelineRow = 'above' | 'below' | 'under';

export interface TodayPlacement {
  row: TimelineRow;
  anchor: Anchor;
}

/** How wide a label of `text` is, in px, for a font of `fontPx` (a generous average; bold text). */
export function labelWidth(text: string, fontPx: number): number {
  return Math.ceil(text.length * fontPx * 0.62) + 4;
}

/** The span a label covers, from its mark and anchor. */
export function extent({ x, width }: TimelineLabel, anchor: Anchor): [number, number] {
  if (anchor === 'start') return [x, x + width];
  if (anchor === 'end') return [x - width, x];
  return [x - width / 2, x + width / 2];
}

/**
 * Centred on its mark where it fits on the line (with `slack` px beyond either end), otherwise
 * starting or ending at the mark, so a label near an end does not run off a narrow screen.
 */
export function anchorWithin(label: TimelineLabel, lineWidth: number, slack = 0): Anchor {
  const [start, end] = extent(label, 'middle');
  if (start >= -slack && end <= lineWidth + slack) return 'middle';
  return start < -slack ? 'start' : 'end';
}

const overlaps = (a: [number, number], b: [number, number], gap: number) => a[0] < b[1] + gap && b[0] < a[1] + gap;

/**
 * Where the "Vandaag" label goes so that it never covers a wave label or a year: below the line
 * beside the years if there is room (centred, else ending or starting at its mark), otherwise
 * above the line between the wave labels, otherwise in a row of its own under the years. Wave
 * and year labels are anchored as `anchorWithin` places them.
 */
export function placeToday(
  today: TimelineLabel,
  waves: TimelineLabel[],
  years: TimelineLabel[],
  lineWidth: number,
  { gap = 8, slack = 0 }: { gap?: number; slack?: number } = {},
): TodayPlacement {
  const spans = (labels: TimelineLabel[]) => labels.map((label) => extent(label, anchorWithin(label, lineWidth, slack)));
  const rows: [TimelineRow, [number, number][]][] = [
    ['below', spans(years)],
    ['above', spans(waves)],
  ];
  const anchors: Anchor[] = ['middle', 'end', 'start'];
  for (const [row, taken] of rows) {
    for (const anchor of anchors) {
      const span = extent(today, anchor);
      const onLine = span[0] >= -slack && span[1] <= lineWidth + slack;
      if (onLine && taken.every((other) => !overlaps(span, other, gap))) return { row, anchor };
    }
  }
  return { row: 'under', anchor: anchorWithin(today, lineWidth, slack) };
}

/**
 * A year's anchor when "Vandaag" sits in the row under the years: its tick then runs through
 * the years' row, so a year it would cross starts (or ends) at its own mark, away from the tick.
 */
export function yearAnchor(year: TimelineLabel, todayX: number, lineWidth: number, slack = 0, gap = 4): Anchor {
  const anchor = anchorWithin(year, lineWidth, slack);
  const [start, end] = extent(year, anchor);
  if (todayX < start - gap || todayX > end + gap) return anchor;
  return year.x >= todayX ? 'start' : 'end';
}
