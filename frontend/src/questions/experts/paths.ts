/** The expert's inbox: the questions put to her organisation (a vraag-voorgelegd notice links below it). */
export const EXPERT_INBOX_PATH = '/expertvragen';

/** One request put to the expert's organisation; the id is the request's, not the question's. */
export function expertQuestionPath(id: number): string {
  return `${EXPERT_INBOX_PATH}/${id}`;
}
