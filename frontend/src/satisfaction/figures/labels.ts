import type { Grouping, PeriodKind, Touchpoint } from './types';

export const TOUCHPOINT_LABELS: Record<Touchpoint, string> = {
  antwoorden: 'Antwoorden op vragen',
  producten: 'Implementatieproducten',
  peiling: 'Peiling onder contactpersonen',
  bijeenkomsten: 'Bijeenkomsten',
};

export const GROUPING_LABELS: Record<Grouping, string> = {
  land: 'Landelijk',
  maatregel: 'Per maatregel',
  thema: 'Per thema',
  fase: 'Per fase',
  provincie: 'Per provincie',
  arbeidsmarktregio: 'Per arbeidsmarktregio',
  adviseur: 'Per adviseur',
};

export const PERIOD_LABELS: Record<PeriodKind, string> = { kwartaal: 'Per kwartaal', maand: 'Per maand' };

export const TOO_FEW = 'te weinig antwoorden';

/** A mean score of 1 to 5 in Dutch ("3,8"), or what stands in its place. */
export function scoreText(value: number | null, withheld: boolean): string {
  if (withheld) return TOO_FEW;
  return value === null ? '–' : value.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** A share (0–1) as a whole percentage ("64%"), or what stands in its place. */
export function shareText(value: number | null, withheld: boolean): string {
  if (withheld) return TOO_FEW;
  return value === null ? '–' : `${Math.round(value * 100)}%`;
}

export function countText(value: number | null, withheld: boolean): string {
  if (withheld) return TOO_FEW;
  return value === null ? '–' : value.toLocaleString('nl-NL');
}

/** A group's name; a measure with its code first ("M01 Giftenvrijlating"), as the dashboard shows it. */
export function groupName(group: { code: string; naam: string }): string {
  return /^M\d{2}$/.test(group.code) ? `${group.code} ${group.naam}` : group.naam;
}
