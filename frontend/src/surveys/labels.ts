import type { AnswerKind, RoundStatus, Touchpoint } from './api';

export const TOUCHPOINT_LABELS: Record<Touchpoint, string> = {
  ondersteuning: 'Ondersteuning in het algemeen',
  producten: 'Implementatieproducten',
  bijeenkomsten: 'Bijeenkomsten',
  antwoorden: 'Antwoorden op vragen',
  overig: 'Overig',
};

export const KIND_LABELS: Record<AnswerKind, string> = {
  schaal: 'Cijfer van 1 tot en met 5',
  open: 'Open vraag',
};

export const STATUS_LABELS: Record<RoundStatus, string> = {
  concept: 'Nog niet verstuurd',
  open: 'Open',
  gesloten: 'Gesloten',
};

/** What each score means on the form. */
export const SCORE_LABELS: Record<number, string> = {
  1: 'zeer ontevreden',
  2: 'ontevreden',
  3: 'neutraal',
  4: 'tevreden',
  5: 'zeer tevreden',
};

export const TOO_FEW = 'te weinig antwoorden';

export function percentage(value: number | null): string {
  return value === null ? '–' : `${value.toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`;
}

export function mean(value: number | null): string {
  return value === null ? TOO_FEW : value.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
}
