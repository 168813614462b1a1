import type { Question, QuestionStatus, Transition } from './types';

export interface TransitionForm {
  behandelaarId: string;
  expertOrganisatie: string;
  expertTermijn: string;
  expertVraag: string;
  /** Whether the experts see the asker's name, contact details and municipality (default not). */
  contactDelen: boolean;
  antwoord: string;
  toelichting: string;
}

/** What one status action needs from the advisor. */
export type TransitionField = keyof TransitionForm;

export const EMPTY_TRANSITION: TransitionForm = {
  behandelaarId: '',
  expertOrganisatie: '',
  expertTermijn: '',
  expertVraag: '',
  contactDelen: false,
  antwoord: '',
  toelichting: '',
};

export const TRANSITION_FIELD_LABELS: Record<TransitionField, string> = {
  behandelaarId: 'Behandelaar',
  expertOrganisatie: 'Organisatie van de expert',
  expertTermijn: 'Termijn voor de expert',
  expertVraag: 'Wat vraagt u de experts?',
  contactDelen: 'Gegevens van de vraagsteller delen met de experts',
  antwoord: 'Antwoord',
  toelichting: 'Toelichting',
};

/** The server's limit on what the advisor asks the experts. */
export const EXPERT_QUESTION_MAX = 4000;

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
      return ['expertOrganisatie', 'expertTermijn', 'expertVraag', 'contactDelen', 'toelichting'];
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
    expertVraag:
      kind === 'expert' && values.expertVraag.trim().length > EXPERT_QUESTION_MAX
        ? `Houd uw vraag aan de experts binnen ${EXPERT_QUESTION_MAX} tekens.`
        : null,
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
  if (fields.includes('expertVraag') && values.expertVraag.trim()) body.expertVraag = values.expertVraag.trim();
  if (fields.includes('contactDelen')) body.contactDelen = values.contactDelen;
  if (fields.includes('antwoord')) body.antwoord = values.antwoord.trim();
  if (fields.includes('toelichting') && values.toelichting.trim()) body.toelichting = values.toelichting.trim();
  return body;
}
