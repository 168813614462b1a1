import { Heading, Paragraph } from '@utrecht/component-library-react';

import { pageFrom } from '../shared/Pagination';
import { ResultList } from '../shared/ResultList';
import { counted, usePagedList } from '../shared/usePagedList';
import { mineQuery, PAGE_SIZE } from './api';
import { ProposalRow, proposalColumns } from './ProposalRow';
import './proposals.css';

/** /mijn-verbetervoorstellen: what she proposed, and where each stands. */
export default function MyProposalsPage() {
  const list = usePagedList({
    filtersFrom: (params) => ({ pagina: pageFrom(params.get('pagina')), paginaGrootte: PAGE_SIZE }),
    query: mineQuery,
    messages: {
      loading: 'Verbetervoorstellen laden…',
      empty: 'U heeft nog geen verbetervoorstellen gedaan. Dat kan onderaan elke productpagina.',
      found: ({ total }) => `${counted(total, 'verbetervoorstel', 'verbetervoorstellen')}.`,
    },
  });
  return (
    <>
      <title>Mijn verbetervoorstellen – Spoorboek</title>
      <Heading level={1}>Mijn verbetervoorstellen</Heading>
      <Paragraph appearance="lead">
        De voorstellen die u deed om een product te verbeteren, en wat ermee gebeurde. U krijgt een melding bij elke stap.
      </Paragraph>
      <ResultList
        heading="Uw voorstellen"
        list={list}
        columns={proposalColumns(false)}
        renderRow={(proposal) => <ProposalRow key={proposal.id} proposal={proposal} team={false} />}
      />
    </>
  );
}
