import type { ProposalStatus } from './api';

export const STATUSES: readonly ProposalStatus[] = ['nieuw', 'overgenomen', 'afgewezen', 'verwerkt'];

export const STATUS_LABELS: Record<ProposalStatus, string> = {
  nieuw: 'Nieuw',
  overgenomen: 'Overgenomen',
  afgewezen: 'Afgewezen',
  verwerkt: 'Verwerkt',
};

/** Where a proposal stands, in a sentence for its page. */
export function statusSentence(status: ProposalStatus, version: number | null, reason: string | null): string {
  if (status === 'overgenomen') return `Overgenomen: het komt in versie ${version ?? '?'}.`;
  if (status === 'verwerkt') return `Verwerkt: versie ${version ?? '?'} is gepubliceerd, met dit voorstel erin.`;
  if (status === 'afgewezen') return `Afgewezen. De reden: ${reason ?? 'niet vermeld'}`;
  return 'Nieuw: de eigenaar van het product heeft het nog niet beoordeeld.';
}

export const proposalPath = (id: number) => `/verbetervoorstellen/${id}`;
