import type { BlockerKind, Phase, Source, TrafficLight } from './types';

/** The implementation phases, in their order (the API writes them without diacritics). */
export const PHASES: readonly Phase[] = ['niet-gestart', 'orienterend', 'voorbereidend', 'geimplementeerd', 'geevalueerd'];

export const PHASE_LABELS: Record<Phase, string> = {
  'niet-gestart': 'Niet gestart',
  orienterend: 'Oriënterend',
  voorbereidend: 'Voorbereidend',
  geimplementeerd: 'Geïmplementeerd',
  geevalueerd: 'Geëvalueerd',
};

/** Two letters per phase, for the cells of the heat map (explained in its legend). */
export const PHASE_ABBREVIATIONS: Record<Phase, string> = {
  'niet-gestart': 'NG',
  orienterend: 'OR',
  voorbereidend: 'VB',
  geimplementeerd: 'GI',
  geevalueerd: 'GE',
};

export const LIGHTS: readonly TrafficLight[] = ['op-schema', 'risico', 'te-laat'];

export const LIGHT_LABELS: Record<TrafficLight, string> = {
  'op-schema': 'Op schema',
  risico: 'Risico',
  'te-laat': 'Te laat',
};

/**
 * A shape per light, so it never depends on colour alone: a check mark, a warning triangle, a
 * cross. Shown next to the word, hidden from screen readers (they read the word).
 */
export const LIGHT_SYMBOLS: Record<TrafficLight, string> = {
  'op-schema': '✓',
  risico: '▲',
  'te-laat': '✕',
};

export const SOURCE_LABELS: Record<Source, string> = {
  persoon: 'gemeente',
  script: 'script van de gemeente',
  programma: 'programmateam',
};

/** The kinds of blocker, in the API's order, with the words the API's documentation uses. */
export const BLOCKER_KINDS: readonly BlockerKind[] = [
  'wet-en-regelgeving',
  'ict-en-leveranciers',
  'financien',
  'uitvoering-en-capaciteit',
  'ketenpartners',
  'implementatieproducten',
];

export const BLOCKER_KIND_LABELS: Record<BlockerKind, string> = {
  'wet-en-regelgeving': 'Wet- en regelgeving',
  'ict-en-leveranciers': 'ICT en leveranciers',
  financien: 'Financiën',
  'uitvoering-en-capaciteit': 'Uitvoering en capaciteit',
  ketenpartners: 'Ketenpartners',
  implementatieproducten: 'Implementatieproducten',
};

export function isBlockerKind(value: string | null | undefined): value is BlockerKind {
  return typeof value === 'string' && value in BLOCKER_KIND_LABELS;
}

/** A kind the API might add later is shown as it comes. */
export function blockerKindLabel(value: string): string {
  return isBlockerKind(value) ? BLOCKER_KIND_LABELS[value] : value;
}

export function isPhase(value: string | null | undefined): value is Phase {
  return typeof value === 'string' && value in PHASE_LABELS;
}

export function isTrafficLight(value: string | null | undefined): value is TrafficLight {
  return typeof value === 'string' && value in LIGHT_LABELS;
}

/** A phase or light the API might add later is shown as it comes rather than breaking the page. */
export function phaseLabel(value: string): string {
  return isPhase(value) ? PHASE_LABELS[value] : value;
}

export function lightLabel(value: string): string {
  return isTrafficLight(value) ? LIGHT_LABELS[value] : value;
}

const days = (count: number) => `${count} ${count === 1 ? 'dag' : 'dagen'}`;

/** The slack in words: "nog 12 dagen", "vandaag", "3 dagen te laat met starten"; "–" when none. */
export function slackText(slack: number | null): string {
  if (slack === null) return '–';
  if (slack === 0) return 'vandaag beginnen';
  if (slack > 0) return `nog ${days(slack)}`;
  return `${days(-slack)} over de starttermijn`;
}

/** "39%" from a share of 0–1; "–" for null. */
export function percentText(share: number | null): string {
  if (share === null) return '–';
  return `${Math.round(share * 100).toLocaleString('nl-NL')}%`;
}
