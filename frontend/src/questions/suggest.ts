import type { Suggestions } from './types';

// The API refuses shorter or longer texts (openapi.json: tekst minLength 3, maxLength 2000).
export const SUGGEST_MIN = 3;
export const SUGGEST_MAX = 2000;

/** What to look up while the asker types: subject and question together, '' when too short. */
export function suggestionText(subject: string, question: string): string {
  const text = `${subject.trim()} ${question.trim()}`.trim().replace(/\s+/g, ' ');
  return text.length < SUGGEST_MIN ? '' : text.slice(0, SUGGEST_MAX);
}

/** The sentence the live region reads out: short, and only when something changed. */
export function suggestionsText(suggestions: Suggestions | undefined, team = false): string {
  if (!suggestions) return '';
  const faq = suggestions.faq.length;
  const open = suggestions.vragen.length;
  if (faq === 0 && open === 0) return 'Geen vergelijkbare antwoorden of open vragen gevonden.';
  const parts = [];
  if (faq > 0) parts.push(`${faq} ${faq === 1 ? 'vergelijkbaar antwoord' : 'vergelijkbare antwoorden'}`);
  if (open > 0) parts.push(`${open} ${open === 1 ? 'open vraag' : 'open vragen'}${team ? '' : ' van u'}`);
  return `${parts.join(' en ')} gevonden.`;
}
