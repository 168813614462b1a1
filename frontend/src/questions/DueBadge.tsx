import { DutchDate } from '../shared/DutchDate';
import { DUE_LABELS, DUE_SYMBOLS } from './labels';
import type { DueState } from './types';

// The traffic light's look (progress) fits the due states: on time, nearly late, late.
const LOOKS: Record<DueState, string> = {
  'op-tijd': 'spoorboek-light spoorboek-light--op-schema',
  'bijna-verlopen': 'spoorboek-light spoorboek-light--risico',
  verlopen: 'spoorboek-light spoorboek-light--te-laat',
  afgerond: 'spoorboek-light',
};

/** The due date with its state as a shape and a word, coloured too: never colour alone. */
export function DueBadge({ due, state }: { due: string; state: DueState }) {
  return (
    <span className="spoorboek-due">
      <DutchDate value={due} />{' '}
      <span className={LOOKS[state]}>
        <span aria-hidden="true">{DUE_SYMBOLS[state]}</span> {DUE_LABELS[state]}
      </span>
    </span>
  );
}
