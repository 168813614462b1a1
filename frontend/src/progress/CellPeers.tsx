import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

import { AppLink } from '../app/AppLink';
import { isEditor, useCurrentUser } from '../auth/session';
import { useCellPeers } from '../peers/api';
import { likenessText } from '../peers/format';
import { NO_PEER_YET, PeerContacts } from '../peers/PeerContacts';
import { DataTable } from '../shared/DataTable';
import { DutchDate } from '../shared/DutchDate';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { PHASE_LABELS } from './labels';
import { cellPath } from './paths';

/** On a cell's page: similar municipalities that already implemented the measure, and who to call there. */
export function CellPeers({ code, measure }: { code: string; measure: string }) {
  const peers = useCellPeers(code, measure);
  // Only the team may open another municipality's progress; a contact would find a 404 there.
  const linked = isEditor(useCurrentUser());
  const data = peers.data;
  return (
    <section aria-labelledby="collegas-kop" className="spoorboek-section">
      <Heading level={2} id="collegas-kop">
        Collega’s die dit al invoerden
      </Heading>
      <StatusMessage>{peers.isPending ? 'Collega’s zoeken…' : ''}</StatusMessage>
      {peers.isError && <ErrorAlert error={peers.error} onRetry={() => void peers.refetch()} />}
      {data && data.collegas.length === 0 && <Paragraph>{NO_PEER_YET}.</Paragraph>}
      {data && data.collegas.length > 0 && (
        <>
          <Paragraph>
            De gemeenten die het meest op {data.gemeente.naam} lijken (omvang, regio, provincie en bij software ook de
            leverancier) en deze maatregel al hebben ingevoerd. Contactpersonen staan er alleen bij als zij daarmee
            instemden.
          </Paragraph>
          <DataTable
            id="collegas-tabel"
            caption={`Vergelijkbare gemeenten die ${data.maatregel.code} al invoerden, meest vergelijkbaar eerst`}
            columns={['Gemeente', 'Fase', 'Ingevoerd op', 'Vergelijkbaar door', 'Contactpersoon']}
          >
            {data.collegas.map((peer) => (
              <TableRow key={peer.gemeente.code}>
                <TableHeaderCell scope="row">
                  {linked ? (
                    <AppLink to={cellPath(peer.gemeente.code, measure)}>{peer.gemeente.naam}</AppLink>
                  ) : (
                    peer.gemeente.naam
                  )}
                </TableHeaderCell>
                <TableCell>{PHASE_LABELS[peer.fase]}</TableCell>
                <TableCell>{peer.geimplementeerdOp ? <DutchDate value={peer.geimplementeerdOp} /> : 'Onbekend'}</TableCell>
                <TableCell>{likenessText(peer)}</TableCell>
                <TableCell>
                  <PeerContacts contacts={peer.contactpersonen} measure={data.maatregel} />
                </TableCell>
              </TableRow>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
