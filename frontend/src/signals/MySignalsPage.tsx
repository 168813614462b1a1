import { ButtonGroup, Heading, Paragraph, TableHeaderCell } from '@utrecht/component-library-react';

import { AppLink, ButtonAppLink } from '../app/AppLink';
import { pageFrom } from '../shared/Pagination';
import { ResultList } from '../shared/ResultList';
import { counted, usePagedList } from '../shared/usePagedList';
import { PAGE_SIZE, signalListQuery } from './api';
import { PUBLIC_PATH, REPORT_PATH } from './paths';
import { CONTACT_COLUMNS, SignalRow } from './SignalRow';
import type { RegisterFilters } from './types';
import './signals.css';

/** /mijn-signalen: the signals her municipalities reported or said apply to them too. */
export default function MySignalsPage() {
  const signals = usePagedList({
    filtersFrom: (params): RegisterFilters => ({ pagina: pageFrom(params.get('pagina')), paginaGrootte: PAGE_SIZE }),
    query: signalListQuery,
    messages: {
      loading: 'Signalen laden…',
      empty: 'Uw gemeente heeft nog geen signalen gemeld of gesteund.',
      found: ({ total }) => `${counted(total, 'signaal', 'signalen')}.`,
    },
  });
  return (
    <>
      <title>Mijn signalen – Spoorboek</title>
      <Heading level={1}>Mijn signalen</Heading>
      <Paragraph appearance="lead">
        De knelpunten die uw gemeente meldde, of waarvan zij zei dat ze ook bij haar spelen: waar ze staan, en de reactie
        als die er is. U krijgt een melding als er een reactie komt.
      </Paragraph>
      <ButtonGroup>
        <ButtonAppLink to={REPORT_PATH}>Signaal melden</ButtonAppLink>
      </ButtonGroup>
      <Paragraph>
        Speelt een knelpunt van een andere gemeente ook bij u? Zoek het in de <AppLink to={PUBLIC_PATH}>openbare signalen</AppLink> en
        zeg &lsquo;Ook bij ons&rsquo;.
      </Paragraph>
      <ResultList
        heading="Uw signalen"
        list={signals}
        columns={CONTACT_COLUMNS.map((column) => (
          <TableHeaderCell key={column} scope="col">
            {column}
          </TableHeaderCell>
        ))}
        renderRow={(signal) => <SignalRow key={signal.id} signal={signal} team={false} />}
      />
    </>
  );
}
