import {
  Heading,
  Link,
  OrderedList,
  OrderedListItem,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import { AppLink } from '../app/AppLink';
import { NotFoundPage } from '../app/NotFoundPage';
import { isEditor, useCurrentUser } from '../auth/session';
import { useOverview } from '../dashboard/api';
import { figureChangeText } from '../dashboard/change';
import { PhaseBars, PhaseTable } from '../dashboard/PhaseBars';
import { useFaqList } from '../faq/api';
import { useProducts } from '../products/api';
import { isProductType, PRODUCT_TYPE_LABELS } from '../products/labels';
import { useRoadmap } from '../progress/api';
import { percentText } from '../progress/labels';
import { ChartSection } from '../shared/ChartSection';
import { DutchDate } from '../shared/DutchDate';
import { FactList } from '../shared/FactList';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { obligationLabel } from './labels';
import { articleText, articleUrl, confidenceLabel } from './law';
import type { Measure } from './types';

const MEASURE_CODE = /^M\d{2}$/;
// Only editors see it: the public page does not download it.
const MeasureDateForm = lazy(() => import('./MeasureDateForm'));
const WaveTargetForm = lazy(() => import('./WaveTargetForm'));

function useMeasure(code: string) {
  return useQuery({
    queryKey: ['maatregelen', code],
    queryFn: ({ signal }): Promise<Measure> => unwrap(apiClient.GET('/maatregelen/{code}', { params: { path: { code } }, signal })),
  });
}

function Facts({ measure }: { measure: Measure }) {
  const facts: [string, ReactNode][] = [
    ['Fase', measure.fase.naam],
    ['Thema', measure.thema.naam],
    ['Verplichting', obligationLabel(measure.verplichting)],
    ['Ingangsdatum', <DutchDate key="in" value={measure.ingangsdatum} />],
    ['Toepasbaar vanaf', <DutchDate key="vanaf" value={measure.toepasbaarVanaf} />],
    ['Betrouwbaarheid', confidenceLabel(measure.betrouwbaarheid)],
  ];
  if (measure.impactgebieden.length > 0) facts.push(['Raakt aan', measure.impactgebieden.map((area) => area.naam).join('; ')]);
  return <FactList facts={facts} />;
}

function LawAndSources({ measure }: { measure: Measure }) {
  return (
    <section aria-labelledby="wet-kop" className="spoorboek-section">
      <Heading level={2} id="wet-kop">
        Wetsartikelen en bronnen
      </Heading>
      {measure.artikelen.length > 0 ? (
        <UnorderedList>
          {measure.artikelen.map((reference) => {
            const url = articleUrl(reference);
            return (
              <UnorderedListItem key={reference}>
                {url ? <Link href={url}>{articleText(reference)}</Link> : articleText(reference)}
              </UnorderedListItem>
            );
          })}
        </UnorderedList>
      ) : (
        <Paragraph>Er zijn geen wetsartikelen vastgelegd.</Paragraph>
      )}
      <Heading level={3}>Bronnen</Heading>
      {measure.bronnen.length > 0 ? (
        <UnorderedList>
          {measure.bronnen.map((source) => (
            <UnorderedListItem key={source.code}>
              {source.url ? <Link href={source.url}>{source.titel}</Link> : source.titel}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : (
        <Paragraph>Er zijn geen bronnen vastgelegd.</Paragraph>
      )}
    </section>
  );
}

function RoadmapSection({ code, editor }: { code: string; editor: boolean }) {
  const roadmap = useRoadmap(code);
  return (
    <section aria-labelledby="routekaart-kop" className="spoorboek-section">
      <Heading level={2} id="routekaart-kop">
        Routekaart
      </Heading>
      <StatusMessage>{roadmap.isPending ? 'Routekaart laden…' : ''}</StatusMessage>
      {roadmap.isError && <ErrorAlert error={roadmap.error} onRetry={() => void roadmap.refetch()} />}
      {roadmap.data &&
        (roadmap.data.stappen.length === 0 ? (
          <Paragraph>Voor deze maatregel is nog geen routekaart vastgelegd.</Paragraph>
        ) : (
          <OrderedList className="spoorboek-roadmap">
            {[...roadmap.data.stappen]
              .sort((a, b) => a.volgorde - b.volgorde)
              .map((step) => (
                <OrderedListItem key={step.code}>
                  <strong>{step.titel}</strong>: uiterlijk beginnen op <DutchDate value={step.uitersteStart} />, klaar op{' '}
                  <DutchDate value={step.uitersteEinde} />.{step.raadsbesluit && ' Vraagt een besluit van de gemeenteraad.'}{' '}
                  <span className="spoorboek-muted">{step.omschrijving}</span>
                </OrderedListItem>
              ))}
          </OrderedList>
        ))}
      {editor && (
        <Paragraph>
          <AppLink to={`/maatregelen/${code}/routekaart`}>Routekaart van {code} wijzigen</AppLink>
        </Paragraph>
      )}
    </section>
  );
}

function ProductsSection({ code }: { code: string }) {
  const products = useProducts({ maatregel: code, paginaGrootte: 100 });
  return (
    <section aria-labelledby="producten-kop" className="spoorboek-section">
      <Heading level={2} id="producten-kop">
        Producten
      </Heading>
      <StatusMessage>{products.isPending ? 'Producten laden…' : ''}</StatusMessage>
      {products.isError && <ErrorAlert error={products.error} onRetry={() => void products.refetch()} />}
      {products.data &&
        (products.data.resultaten.length === 0 ? (
          <Paragraph>Er zijn nog geen producten voor deze maatregel.</Paragraph>
        ) : (
          <UnorderedList>
            {products.data.resultaten.map((product) => (
              <UnorderedListItem key={product.id}>
                <AppLink to={`/producten/${product.id}`}>{product.titel}</AppLink>{' '}
                <span className="spoorboek-muted">
                  ({isProductType(product.soort) ? PRODUCT_TYPE_LABELS[product.soort] : product.soort})
                </span>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        ))}
      <Paragraph>
        <AppLink to={`/producten?maatregel=${code}`}>Producten bij {code} zoeken en filteren</AppLink>
      </Paragraph>
    </section>
  );
}

function FaqSection({ code }: { code: string }) {
  const faq = useFaqList({ maatregel: code, paginaGrootte: 100 });
  return (
    <section aria-labelledby="faq-kop" className="spoorboek-section">
      <Heading level={2} id="faq-kop">
        Veelgestelde vragen
      </Heading>
      <StatusMessage>{faq.isPending ? 'Veelgestelde vragen laden…' : ''}</StatusMessage>
      {faq.isError && <ErrorAlert error={faq.error} onRetry={() => void faq.refetch()} />}
      {faq.data &&
        (faq.data.resultaten.length === 0 ? (
          <Paragraph>Er zijn nog geen veelgestelde vragen over deze maatregel.</Paragraph>
        ) : (
          <UnorderedList>
            {faq.data.resultaten.map((entry) => (
              <UnorderedListItem key={entry.id}>
                <AppLink to={`/faq/${entry.id}`}>{entry.vraag}</AppLink>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        ))}
    </section>
  );
}

function NationalProgress({ code }: { code: string }) {
  const national = useOverview({ groep: 'land', maatregel: code });
  const perProvince = useOverview({ groep: 'provincie', maatregel: code });
  const figures = national.data?.groepen[0];
  const change = figures && figureChangeText(figures, (c) => c.aandeelGeimplementeerd, 'procentpunt');
  const groups = national.data && perProvince.data ? [...national.data.groepen, ...perProvince.data.groepen] : null;
  return (
    <ChartSection
      id="landelijk-kop"
      title="Landelijke voortgang"
      intro={
        <Paragraph>
          {figures
            ? `${percentText(figures.aandeelGeimplementeerd)} van de gemeenten heeft deze maatregel geïmplementeerd of geëvalueerd${change ? ` (${change})` : ''}; ${figures.teLaat.toLocaleString('nl-NL')} zijn te laat. Hieronder per provincie.`
            : 'In welke fase van invoering de gemeenten zijn, landelijk en per provincie.'}
        </Paragraph>
      }
      table={
        groups && (
          <PhaseTable id="landelijk-tabel" caption={`Gemeenten per fase van invoering van ${code}, landelijk en per provincie`} groups={groups} />
        )
      }
      herkomst={perProvince.data?.herkomst}
      csvSubject={`de voortgang van ${code} per provincie`}
    >
      <StatusMessage>{national.isPending || perProvince.isPending ? 'Voortgang laden…' : ''}</StatusMessage>
      {(national.isError || perProvince.isError) && (
        <ErrorAlert
          error={national.error ?? perProvince.error}
          onRetry={() => {
            void national.refetch();
            void perProvince.refetch();
          }}
        />
      )}
      {groups && <PhaseBars groups={groups} />}
    </ChartSection>
  );
}

function MeasureContent({ code }: { code: string }) {
  const measure = useMeasure(code);
  const editor = isEditor(useCurrentUser());
  if (measure.isPending) {
    return (
      <>
        <title>{`${code} – Spoorboek`}</title>
        <Heading level={1}>{code}</Heading>
        <StatusMessage>Maatregel laden…</StatusMessage>
      </>
    );
  }
  if (measure.isError) {
    return (
      <>
        <title>{`${code} – Spoorboek`}</title>
        <Heading level={1}>{code}</Heading>
        <ErrorAlert error={measure.error} onRetry={() => void measure.refetch()} />
      </>
    );
  }
  const data = measure.data;
  return (
    <>
      <title>{`${data.code} ${data.titel} – Spoorboek`}</title>
      <Heading level={1}>
        {data.code} {data.titel}
      </Heading>
      <Paragraph appearance="lead">{data.samenvatting}</Paragraph>
      <Facts measure={data} />
      {editor && (
        <Suspense fallback={<StatusMessage>Formulier laden…</StatusMessage>}>
          <MeasureDateForm measure={data} />
          <WaveTargetForm wave={data.fase} />
        </Suspense>
      )}
      <LawAndSources measure={data} />
      <RoadmapSection code={code} editor={editor} />
      <NationalProgress code={code} />
      <ProductsSection code={code} />
      <FaqSection code={code} />
      <Paragraph className="spoorboek-section">
        <AppLink to={`/maatregelen#maatregel-${code}`}>Terug naar alle maatregelen</AppLink>
      </Paragraph>
    </>
  );
}

/** /maatregelen/:code: everything about one measure, for everyone. */
export default function MeasurePage() {
  const { code = '' } = useParams();
  if (!MEASURE_CODE.test(code)) return <NotFoundPage />;
  return <MeasureContent key={code} code={code} />;
}
