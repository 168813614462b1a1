import { useQuery } from '@tanstack/react-query';
import { Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';

import { AppLink } from '../app/AppLink';
import { DataTable } from '../shared/DataTable';
import { DutchDate } from '../shared/DutchDate';
import { DutchDateTime } from '../shared/DutchDateTime';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { myRoundsQuery } from './api';

/** /mijn-peilingen: the rounds a contact was invited to, open ones first. */
export default function MyRoundsPage() {
  const rounds = useQuery(myRoundsQuery);
  return (
    <>
      <title>Mijn peilingen – Spoorboek</title>
      <Heading level={1}>Mijn peilingen</Heading>
      <Paragraph>
        Twee keer per jaar vragen wij hoe tevreden u bent over de ondersteuning. Uw antwoorden zijn alleen zichtbaar voor
        het programmateam.
      </Paragraph>
      {rounds.isPending && <StatusMessage>Peilingen laden…</StatusMessage>}
      {rounds.isError && <ErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} />}
      {rounds.data?.length === 0 && <Paragraph>U bent nog niet voor een peiling uitgenodigd.</Paragraph>}
      {rounds.data && rounds.data.length > 0 && (
        <DataTable id="mijn-peilingen" caption="Mijn peilingen" columns={['Peiling', 'Open tot en met', 'Beantwoord']}>
          {rounds.data.map((m) => (
            <TableRow key={m.ronde.id}>
              <TableCell>
                <AppLink to={`/mijn-peilingen/${m.ronde.id}`}>
                  {m.ronde.titel}
                  {m.wijzigbaar ? (m.beantwoordOp ? ' (wijzigen)' : ' (invullen)') : ''}
                </AppLink>
              </TableCell>
              <TableCell>{m.wijzigbaar ? <DutchDate value={m.ronde.sluitOp} /> : 'gesloten'}</TableCell>
              <TableCell>{m.beantwoordOp ? <DutchDateTime value={m.beantwoordOp} /> : 'nee'}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </>
  );
}
