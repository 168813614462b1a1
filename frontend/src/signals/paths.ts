/** The addresses of the signal screens, in one place. */
export const REGISTER_PATH = '/signalen';
export const REPORT_PATH = '/signalen/melden';
export const BLOCKERS_PATH = '/signalen/knelpunten';
export const SUGGESTIONS_PATH = '/signalen/suggesties';
export const STEERING_PATH = '/signalen/rapportage';
export const MY_SIGNALS_PATH = '/mijn-signalen';
export const PUBLIC_PATH = '/openbare-signalen';

/** A signal's page, for the team and for the municipalities behind it (the notifications link here). */
export function signalPath(id: number): string {
  return `${REGISTER_PATH}/${id}`;
}

export function publicSignalPath(id: number): string {
  return `${PUBLIC_PATH}/${id}`;
}

/** The question a signal's evidence names, on the team's question page. */
export function questionPath(id: number): string {
  return `/vragen/${id}`;
}

/** Where to choose blockers for a signal: the blockers view, for that signal, at its first measure. */
export function blockersLink(signal: { id: number; maatregelen: { code: string }[] }): string {
  const params = new URLSearchParams({ signaal: String(signal.id) });
  const measure = signal.maatregelen[0]?.code;
  if (measure) params.set('maatregel', measure);
  return `${BLOCKERS_PATH}?${params.toString()}`;
}
