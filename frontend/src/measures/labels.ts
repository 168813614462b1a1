import type { Obligation } from './types';

const OBLIGATION_LABELS: Record<Obligation, string> = {
  verplicht: 'Verplicht',
  'kan-bepaling': 'Kan-bepaling (de gemeente mag kiezen)',
};

export function obligationLabel(obligation: Obligation): string {
  return OBLIGATION_LABELS[obligation];
}
