import { ButtonGroup, Heading, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { AppLink } from '../app/AppLink';
import { TextField } from '../forms/fields';
import { MeasureSelect } from '../measures/MeasureSelect';
import { SEARCH_MAX, SEARCH_MIN } from '../products/filters';
import { PagedResults } from '../shared/PagedResults';
import { SearchFragment } from '../shared/SearchFragment';
import { counted, usePagedList } from '../shared/usePagedList';
import { faqListQuery, type FaqEntry } from './api';
import { faqFiltersFrom } from './filters';
import { FaqFacts } from './FaqFacts';
import { groupByMeasure } from './group';

function SearchForm({ params }: { params: URLSearchParams }) {
  const navigate = useNavigate();
  const [term, setTerm] = useState(params.get('zoek') ?? '');
  const [measure, setMeasure] = useState(params.get('maatregel') ?? '');
  const [error, setError] = useState<string[] | undefined>(undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = term.trim();
    if (text && text.length < SEARCH_MIN) {
      setError([`Typ minstens ${SEARCH_MIN} tekens, of laat het veld leeg.`]);
      document.getElementById('faq-zoek')?.focus();
      return;
    }
    setError(undefined);
    const next = new URLSearchParams();
    if (text) next.set('zoek', text);
    if (measure) next.set('maatregel', measure);
    void navigate({ search: next.toString() });
  };
  return (
    <form noValidate onSubmit={submit} className="spoorboek-filters spoorboek-filters--grid" role="search" aria-label="Veelgestelde vragen doorzoeken">
      <TextField
        className="spoorboek-filters__wide"
        id="faq-zoek"
        label="Zoeken"
        type="search"
        maxLength={SEARCH_MAX}
        value={term}
        onChange={(event) => setTerm(event.target.value)}
        errors={error}
      />
      <MeasureSelect id="faq-maatregel" value={measure} onChange={(event) => setMeasure(event.target.value)} />
      <ButtonGroup className="spoorboek-filters__wide">
        <PrimaryActionButton type="submit">Zoeken</PrimaryActionButton>
        <AppLink to={{ search: '' }}>Alles tonen</AppLink>
      </ButtonGroup>
    </form>
  );
}

function FaqItem({ entry }: { entry: FaqEntry }) {
  const headingId = `faq-${entry.id}`;
  return (
    <li className="spoorboek-product" aria-labelledby={headingId}>
      <Heading level={4} id={headingId}>
        <AppLink to={`/faq/${entry.id}`}>{entry.vraag}</AppLink>
      </Heading>
      <Paragraph className="spoorboek-fragment">
        {entry.fragment ? <SearchFragment value={entry.fragment} /> : entry.antwoord}
      </Paragraph>
      <FaqFacts entry={entry} withMeasures={entry.maatregelen.length > 1} />
    </li>
  );
}

/** /faq: the public questions and answers, searchable, under a heading per measure. */
export default function FaqListPage() {
  const faq = usePagedList({
    filtersFrom: faqFiltersFrom,
    query: faqListQuery,
    messages: {
      loading: 'Veelgestelde vragen laden…',
      updating: 'Resultaten bijwerken…',
      empty: ({ filters }) =>
        filters.zoek ?? filters.maatregel ? 'Niets gevonden. Probeer een ander zoekwoord.' : 'Er zijn nog geen veelgestelde vragen.',
      found: ({ total, filters }) =>
        `${counted(total, 'vraag', 'vragen')} gevonden${filters.zoek ? ` voor "${filters.zoek}"` : ''}.`,
    },
  });
  const { params } = faq;
  return (
    <>
      <title>Veelgestelde vragen – Spoorboek</title>
      <Heading level={1}>Veelgestelde vragen</Heading>
      <Paragraph appearance="lead">
        Antwoorden van het programmateam op vragen die gemeenten stelden over de maatregelen van Participatiewet in
        balans, per maatregel.
      </Paragraph>
      <SearchForm key={params.toString()} params={params} />
      <PagedResults list={faq} heading="Resultaten">
        {(page) =>
          groupByMeasure(page.resultaten).map((group) => (
            <section key={group.code || 'algemeen'} aria-labelledby={`groep-${group.code || 'algemeen'}`}>
              <Heading level={3} id={`groep-${group.code || 'algemeen'}`}>
                {group.name}
              </Heading>
              <ul className="spoorboek-product-list" aria-labelledby={`groep-${group.code || 'algemeen'}`}>
                {group.entries.map((entry) => (
                  <FaqItem key={entry.id} entry={entry} />
                ))}
              </ul>
            </section>
          ))
        }
      </PagedResults>
    </>
  );
}
