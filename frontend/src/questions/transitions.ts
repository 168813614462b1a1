import type { Question, QuestionStatus, Transition } from './types';

/** What one status action needs from the advisor. */
export type TransitionField = 'behandelaarId' | 'expertOrganisatie' | 'expertTermijn' | 'antwoord' | 'toelichting';

export interface TransitionForm {
  behandelaarId: string;
  expertOrganisatie: string;
  expertTermijn: string;
  antwoord: string;
  toelichting: string;
}

export const EMPTY_TRANSITION: TransitionForm = {
  behandelaarId: '',
  expertOrganisatie: '',
  expertTermijn: '',
  antwoord: '',
  toelichting: '',
};

export const TRANSITION_FIELD_LABELS: Record<TransitionField, string> = {
  behandelaarId: 'Behandelaar',
  expertOrganisatie: 'Organisatie van de expert',
  expertTermijn: 'Termijn voor de expert',
  antwoord: 'Antwoord',
  toelichting: 'Toelichting',
};

const REOPENED_FROM: readonly QuestionStatus[] = ['beantwoord', 'gesloten'];

/** The kind of action a move from `from` to `to` is; it decides the button and the fields. */
export type ActionKind = 'beoordelen' | 'toewijzen' | 'expert' | 'beantwoorden' | 'sluiten' | 'afsluiten' | 'heropenen' | 'terug';

export function actionKind(from: QuestionStatus, to: QuestionStatus): ActionKind {
  if (to === 'beoordeeld') return 'beoordelen';
  if (to === 'wacht-op-expert') return 'expert';
  if (to === 'beantwoord') return 'beantwoorden';
  if (to === 'gesloten') return from === 'beantwoord' ? 'afsluiten' : 'sluiten';
  if (REOPENED_FROM.includes(from)) return 'heropenen';
  if (from === 'wacht-op-expert') return 'terug';
  return 'toewijzen';
}

export const ACTION_LABELS: Record<ActionKind, string> = {
  beoordelen: 'Markeren als beoordeeld',
  toewijzen: 'Toewijzen',
  expert: 'Voorleggen aan expert',
  beantwoorden: 'Beantwoorden',
  sluiten: 'Sluiten zonder antwoord',
  afsluiten: 'Afsluiten',
  heropenen: 'Heropenen',
  terug: 'Terug van de expert',
};

/** The fields an action shows, the required ones first. */
export function fieldsFor(kind: ActionKind): TransitionField[] {
  switch (kind) {
    case 'toewijzen':
      return ['behandelaarId', 'toelichting'];
    case 'expert':
      return ['expertOrganisatie', 'expertTermijn', 'toelichting'];
    case 'beantwoorden':
      return ['antwoord'];
    case 'sluiten':
    case 'heropenen':
      return ['toelichting'];
    default:
      return ['toelichting'];
  }
}

/** Whether the toelichting is required for this action (the server requires it too). */
export function reasonRequired(kind: ActionKind): boolean {
  return kind === 'sluiten' || kind === 'heropenen';
}

/** Checks made before sending, keyed by field; the server checks the same and more. */
export function transitionProblems(
  kind: ActionKind,
  values: TransitionForm,
  question: Pick<Question, 'behandelaar'>,
): Record<string, string | null> {
  const fields = fieldsFor(kind);
  return {
    behandelaarId:
      fields.includes('behandelaarId') && !values.behandelaarId && !question.behandelaar ? 'Kies een behandelaar.' : null,
    expertOrganisatie: kind === 'expert' && !values.expertOrganisatie ? 'Kies de organisatie die helpt.' : null,
    antwoord: kind === 'beantwoorden' && !values.antwoord.trim() ? 'Schrijf het antwoord.' : null,
    toelichting:
      reasonRequired(kind) && !values.toelichting.trim()
        ? kind === 'sluiten'
          ? 'Schrijf waarom u de vraag zonder antwoord sluit.'
          : 'Schrijf waarom de vraag weer open gaat.'
        : null,
  };
}

/** The POST body: only the fields this action uses, empty ones left out. */
export function transitionBody(to: QuestionStatus, kind: ActionKind, values: TransitionForm): Transition {
  const fields = fieldsFor(kind);
  const body: Transition = { naar: to };
  if (fields.includes('behandelaarId') && values.behandelaarId) body.behandelaarId = Number(values.behandelaarId);
  if (fields.includes('expertOrganisatie') && values.expertOrganisatie) body.expertOrganisatie = values.expertOrganisatie;
  if (fields.includes('expertTermijn') && values.expertTermijn) body.expertTermijn = values.expertTermijn;
  if (fields.includes('antwoord')) body.antwoord = values.antwoord.trim();
  if (fields.includes('toelichting') && values.toelichting.trim()) body.toelichting = values.toelichting.trim();
  return body;
}
