export const INBOX_PATH = '/vragen';
export const ASK_PATH = '/vragen/nieuw';
export const INSIGHT_PATH = '/vragen/inzicht';
export const MY_QUESTIONS_PATH = '/mijn-vragen';

/** The team handles a question at /vragen/{id}; the asker reads it at /mijn-vragen/{id} (the receipt mail's link). */
export function questionPath(id: number, team: boolean): string {
  return team ? `${INBOX_PATH}/${id}` : `${MY_QUESTIONS_PATH}/${id}`;
}

export function publishPath(id: number): string {
  return `${INBOX_PATH}/${id}/publiceren`;
}

export function faqPath(id: number): string {
  return `/faq/${id}`;
}
