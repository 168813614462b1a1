import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { Navigate, useLocation } from 'react-router-dom';

import { AppLink } from '../app/AppLink';
import { IctFiguresSection } from '../ict/IctFiguresSection';
import { measurePath } from '../measures/paths';
import { isProductType, PRODUCT_TYPE_LABELS } from '../products/labels';
import { percentText } from '../progress/labels';
import { RegionTotalsSection } from '../regions/RegionTotalsSection';
import { PublicSatisfactionBlock } from '../satisfaction/figures/PublicSatisfaction';
import { ChartSection } from '../shared/ChartSection';
import { DataTable } from '../shared/DataTable';
import { formatDutchDate } from '../shared/dates';
import { changeText, plural } from '../shared/dutch';
import { DutchDate } from '../shared/DutchDate';
import { DutchDay } from '../shared/DutchDay';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { useDashboard, useTrend } from './api';
import { changedMeasures, sinceText, type FiguresWithChange } from './change';
import { PhaseBars, PhaseTable } from './PhaseBars';
import { dayNumber, dueText } from './timeline';
import { TrendChart, TrendTable, trendSummary } from './TrendChart';
import type { Dashboard } from './types';
import { WaveTargets } from './WaveTargets';
import { WaveTimeline } from './WaveTimeline';

function KeyFigures({ dashboard }: { dashboard: Dashboard }) {
  const country: FiguresWithChange = dashboard.landelijk;
  const change = country.verandering;
  const since = country.vorigePeriode ? ` ${sinceText(country.vorigePeriode)}` : '';
  // Each figure with its change since the end of last month, when the API sends it.
  const figures: [string, string, string | null][] = [
    [
      'Geïmplementeerd of geëvalueerd',
      percentText(country.aandeelGeimplementeerd),
      change ? `${changeText(change.aandeelGeimplementeerd, 'procentpunt')}${since}` : null,
    ],
    ['Implementatietekort', percentText(country.tekort), change ? `${changeText(change.tekort, 'procentpunt')}${since}` : null],
    ['Te laat', `${country.teLaat.toLocaleString('nl-NL')} van ${country.cellen.toLocaleString('nl-NL')}`, change ? `${changeText(change.teLaat)}${since}` : null],
    ['Risico', `${country.risico.toLocaleString('nl-NL')} van ${country.cellen.toLocaleString('nl-NL')}`, change ? `${changeText(change.risico)}${since}` : null],
  ];
  return (
    <section aria-labelledby="kerncijfers-kop" className="spoorboek-section">
      <Heading level={2} id="kerncijfers-kop">
        Landelijk op <DutchDate value={dashboard.peildatum} />
      </Heading>
      <DataList className="spoorboek-key-figures">
        {figures.map(([label, value, changed]) => (
          <DataListItem key={label}>
            <DataListKey>{label}</DataListKey>
            <DataListValue>
              {value}
              {changed && <span className="spoorboek-change">{changed}</span>}
            </DataListValue>
          </DataListItem>
        ))}
      </DataList>
      <Paragraph appearance="small">
        Over alle {country.cellen.toLocaleString('nl-NL')} combinaties van gemeente en maatregel. Tekort: het deel van
        de maatregelen die al gelden maar nog niet geïmplementeerd zijn. <AppLink to="/kaart">Bekijk de kaart per gemeente</AppLink>.
      </Paragraph>
    </section>
  );
}

function ProgressPerMeasure({ dashboard }: { dashboard: Dashboard }) {
  return (
    <ChartSection
      id="per-maatregel-kop"
      title="Voortgang per maatregel"
      intro={
        <Paragraph>
          Per maatregel: hoeveel gemeenten in welke fase van invoering zijn. Rechts het deel dat geïmplementeerd of
          geëvalueerd is.
        </Paragraph>
      }
      table={<PhaseTable id="per-maatregel-tabel" caption="Gemeenten per fase van invoering, per maatregel" groups={dashboard.perMaatregel} showCode />}
      herkomst={dashboard.herkomst}
      csvSubject="de voortgang per maatregel"
    >
      <PhaseBars groups={dashboard.perMaatregel} hrefFor={measurePath} showCode />
    </ChartSection>
  );
}

