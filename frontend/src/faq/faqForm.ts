import type { FaqCreate, FaqEntry, FaqUpdate } from './api';

export interface FaqFormValues {
  vraag: string;
  antwoord: string;
  maatregelen: string[];
  /** One legal article a line, as the editor types them. */
  wetsartikelen: string;
  gemeenteNoemen: boolean;
  wijzigingsnotitie: string;
  vragenstellersInformeren: boolean;
}

export const FAQ_LABELS = {
  vraag: 'Vraag',
  antwoord: 'Antwoord',
  maatregelen: 'Maatregelen',
  wetsartikelen: 'Wetsartikelen',
  gemeenteNoemen: 'De gemeente van de vrager mag genoemd worden',
  wijzigingsnotitie: 'Wat is er veranderd',
  vragenstellersInformeren: 'Mail de vragers van de onderliggende vragen',
} as const;

export function emptyFaqForm(): FaqFormValues {
  return {
    vraag: '',
    antwoord: '',
    maatregelen: [],
    wetsartikelen: '',
    gemeenteNoemen: false,
    wijzigingsnotitie: '',
    vragenstellersInformeren: false,
  };
}

export function formFromEntry(entry: FaqEntry): FaqFormValues {
  return {
    ...emptyFaqForm(),
    vraag: entry.vraag,
    antwoord: entry.antwoord,
    maatregelen: entry.maatregelen.map((measure) => measure.code),
    wetsartikelen: entry.wetsartikelen.join('\n'),
  };
}

/** The articles, one a line, blank lines and spaces around them dropped. */
export function articlesFrom(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Checks made before sending (the server's limits: openapi.json FaqCreate, FaqUpdate). */
export function faqProblems(values: FaqFormValues, newVersion: boolean): Record<string, string | null> {
  const question = values.vraag.trim();
  const answer = values.antwoord.trim();
  return {
    vraag: question.length < 10 ? 'Schrijf de vraag in minstens 10 tekens.' : null,
    antwoord: answer.length < 10 ? 'Schrijf het antwoord in minstens 10 tekens.' : null,
    maatregelen: values.maatregelen.length === 0 ? 'Kies minstens één maatregel.' : null,
    wijzigingsnotitie:
      newVersion && values.wijzigingsnotitie.trim().length < 3 ? 'Schrijf in een paar woorden wat er veranderd is.' : null,
  };
}

export function createBody(values: FaqFormValues, questionIds: number[]): FaqCreate {
  return {
    vraag: values.vraag.trim(),
    antwoord: values.antwoord.trim(),
    maatregelen: values.maatregelen,
    wetsartikelen: articlesFrom(values.wetsartikelen),
    gemeenteNoemen: values.gemeenteNoemen,
    vragen: questionIds,
  };
}

export function updateBody(values: FaqFormValues): FaqUpdate {
  return {
    vraag: values.vraag.trim(),
    antwoord: values.antwoord.trim(),
    maatregelen: values.maatregelen,
    wetsartikelen: articlesFrom(values.wetsartikelen),
    gemeenteNoemen: values.gemeenteNoemen,
    wijzigingsnotitie: values.wijzigingsnotitie.trim(),
    vragenstellersInformeren: values.vragenstellersInformeren,
  };
}
