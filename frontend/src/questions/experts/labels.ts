import type { ExpertState } from './api';

/** The filter's order: what waits for an answer first. */
export const EXPERT_STATES: readonly ExpertState[] = ['open', 'beantwoord', 'ingetrokken'];

export const EXPERT_STATE_LABELS: Record<ExpertState, string> = {
  open: 'Open',
  beantwoord: 'Beantwoord',
  ingetrokken: 'Ingetrokken',
};

/** What each state means for the expert (the filter's and the request page's words). */
export const EXPERT_STATE_DESCRIPTIONS: Record<ExpertState, string> = {
  open: 'Wacht op uw antwoord.',
  beantwoord: 'Uw organisatie heeft geantwoord.',
  ingetrokken: 'De adviseur heeft de vraag teruggenomen; een antwoord is niet meer nodig.',
};

export function isExpertState(value: string | null): value is ExpertState {
  return value !== null && (EXPERT_STATES as readonly string[]).includes(value);
}