/** The measures whose share implemented moved since the end of last month. */
function MeasureChanges({ dashboard }: { dashboard: Dashboard }) {
  const groups: FiguresWithChange[] = dashboard.perMaatregel;
  const previous = groups[0]?.vorigePeriode;
  if (!previous) return null;
  const changed = changedMeasures(groups);
  return (
    <section aria-labelledby="veranderd-kop" className="spoorboek-section">
      <Heading level={2} id="veranderd-kop">
        Veranderd {sinceText(previous)}
      </Heading>
      {changed.length === 0 ? (
        <Paragraph>
          Bij geen enkele maatregel veranderde het aandeel geïmplementeerd {sinceText(previous)}.
        </Paragraph>
      ) : (
        <>
          <Paragraph>
            {plural(changed.length, 'maatregel', 'maatregelen')} van {dashboard.perMaatregel.length}: het aandeel
            geïmplementeerd of geëvalueerd nu, aan het eind van <DutchDate value={previous.peildatum} /> en het verschil.
          </Paragraph>
          <DataTable
            id="veranderd-tabel"
            caption={`Aandeel geïmplementeerd per maatregel, ${sinceText(previous)}`}
            columns={['Maatregel', 'Nu', `Op ${formatDutchDate(previous.peildatum)}`, 'Verschil']}
          >
            {changed.map((group) => (
              <TableRow key={group.groep.code}>
                <TableHeaderCell scope="row">
                  <AppLink to={measurePath(group.groep.code)}>
                    {group.groep.code} {group.groep.naam}
                  </AppLink>
                </TableHeaderCell>
                <TableCell>{percentText(group.aandeelGeimplementeerd)}</TableCell>
                <TableCell>{percentText(group.vorigePeriode?.aandeelGeimplementeerd ?? null)}</TableCell>
                <TableCell>{changeText(group.verandering?.aandeelGeimplementeerd ?? null, 'procentpunt')}</TableCell>
              </TableRow>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}

function DeficitTrend() {
  const trend = useTrend();
  return (
    <ChartSection
      id="trend-kop"
      title="Implementatietekort door de tijd"
      intro={
        <Paragraph>
          {trend.data ? trendSummary(trend.data.punten) : 'Het tekort aan het einde van elke maand, en vandaag.'}
        </Paragraph>
      }
      table={trend.data ? <TrendTable points={trend.data.punten} /> : null}
      herkomst={trend.data?.herkomst}
      csvSubject="het tekort per maand"
    >
      <StatusMessage>{trend.isPending ? 'Verloop laden…' : ''}</StatusMessage>
      {trend.isError && <ErrorAlert error={trend.error} onRetry={() => void trend.refetch()} />}
      {trend.data && <TrendChart points={trend.data.punten} />}
    </ChartSection>
  );
}

function ProductDueDates({ dashboard }: { dashboard: Dashboard }) {
  const waves = [...dashboard.fasen].sort((a, b) => a.productenGereedOp.localeCompare(b.productenGereedOp));
  const today = dashboard.peildatum;
  const daysUntil = (date: string) => dayNumber(date) - dayNumber(today);
  return (
    <section aria-labelledby="gereed-kop" className="spoorboek-section">
      <Heading level={2} id="gereed-kop">
        Wanneer de producten klaar moeten zijn
      </Heading>
      <UnorderedList>
        {waves.map((wave) => (
          <UnorderedListItem key={wave.nummer}>
            <DutchDate value={wave.productenGereedOp} /> ({dueText(daysUntil(wave.productenGereedOp))}):{' '}
            <AppLink to={`/producten?fase=${wave.nummer}`}>producten voor {wave.naam}</AppLink>,{' '}
            {wave.gepubliceerdeProducten.toLocaleString('nl-NL')} gepubliceerd.
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </section>
  );
}

function NewestItems({ dashboard }: { dashboard: Dashboard }) {
  return (
    <div className="spoorboek-columns">
      <section aria-labelledby="nieuwe-producten-kop" className="spoorboek-section">
        <Heading level={2} id="nieuwe-producten-kop">
          Nieuwste producten
        </Heading>
        {dashboard.nieuwsteProducten.length === 0 ? (
          <Paragraph>Er zijn nog geen producten gepubliceerd.</Paragraph>
        ) : (
          <UnorderedList>
            {dashboard.nieuwsteProducten.map((product) => (
              <UnorderedListItem key={product.id}>
                <AppLink to={`/producten/${product.id}`}>{product.titel}</AppLink>{' '}
                <span className="spoorboek-muted">
                  ({isProductType(product.soort) ? PRODUCT_TYPE_LABELS[product.soort] : product.soort},{' '}
                  <DutchDay value={product.gepubliceerdOp} />)
                </span>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
        <Paragraph>
          <AppLink to="/producten">Alle producten</AppLink>
        </Paragraph>
      </section>
      <section aria-labelledby="nieuwe-faq-kop" className="spoorboek-section">
        <Heading level={2} id="nieuwe-faq-kop">
          Nieuwste veelgestelde vragen
        </Heading>
        {dashboard.nieuwsteFaq.length === 0 ? (
          <Paragraph>Er zijn nog geen veelgestelde vragen gepubliceerd.</Paragraph>
        ) : (
          <UnorderedList>
            {dashboard.nieuwsteFaq.map((entry) => (
              <UnorderedListItem key={entry.id}>
                <AppLink to={`/faq/${entry.id}`}>{entry.vraag}</AppLink>{' '}
                <span className="spoorboek-muted">
                  (<DutchDay value={entry.gepubliceerdOp} />)
                </span>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
        <Paragraph>
          <AppLink to="/faq">Alle veelgestelde vragen</AppLink>
        </Paragraph>
      </section>
    </div>
  );
}

function DashboardContent() {
  const dashboard = useDashboard();
  return (
    <>
      <StatusMessage>{dashboard.isPending ? 'Overzicht laden…' : ''}</StatusMessage>
      {dashboard.isError && <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {dashboard.data && (
        <>
          <WaveTimeline dashboard={dashboard.data} />
          <KeyFigures dashboard={dashboard.data} />
          <WaveTargets dashboard={dashboard.data} />
          <ProgressPerMeasure dashboard={dashboard.data} />
          <MeasureChanges dashboard={dashboard.data} />
          <RegionTotalsSection />
          <IctFiguresSection />
          <DeficitTrend />
          <PublicSatisfactionBlock />
          <ProductDueDates dashboard={dashboard.data} />
          <NewestItems dashboard={dashboard.data} />
        </>
      )}
    </>
  );
}

/** The home page: where the implementation stands, for everyone. */
export default function DashboardPage() {
  const { hash } = useLocation();
  // The measures list used to be the home page: its links to one measure (/#maatregel-M05) still work.
  if (hash.startsWith('#maatregel-')) return <Navigate to={`/maatregelen${hash}`} replace />;
  return (
    <>
      <title>Voortgang invoering – Spoorboek</title>
      <Heading level={1}>Invoering Participatiewet in balans</Heading>
      <Paragraph appearance="lead">
        Hoe ver de 342 gemeenten zijn met de maatregelen van spoor 1, wanneer de volgende fase ingaat en wat er nieuw is.
        Alle cijfers zijn open data (CC BY 4.0).
      </Paragraph>
      <DashboardContent />
    </>
  );
}
