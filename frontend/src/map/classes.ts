import { percentText } from '../progress/labels';
import type { Indicator, Level } from './types';

export interface ValueClass {
  label: string;
  /** Whether a value falls in this class. */
  holds: (value: number) => boolean;
}

export const INDICATORS: readonly Indicator[] = ['aandeel-geimplementeerd', 'tekort', 'te-laat'];

export const INDICATOR_LABELS: Record<Indicator, string> = {
  'aandeel-geimplementeerd': 'Aandeel geïmplementeerd',
  tekort: 'Implementatietekort',
  'te-laat': 'Aantal maatregelen te laat',
};

/** What a missing value means, per indicator. */
export const NO_VALUE_LABELS: Record<Indicator, string> = {
  'aandeel-geimplementeerd': 'Geen gegevens',
  tekort: 'Nog geen maatregel die geldt',
  'te-laat': 'Geen gegevens',
};

export function isIndicator(value: string | null): value is Indicator {
  return value !== null && (INDICATORS as readonly string[]).includes(value);
}

const range = (min: number, max: number, label: string): ValueClass => ({ label, holds: (value) => value >= min && value < max });

/**
 * Five fixed classes per indicator, darker meaning more. Fixed (not quantiles) so a colour means
 * the same on every visit and for every wave or measure.
 */
export const CLASSES: Record<Indicator, ValueClass[]> = {
  'aandeel-geimplementeerd': [
    range(0, 0.2, '0 tot 20%'),
    range(0.2, 0.4, '20 tot 40%'),
    range(0.4, 0.6, '40 tot 60%'),
    range(0.6, 0.8, '60 tot 80%'),
    range(0.8, Infinity, '80 tot en met 100%'),
  ],
  tekort: [
    range(0, 1e-9, '0%'),
    range(1e-9, 0.1, 'meer dan 0 tot 10%'),
    range(0.1, 0.2, '10 tot 20%'),
    range(0.2, 0.4, '20 tot 40%'),
    range(0.4, Infinity, '40% of meer'),
  ],
  'te-laat': [range(0, 1, 'geen'), range(1, 3, '1 of 2'), range(3, 5, '3 of 4'), range(5, 7, '5 of 6'), range(7, Infinity, '7 of meer')],
};

/**
 * Per province or region, `te-laat` is the average number of late measures per municipality
 * (one decimal): the same scale as a municipality's count, with classes that say so.
 */
const AVERAGE_LATE: ValueClass[] = [
  range(0, 1, 'minder dan 1'),
  range(1, 3, '1 tot 3'),
  range(3, 5, '3 tot 5'),
  range(5, 7, '5 tot 7'),
  range(7, Infinity, '7 of meer'),
];

/** The classes of an indicator at a level of the map. */
export function classesFor(indicator: Indicator, level: Level = 'gemeente'): ValueClass[] {
  return indicator === 'te-laat' && level !== 'gemeente' ? AVERAGE_LATE : CLASSES[indicator];
}

/** What the colour shows, at a level of the map. */
export function indicatorLabel(indicator: Indicator, level: Level = 'gemeente'): string {
  return indicator === 'te-laat' && level !== 'gemeente'
    ? 'Gemiddeld aantal maatregelen te laat per gemeente'
    : INDICATOR_LABELS[indicator];
}

/** The class index (0–4) of a value, or -1 when there is no value. */
export function classOf(indicator: Indicator, value: number | null, level: Level = 'gemeente'): number {
  if (value === null) return -1;
  return classesFor(indicator, level).findIndex((valueClass) => valueClass.holds(value));
}

/** The value as text: "39%" for shares, "3 te laat" for the count, "2,4 te laat per gemeente" for its average. */
export function valueText(indicator: Indicator, value: number | null, level: Level = 'gemeente'): string {
  if (value === null) return NO_VALUE_LABELS[indicator];
  if (indicator === 'te-laat') return `${value.toLocaleString('nl-NL')} te laat${level === 'gemeente' ? '' : ' per gemeente'}`;
  return percentText(value);
}
