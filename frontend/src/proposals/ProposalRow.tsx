import { TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

import { AppLink } from '../app/AppLink';
import { DutchDay } from '../shared/DutchDay';
import type { ProposalSummary } from './api';
import { proposalPath, STATUS_LABELS } from './labels';

const TEAM = ['Voorstel', 'Product', 'Status', 'Ontvangen', 'Indiener'];
const OWN = ['Voorstel', 'Product', 'Status', 'Ontvangen'];

/** The first words of a proposal, as its link text in a list. */
function opening(text: string): string {
  return text.length > 90 ? `${text.slice(0, 88).trimEnd()}…` : text;
}

export function proposalColumns(team: boolean) {
  return (team ? TEAM : OWN).map((column) => (
    <TableHeaderCell key={column} scope="col">
      {column}
    </TableHeaderCell>
  ));
}

/** One proposal in the editors' inbox (with who sent it) or in Mijn verbetervoorstellen. */
export function ProposalRow({ proposal, team }: { proposal: ProposalSummary; team: boolean }) {
  const sender = proposal.indiener;
  return (
    <TableRow>
      <TableCell className="spoorboek-text-cell">
        <AppLink to={proposalPath(proposal.id)}>{opening(proposal.tekst)}</AppLink>
      </TableCell>
      <TableCell>
        <AppLink to={`/producten/${proposal.product.id}`}>{proposal.product.titel}</AppLink>
        <br />
        <span className="spoorboek-muted">over versie {proposal.versie}</span>
      </TableCell>
      <TableCell>
        {STATUS_LABELS[proposal.status]}
        {proposal.overgenomenIn !== null && <span className="spoorboek-muted"> (versie {proposal.overgenomenIn})</span>}
      </TableCell>
      <TableCell>
        <DutchDay value={proposal.ontvangenOp} />
      </TableCell>
      {team && <TableCell>{sender?.naam ?? (sender?.email ? sender.email : 'Anoniem')}</TableCell>}
    </TableRow>
  );
}
