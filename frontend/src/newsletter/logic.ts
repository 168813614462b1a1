import type { Choices, Subscription } from './api';

/** What the API accepts as a link's token; anything else cannot come from our mail. */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** The token after `#token=` of a mail's link, or null when it is missing or malformed. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token !== null && TOKEN.test(token) ? token : null;
}

/** The choice as the forms hold it: everything, or a selection of codes (waves as strings). */
export interface ChoiceValues {
  everything: boolean;
  measures: string[];
  themes: string[];
  waves: string[];
}

export const EVERYTHING: ChoiceValues = { everything: true, measures: [], themes: [], waves: [] };

export function valuesFrom(subscription: Subscription): ChoiceValues {
  return {
    everything: subscription.alles,
    measures: subscription.maatregelen,
    themes: subscription.themas,
    waves: subscription.golven.map(String),
  };
}

/** The body for the API; with "alles" the selection is left out so nothing stale is stored. */
export function choicesBody(values: ChoiceValues): Choices {
  if (values.everything) return { alles: true, maatregelen: [], themas: [], golven: [] };
  return { alles: false, maatregelen: values.measures, themas: values.themes, golven: values.waves.map(Number) };
}

const EMAIL = /^[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s]{2,63}$/;

/** Checks before sending, keyed by the API's field names so the error summary links them. */
export function choiceProblems(values: ChoiceValues): Record<string, string | null> {
  const chosen = values.measures.length + values.themes.length + values.waves.length;
  return {
    alles: !values.everything && chosen === 0 ? 'Kies minstens één maatregel, thema of golf, of kies de hele nieuwsbrief.' : null,
  };
}

export function emailProblem(email: string): string | null {
  const trimmed = email.trim();
  if (!trimmed) return 'Vul uw e-mailadres in.';
  if (!EMAIL.test(trimmed)) return 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.';
  return null;
}

/** The choice in one sentence, with names where the reference data gave them. */
export function choiceText(
  values: ChoiceValues,
  names: { measures?: Map<string, string>; themes?: Map<string, string>; waves?: Map<string, string> } = {},
): string {
  if (values.everything) return 'De hele nieuwsbrief';
  const named = (codes: string[], map: Map<string, string> | undefined) => codes.map((c) => map?.get(c) ?? c);
  const parts = [
    values.measures.length ? `maatregelen: ${named(values.measures, names.measures).join(', ')}` : '',
    values.themes.length ? `thema's: ${named(values.themes, names.themes).join(', ')}` : '',
    values.waves.length ? `golven: ${named(values.waves, names.waves).join(', ')}` : '',
  ].filter(Boolean);
  return `Alleen over ${parts.join('; ')}`;
}

export const STATUS_LABELS: Record<Subscription['status'], string> = {
  onbevestigd: 'Wacht op bevestiging',
  actief: 'Actief: u krijgt de nieuwsbrief',
  afgemeld: 'Afgemeld: u krijgt niets meer',
};
