import { emailProblem } from '../forms/validation';
import type { Channel, QuestionCreate } from './types';

export interface AskFormValues {
  onderwerp: string;
  vraag: string;
  maatregelen: string[];
  gemeente: string;
  /** Only for the team, who log a call or mail for someone else. */
  kanaal: Channel | '';
  naam: string;
  email: string;
  organisatie: string;
  /** A datetime-local value (YYYY-MM-DDTHH:MM, the browser's zone); empty means now. */
  ontvangenOp: string;
}

export const EMPTY_ASK: AskFormValues = {
  onderwerp: '',
  vraag: '',
  maatregelen: [],
  gemeente: '',
  kanaal: '',
  naam: '',
  email: '',
  organisatie: '',
  ontvangenOp: '',
};

export const ASK_LABELS = {
  onderwerp: 'Onderwerp',
  vraag: 'Uw vraag',
  maatregelen: 'Maatregelen',
  gemeente: 'Gemeente',
  kanaal: 'Kanaal',
  naam: 'Naam van de vrager',
  email: 'E-mailadres van de vrager',
  organisatie: 'Organisatie van de vrager',
  ontvangenOp: 'Ontvangen op',
} as const;

/** Checks made before sending (the server's limits: openapi.json QuestionCreate). */
export function askProblems(values: AskFormValues, team: boolean, now = new Date()): Record<string, string | null> {
  const subject = values.onderwerp.trim();
  const question = values.vraag.trim();
  const problems: Record<string, string | null> = {
    onderwerp: !subject ? 'Vul een onderwerp in.' : subject.length < 3 ? 'Gebruik minstens 3 tekens.' : null,
    vraag: !question ? 'Schrijf uw vraag.' : question.length < 10 ? 'Gebruik minstens 10 tekens.' : null,
  };
  if (team) {
    problems.kanaal = values.kanaal ? null : 'Kies hoe de vraag binnenkwam.';
    problems.naam = values.naam.trim().length >= 2 ? null : 'Vul de naam van de vrager in.';
    problems.email = values.email.trim() ? emailProblem(values.email) : null;
    const received = values.ontvangenOp ? new Date(values.ontvangenOp) : null;
    problems.ontvangenOp =
      received && Number.isNaN(received.getTime())
        ? 'Vul een datum en tijd in.'
        : received && received > now
          ? 'Dit moment ligt in de toekomst.'
          : null;
  }
  return problems;
}

/** The POST body; a municipal contact sends only what is theirs to say. */
export function askBody(values: AskFormValues, team: boolean): QuestionCreate {
  const body: QuestionCreate = {
    onderwerp: values.onderwerp.trim(),
    vraag: values.vraag.trim(),
    maatregelen: values.maatregelen,
  };
  if (values.gemeente) body.gemeente = values.gemeente;
  if (team) {
    if (values.kanaal) body.kanaal = values.kanaal;
    body.vragensteller = {
      naam: values.naam.trim(),
      email: values.email.trim() || null,
      organisatie: values.organisatie.trim() || null,
    };
    if (values.ontvangenOp) body.ontvangenOp = new Date(values.ontvangenOp).toISOString();
  }
  return body;
}
