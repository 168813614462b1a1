import type { Body, Outcome, SignalStatus, SignalTransition } from './types';

/**
 * The moves a signal may make, as the API allows them (api/signals/lifecycle.py TRANSITIONS; a
 * move it refuses is a 409, which the page shows). The signal's answer lists no next steps, so
 * the page offers these.
 */
export const TRANSITIONS: Record<SignalStatus, readonly SignalStatus[]> = {
  gemeld: ['in-behandeling', 'afgewezen'],
  'in-behandeling': ['doorgezet', 'afgewezen'],
  // Passed on again: to another body, or the same with a new text.
  doorgezet: ['doorgezet', 'reactie-ontvangen', 'afgewezen'],
  'reactie-ontvangen': ['teruggekoppeld'],
  teruggekoppeld: [],
  // A rejected signal may be taken up again when new evidence comes.
  afgewezen: ['in-behandeling'],
};

export function nextSteps(status: SignalStatus): readonly SignalStatus[] {
  return TRANSITIONS[status];
}

/** The button and radio label of a move. */
export function actionLabel(from: SignalStatus, to: SignalStatus): string {
  switch (to) {
    case 'in-behandeling':
      return from === 'afgewezen' ? 'Weer in behandeling nemen' : 'In behandeling nemen';
    case 'doorgezet':
      return from === 'doorgezet' ? 'Opnieuw doorzetten' : 'Doorzetten';
    case 'reactie-ontvangen':
      return 'Reactie vastleggen';
    case 'teruggekoppeld':
      return 'Teruggekoppeld aan de gemeenten';
    case 'afgewezen':
      return 'Afwijzen';
    default:
      return to;
  }
}

/** What a move does, under its radio button. */
export function actionDescription(to: SignalStatus): string {
  switch (to) {
    case 'in-behandeling':
      return 'U zoekt het uit en verzamelt bewijs.';
    case 'doorgezet':
      return 'Doorgegeven aan wie het kan veranderen: aan wie en met welke tekst.';
    case 'reactie-ontvangen':
      return 'De reactie en wat er verandert. Wie het signaal meldde of steunde, hoort het meteen.';
    case 'teruggekoppeld':
      return 'De gemeenten achter het bewijs hebben het gehoord; hun contactpersonen krijgen een melding.';
    case 'afgewezen':
      return 'Niet doorzetten, met de reden.';
    default:
      return '';
  }
}

export type TransitionField = 'aan' | 'tekst' | 'uitkomst' | 'toelichting';

export interface TransitionForm {
  aan: Body | '';
  tekst: string;
  uitkomst: Outcome | '';
  toelichting: string;
}

export const EMPTY_TRANSITION: TransitionForm = { aan: '', tekst: '', uitkomst: '', toelichting: '' };

/** The fields a move asks for, in the form's order. */
export function fieldsFor(to: SignalStatus): TransitionField[] {
  switch (to) {
    case 'doorgezet':
      return ['aan', 'tekst'];
    case 'reactie-ontvangen':
      return ['tekst', 'uitkomst', 'toelichting'];
    case 'afgewezen':
      return ['tekst'];
    default:
      return [];
  }
}

/** The label of the text field, which means something else per move (as the API's `tekst`). */
export function textLabel(to: SignalStatus): string {
  switch (to) {
    case 'doorgezet':
      return 'Wat is doorgezet';
    case 'reactie-ontvangen':
      return 'De reactie';
    case 'afgewezen':
      return 'Reden';
    default:
      return 'Tekst';
  }
}

export const TRANSITION_FIELD_LABELS: Record<TransitionField | 'naar', string> = {
  naar: 'Volgende stap',
  aan: 'Doorgezet aan',
  tekst: 'Tekst',
  uitkomst: 'Wat verandert er',
  toelichting: 'Toelichting',
};

const TEXT_MAX = 20_000;
const EXPLANATION_MAX = 10_000;

/** Checks made before sending, with the API's words where it has them. */
export function transitionProblems(to: SignalStatus, values: TransitionForm): Record<TransitionField, string | null> {
  const fields = fieldsFor(to);
  const text = values.tekst.trim();
  const textProblem = (missing: string) =>
    !text ? missing : text.length < 3 ? 'Gebruik minstens 3 tekens.' : text.length > TEXT_MAX ? `Gebruik hoogstens ${TEXT_MAX} tekens.` : null;
  return {
    aan: fields.includes('aan') && !values.aan ? 'Aan wie is het signaal doorgezet?' : null,
    tekst:
      to === 'doorgezet'
        ? textProblem('Met welke tekst is het doorgezet?')
        : to === 'reactie-ontvangen'
          ? textProblem('Wat is de reactie?')
          : to === 'afgewezen'
            ? textProblem('Waarom is het signaal afgewezen?')
            : null,
    uitkomst: to === 'reactie-ontvangen' && !values.uitkomst ? 'Wat verandert er door de reactie?' : null,
    toelichting:
      to === 'reactie-ontvangen' && values.uitkomst === 'geen' && !values.toelichting.trim()
        ? 'Waarom verandert er niets? Licht dat toe.'
        : values.toelichting.length > EXPLANATION_MAX
          ? `Gebruik hoogstens ${EXPLANATION_MAX} tekens.`
          : null,
  };
}

/** The POST body of a move: only the fields that move takes. */
export function transitionBody(to: SignalStatus, values: TransitionForm): SignalTransition {
  const body: SignalTransition = { naar: to };
  const fields = fieldsFor(to);
  if (fields.includes('aan') && values.aan) body.aan = values.aan;
  if (fields.includes('tekst')) body.tekst = values.tekst.trim();
  if (fields.includes('uitkomst') && values.uitkomst) body.uitkomst = values.uitkomst;
  if (fields.includes('toelichting') && values.toelichting.trim()) body.toelichting = values.toelichting.trim();
  return body;
}

/** Whether the signal's loop is over (its age stops). */
export function isClosed(status: SignalStatus): boolean {
  return status === 'teruggekoppeld' || status === 'afgewezen';
}
