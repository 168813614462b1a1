import {
  Alert,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import { lazy, Suspense, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';

import { ApiError } from '../api/problem';
import { AppLink } from '../app/AppLink';
import { hasRole, isEditor, useCurrentUser } from '../auth/session';
import { FeedbackBlock } from '../proposals/FeedbackBlock';
import { FollowProduct } from './FollowProduct';
import { DutchDate } from '../shared/DutchDate';
import { DutchDateTime } from '../shared/DutchDateTime';
import { DutchDay } from '../shared/DutchDay';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { useProduct } from './api';
import { FileList } from './FileList';
import { AUDIENCE_LABELS, PRODUCT_TYPE_LABELS, STATUS_LABELS } from './labels';
import type { Product } from './types';

// Only editors and invited testers need these parts; the public never downloads them.
const EditorSections = lazy(() => import('./editor/EditorSections'));
const TesterReview = lazy(() => import('./review/TesterReview'));

function SectionLoading() {
  return <StatusMessage>Onderdelen laden…</StatusMessage>;
}

function ProductNotFound() {
  return (
    <>
      <title>Product niet gevonden – Spoorboek</title>
      <Heading level={1}>Product niet gevonden</Heading>
      <Paragraph>
        Dit product bestaat niet, of is (nog) niet gepubliceerd. Bekijk de{' '}
        <AppLink to="/producten">gepubliceerde producten</AppLink>.
      </Paragraph>
    </>
  );
}

function ProductFacts({ product, editor }: { product: Product; editor: boolean }) {
  const facts: [string, ReactNode][] = [
    ['Soort', PRODUCT_TYPE_LABELS[product.soort]],
    ['Status', STATUS_LABELS[product.status]],
    [
      'Maatregelen',
      <ul className="spoorboek-inline-list" key="maatregelen">
        {product.maatregelen.map((measure) => (
          <li key={measure.code}>
            <AppLink to={{ pathname: '/', hash: `maatregel-${measure.code}` }}>
              {measure.code} {measure.naam}
            </AppLink>
          </li>
        ))}
      </ul>,
    ],
    ['Fasen', product.fasen.map((wave) => `Fase ${wave}`).join(', ') || 'Geen'],
    ['Doelgroepen', product.doelgroepen.map((audience) => AUDIENCE_LABELS[audience]).join(', ')],
    ['Uitgevers', product.uitgevers.map((publisher) => publisher.naam).join(', ') || 'Niet vermeld'],
    ['Taalniveau', product.taalniveau ?? 'Niet vastgesteld'],
    ['Licentie', product.licentie],
    ['Laatst gewijzigd', <DutchDateTime key="gewijzigd" value={product.gewijzigdOp} />],
  ];
  if (editor) {
    facts.push(
      ['Geplande opleverdatum', product.geplandDatum ? <DutchDate key="gepland" value={product.geplandDatum} /> : 'Niet gepland'],
      [
        'Uiterste leverdatum',
        product.uitersteLeverdatum ? <DutchDate key="uiterst" value={product.uitersteLeverdatum} /> : 'Geen',
      ],
      ['Eigenaar', product.eigenaar?.naam ?? 'Onbekend'],
    );
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

/** What the visitor sees may be older than where the product stands: say so. */
function StateNotice({ product }: { product: Product }) {
  const published = product.gepubliceerdeVersie;
  if (product.status === 'ingetrokken') {
    return (
      <Alert type="warning" role="note">
        <Paragraph>
          Dit product is ingetrokken. Het publiek ziet het niet meer; de documenten blijven alleen voor
          de redactie beschikbaar.
        </Paragraph>
      </Alert>
    );
  }
  if (!published) {
    return (
      <Alert type="info" role="note">
        <Paragraph>Dit product is nog niet gepubliceerd. Alleen de redactie en uitgenodigde toetsers zien het.</Paragraph>
      </Alert>
    );
  }
  if (product.status === 'in-ontwikkeling' || product.status === 'in-toetsing') {
    return (
      <Alert type="info" role="note">
        <Paragraph>
          Er wordt gewerkt aan een nieuwe versie van dit product. Tot die klaar is, blijft versie{' '}
          {published.nummer} de geldende versie.
        </Paragraph>
      </Alert>
    );
  }
  return null;
}

function PublishedVersion({ product }: { product: Product }) {
  const version = product.gepubliceerdeVersie;
  if (!version) return null;
  return (
    <section aria-labelledby="gepubliceerd-kop" className="spoorboek-section">
      <Heading level={2} id="gepubliceerd-kop">
        Gepubliceerde versie
      </Heading>
      <Paragraph>
        Versie {version.nummer}
        {version.gepubliceerdOp && (
          <>
            , gepubliceerd op <DutchDay value={version.gepubliceerdOp} />
          </>
        )}
        .
      </Paragraph>
      <DataList className="spoorboek-facts">
        <DataListItem>
          <DataListKey>Wat is er veranderd</DataListKey>
          <DataListValue>{version.wijzigingsnotitie}</DataListValue>
        </DataListItem>
      </DataList>
      <Heading level={3} id="gepubliceerd-bestanden">
        Documenten en links
      </Heading>
      <FileList files={version.bestanden} labelledBy="gepubliceerd-bestanden" />
    </section>
  );
}

/** The draft as an invited tester sees it: read only, with its documents to download. */
function DraftVersion({ product }: { product: Product }) {
  const draft = product.conceptversie;
  if (!draft) return null;
  return (
    <section aria-labelledby="concept-kop" className="spoorboek-section">
      <Heading level={2} id="concept-kop">
        Conceptversie {draft.nummer}
      </Heading>
      <Paragraph>U ziet deze versie omdat u bent uitgenodigd om haar te toetsen. Ze is nog niet openbaar.</Paragraph>
      <DataList className="spoorboek-facts">
        <DataListItem>
          <DataListKey>Wijzigingsnotitie</DataListKey>
          <DataListValue>{draft.wijzigingsnotitie}</DataListValue>
        </DataListItem>
      </DataList>
      <Heading level={3} id="concept-bestanden">
        Documenten en links van het concept
      </Heading>
      <FileList files={draft.bestanden} labelledBy="concept-bestanden" />
    </section>
  );
}

export default function ProductPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id >= 1;
  const user = useCurrentUser();
  const editor = isEditor(user);
  const tester = hasRole(user, 'gemeente');
  const product = useProduct(id, valid);

  if (!valid || (product.error instanceof ApiError && product.error.status === 404)) return <ProductNotFound />;

  const data = product.data;
  return (
    <>
      <title>{`${data?.titel ?? 'Product'} – Producten – Spoorboek`}</title>
      <Paragraph>
        <AppLink to="/producten">Terug naar de producten</AppLink>
      </Paragraph>
      {!data && <Heading level={1}>Product</Heading>}
      {product.isPending && <StatusMessage>Product laden…</StatusMessage>}
      {product.isError && <ErrorAlert error={product.error} onRetry={() => void product.refetch()} />}
      {data && (
        <>
          <Heading level={1}>{data.titel}</Heading>
          <Paragraph appearance="lead" className="spoorboek-summary">
            {data.samenvatting}
          </Paragraph>
          <StateNotice product={data} />
          {user && <FollowProduct productId={data.id} title={data.titel} />}
          <ProductFacts product={data} editor={editor} />
          <PublishedVersion product={data} />
          {editor ? (
            <Suspense fallback={<SectionLoading />}>
              <EditorSections product={data} />
            </Suspense>
          ) : (
            <DraftVersion product={data} />
          )}
          {tester && data.conceptversie && (
            <Suspense fallback={<SectionLoading />}>
              <TesterReview product={data} />
            </Suspense>
          )}
          {data.gepubliceerdeVersie && data.status !== 'ingetrokken' && (
            <FeedbackBlock productId={data.id} version={data.gepubliceerdeVersie.nummer} signedIn={Boolean(user)} />
          )}
        </>
      )}
    </>
  );
}
