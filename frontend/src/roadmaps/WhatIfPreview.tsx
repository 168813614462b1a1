import { Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { forwardRef } from 'react';

import { AppLink } from '../app/AppLink';
import { TrafficLightBadge } from '../progress/TrafficLightBadge';
import { DataTable } from '../shared/DataTable';
import { DutchDate } from '../shared/DutchDate';
import { LIGHT_LABELS } from '../progress/labels';
import type { WhatIf } from './types';
import { changesNothing, momentLabel, notificationKindLabel, signed, summaryText } from './whatIf';

const OptionalDate = ({ value }: { value: string | null }) => (value ? <DutchDate value={value} /> : <>geen</>);

/**
 * What saving a change would do, before it is saved: the server made the change in a transaction
 * it rolled back. The buttons to save or cancel are the caller's (children), below the tables.
 */
export const WhatIfPreview = forwardRef<HTMLElement, { whatIf: WhatIf; id: string; children: React.ReactNode }>(
  function WhatIfPreview({ whatIf, id, children }, ref) {
    const cells = whatIf.cellen;
    return (
      <section ref={ref} tabIndex={-1} aria-labelledby={`${id}-kop`} className="spoorboek-section">
        <Heading level={2} id={`${id}-kop`}>
          Gevolgen van deze wijziging
        </Heading>
        <Paragraph>
          Nog niets is opgeslagen of verstuurd. Als u opslaat, gebeurt het volgende (berekend voor{' '}
          <DutchDate value={whatIf.peildatum} />): {summaryText(whatIf)}
        </Paragraph>
        {changesNothing(whatIf) && <Paragraph>Deze wijziging verandert niets aan verkeerslichten, producten of meldingen.</Paragraph>}
        {whatIf.maatregelen.length > 0 && (
          <DataTable
            id={`${id}-maatregelen`}
            caption="Maatregelen waarvan de ingangsdatum verschuift"
            visibleCaption
            columns={['Maatregel', 'Ingangsdatum nu', 'Ingangsdatum na opslaan']}
          >
            {whatIf.maatregelen.map((moved) => (
              <TableRow key={moved.maatregel.code}>
                <TableCell>
                  {moved.maatregel.code} {moved.maatregel.naam}
                </TableCell>
                <TableCell>
                  <DutchDate value={moved.ingangsdatumVoor} />
                </TableCell>
                <TableCell>
                  <DutchDate value={moved.ingangsdatumNa} />
                </TableCell>
              </TableRow>
            ))}
          </DataTable>
        )}
        <DataTable
          id={`${id}-lichten`}
          caption="Verkeerslichten van alle gemeenten en maatregelen, nu en na opslaan"
          visibleCaption
          columns={['Verkeerslicht', 'Nu', 'Na opslaan', 'Verschil']}
        >
          {whatIf.verkeerslichten.map((count) => (
            <TableRow key={count.verkeerslicht}>
              <TableCell>
                <TrafficLightBadge light={count.verkeerslicht} />
              </TableCell>
              <TableCell>{count.voor.toLocaleString('nl-NL')}</TableCell>
              <TableCell>{count.na.toLocaleString('nl-NL')}</TableCell>
              <TableCell>{signed(count.na - count.voor)}</TableCell>
            </TableRow>
          ))}
        </DataTable>
        {cells.aantal > 0 && (
          <DataTable
            id={`${id}-cellen`}
            caption={
              cells.resultaten.length < cells.aantal
                ? `Gemeenten en maatregelen met een ander verkeerslicht (de eerste ${cells.resultaten.length} van ${cells.aantal.toLocaleString('nl-NL')})`
                : 'Gemeenten en maatregelen met een ander verkeerslicht'
            }
            visibleCaption
            columns={['Gemeente', 'Maatregel', 'Nu', 'Na opslaan', 'Moet starten op (na opslaan)']}
          >
            {cells.resultaten.map((cell) => (
              <TableRow key={`${cell.gemeente.code}-${cell.maatregel.code}`}>
                <TableCell>{cell.gemeente.naam}</TableCell>
                <TableCell>{cell.maatregel.code}</TableCell>
                <TableCell>
                  <TrafficLightBadge light={cell.voor} />
                </TableCell>
                <TableCell>
                  <TrafficLightBadge light={cell.na} />
                </TableCell>
                <TableCell>
                  <OptionalDate value={cell.moetStartenOpNa} />
                </TableCell>
              </TableRow>
            ))}
          </DataTable>
        )}
        {whatIf.producten.length > 0 ? (
          <DataTable
            id={`${id}-producten`}
            caption="Producten waarvan de leverdatum of de actualiteit verandert"
            visibleCaption
            columns={['Product', 'Leverdatum nu', 'Leverdatum na opslaan', 'Gevolg']}
          >
            {whatIf.producten.map((product) => (
              <TableRow key={product.id}>
                <TableCell>
                  <AppLink to={`/producten/${product.id}`}>{product.titel}</AppLink>
                </TableCell>
                <TableCell>
                  <OptionalDate value={product.uitersteLeverdatumVoor} />
                </TableCell>
                <TableCell>
                  <OptionalDate value={product.uitersteLeverdatumNa} />
                </TableCell>
                <TableCell>
                  {[
                    product.actualiteitControleren ? 'Actualiteit controleren' : null,
                    product.teLaatNa && !product.teLaatVoor ? 'Wordt te laat' : null,
                    product.teLaatVoor && !product.teLaatNa ? 'Niet meer te laat' : null,
                  ]
                    .filter(Boolean)
                    .join('; ') || 'Andere leverdatum'}
                </TableCell>
              </TableRow>
            ))}
          </DataTable>
        ) : (
          <Paragraph>Geen product krijgt een andere leverdatum of moet op actualiteit gecontroleerd worden.</Paragraph>
        )}
        {whatIf.meldingen.length > 0 ? (
          <DataTable
            id={`${id}-meldingen`}
            caption="Meldingen die opslaan zou laten uitgaan"
            visibleCaption
            columns={['Soort melding', 'Wanneer', 'Aantal meldingen', 'Aantal ontvangers']}
          >
            {whatIf.meldingen.map((notification) => (
              <TableRow key={`${notification.soort}-${notification.moment}`}>
                <TableCell>{notificationKindLabel(notification.soort)}</TableCell>
                <TableCell>{momentLabel(notification.moment)}</TableCell>
                <TableCell>{notification.aantal.toLocaleString('nl-NL')}</TableCell>
                <TableCell>{notification.ontvangers.toLocaleString('nl-NL')}</TableCell>
              </TableRow>
            ))}
          </DataTable>
        ) : (
          <Paragraph>Opslaan laat geen meldingen uitgaan.</Paragraph>
        )}
        <Paragraph className="spoorboek-muted">
          Hulp nodig: nu {whatIf.hulpNodig.voor.toLocaleString('nl-NL')}, na opslaan{' '}
          {whatIf.hulpNodig.na.toLocaleString('nl-NL')} combinaties ({LIGHT_LABELS['te-laat'].toLowerCase()} of{' '}
          {LIGHT_LABELS.risico.toLowerCase()}).
        </Paragraph>
        {children}
      </section>
    );
  },
);
