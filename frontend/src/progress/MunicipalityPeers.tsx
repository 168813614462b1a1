import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

import { AppLink } from '../app/AppLink';
import { useMunicipalityPeers } from '../peers/api';
import { likenessText } from '../peers/format';
import { NO_PEER_YET, PeerContacts } from '../peers/PeerContacts';
import { DataTable } from '../shared/DataTable';
import { ErrorAlert } from '../shared/ErrorAlert';
import { plural } from '../shared/dutch';
import { StatusMessage } from '../shared/StatusMessage';
import { cellPath } from './paths';
import { TrafficLightBadge } from './TrafficLightBadge';
import '../shared/charts.css';

/** The section's opening line: on how many measures the municipality is behind, and for how many a peer implemented it. */
export function peersSummary(data: { gemeente: { naam: string }; maatregelen: { collega: unknown }[] }): string {
  const behind = data.maatregelen.length;
  const helped = data.maatregelen.filter((line) => line.collega).length;
  let peers: string;
  if (helped === 0) peers = `er is nog geen vergelijkbare gemeente die ${behind === 1 ? 'hem' : 'een ervan'} al invoerde`;
  else if (behind === 1) peers = 'er is een vergelijkbare gemeente die hem al invoerde';
  else peers = `voor ${helped === behind ? `alle ${helped}` : helped} daarvan is er een vergelijkbare gemeente die de maatregel al invoerde`;
  return `${data.gemeente.naam} loopt achter op ${plural(behind, 'maatregel', 'maatregelen')}; ${peers}.`;
}

/** On a municipality's progress page: for the measures where it is behind, similar municipalities that implemented them. */
export function MunicipalityPeers({ code }: { code: string }) {
  const peers = useMunicipalityPeers(code);
  const data = peers.data;
  return (
    <section aria-labelledby="collegas-kop" className="spoorboek-section">
      <Heading level={2} id="collegas-kop">
        Collega’s die kunnen helpen
      </Heading>
      <StatusMessage>{peers.isPending ? 'Collega’s zoeken…' : ''}</StatusMessage>
      {peers.isError && <ErrorAlert error={peers.error} onRetry={() => void peers.refetch()} />}
      {data && data.maatregelen.length === 0 && (
        <Paragraph>{data.gemeente.naam} loopt op geen enkele maatregel achter.</Paragraph>
      )}
      {data && data.maatregelen.length > 0 && (
        <>
          <Paragraph>{peersSummary(data)}</Paragraph>
          <details className="spoorboek-chart__table">
            <summary>Toon per maatregel een gemeente die kan helpen</summary>
            <Paragraph>
              Per maatregel waarop {data.gemeente.naam} te laat is of risico loopt: de meest vergelijkbare gemeente die hem
              al invoerde. Kies een maatregel voor meer gemeenten.
            </Paragraph>
            <DataTable
              id="collegas-tabel"
              caption={`Per maatregel waarop ${data.gemeente.naam} achterloopt: een vergelijkbare gemeente die hem invoerde`}
              columns={['Maatregel', 'Stand', 'Vergelijkbare gemeente', 'Contactpersoon']}
            >
              {data.maatregelen.map((line) => (
                <TableRow key={line.maatregel.code}>
                  <TableHeaderCell scope="row">
                    <AppLink to={cellPath(code, line.maatregel.code)}>
                      {line.maatregel.code} {line.maatregel.naam}
                    </AppLink>
                  </TableHeaderCell>
                  <TableCell>
                    <TrafficLightBadge light={line.verkeerslicht} />
                  </TableCell>
                  {line.collega ? (
                    <>
                      <TableCell>
                        {line.collega.gemeente.naam} ({likenessText(line.collega)})
                      </TableCell>
                      <TableCell>
                        <PeerContacts contacts={line.collega.contactpersonen} measure={line.maatregel} />
                      </TableCell>
                    </>
                  ) : (
                    <TableCell colSpan={2}>{NO_PEER_YET}</TableCell>
                  )}
                </TableRow>
              ))}
            </DataTable>
          </details>
        </>
      )}
    </section>
  );
}
