import { useQuery } from '@tanstack/react-query';
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  OrderedList,
  OrderedListItem,
  Paragraph,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';

import { ApiError } from '../api/problem';
import { AppLink } from '../app/AppLink';
import { isEditor, useCurrentUser } from '../auth/session';
import { DutchDateTime } from '../shared/DutchDateTime';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { fetchProposal, proposalKeys, type ProposalRead } from './api';
import { STATUS_LABELS, statusSentence } from './labels';
import { ProposalSteps } from './ProposalSteps';
import './proposals.css';

function Facts({ proposal, team }: { proposal: ProposalRead; team: boolean }) {
  const sender = proposal.indiener;
  const facts: [string, ReactNode][] = [
    ['Product', <AppLink key="product" to={`/producten/${proposal.product.id}`}>{proposal.product.titel}</AppLink>],
    ['Over versie', String(proposal.versie)],
    ['Status', statusSentence(proposal.status, proposal.overgenomenIn, proposal.reden)],
    ['Ontvangen', <DutchDateTime key="ontvangen" value={proposal.ontvangenOp} />],
  ];
  if (team) {
    facts.push([
      'Indiener',
      sender?.naam || sender?.email
        ? `${sender.naam ?? 'Naam niet opgegeven'}${sender.email ? ` (${sender.email})` : ''}${sender.account ? ', met een account' : ''}`
        : 'Anoniem: geen naam of e-mailadres achtergelaten',
    ]);
  }
  return (
    <DataList className="spoorboek-facts">
      {facts.map(([key, value]) => (
        <DataListItem key={key}>
          <DataListKey>{key}</DataListKey>
          <DataListValue>{value}</DataListValue>
        </DataListItem>
      ))}
    </DataList>
  );
}

function History({ proposal }: { proposal: ProposalRead }) {
  return (
    <section aria-labelledby="geschiedenis-kop" className="spoorboek-section">
      <Heading level={2} id="geschiedenis-kop">
        Geschiedenis
      </Heading>
      <OrderedList>
        {proposal.geschiedenis.map((step) => (
          <OrderedListItem key={`${step.naar}-${step.op}`}>
            <DutchDateTime value={step.op} />: {STATUS_LABELS[step.naar].toLowerCase()}
            {step.door && ` door ${step.door}`}
            {step.tekst && `. ${step.tekst}`}
          </OrderedListItem>
        ))}
      </OrderedList>
    </section>
  );
}

/** /verbetervoorstellen/:id: the proposal, where it stands, its steps; the team decides here. */
export default function ProposalPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id >= 1;
  const team = isEditor(useCurrentUser());
  const query = useQuery({
    queryKey: proposalKeys.detail(id),
    queryFn: ({ signal }) => fetchProposal(id, signal),
    enabled: valid,
  });
  if (!valid || (query.error instanceof ApiError && query.error.status === 404)) {
    return (
      <>
        <title>Verbetervoorstel niet gevonden – Spoorboek</title>
        <Heading level={1}>Verbetervoorstel niet gevonden</Heading>
        <Paragraph>Dit voorstel bestaat niet, of u mag het niet zien.</Paragraph>
      </>
    );
  }
  const data = query.data;
  return (
    <>
      <title>{`Verbetervoorstel ${id} – Spoorboek`}</title>
      <Paragraph>
        <AppLink to={team ? '/verbetervoorstellen' : '/mijn-verbetervoorstellen'}>
          {team ? 'Terug naar de verbetervoorstellen' : 'Terug naar mijn verbetervoorstellen'}
        </AppLink>
      </Paragraph>
      <Heading level={1}>Verbetervoorstel {id}</Heading>
      {query.isPending && <StatusMessage>Voorstel laden…</StatusMessage>}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {data && (
        <>
          <Paragraph className="spoorboek-proposal-text">{data.proposal.tekst}</Paragraph>
          <Facts proposal={data.proposal} team={team} />
          {team && <ProposalSteps proposal={data.proposal} version={data.version} />}
          <History proposal={data.proposal} />
        </>
      )}
    </>
  );
}
