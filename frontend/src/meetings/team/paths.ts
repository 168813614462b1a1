/** The addresses of the team's meeting screens, in one place. */
export const NEW_MEETING_PATH = '/bijeenkomsten/nieuw';
export const REACH_PATH = '/bijeenkomsten/bereik';

export function editMeetingPath(id: number): string {
  return `/bijeenkomsten/${id}/bewerken`;
}

export function teamPanelPath(id: number): string {
  return `/bijeenkomsten/${id}/beheer`;
}

export function questionPath(id: number): string {
  return `/vragen/${id}`;
}

export function productPath(id: number): string {
  return `/producten/${id}`;
}
