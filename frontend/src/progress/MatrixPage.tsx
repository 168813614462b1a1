import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useSearchParams } from 'react-router-dom';

import { useFocusOnChange } from '../shared/useFocusOnChange';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { useMatrix } from './api';
import { matrixFiltersFrom, matrixViewFrom } from './filters';
import { HeatMap } from './HeatMap';
import { HeatMapLegend } from './HeatMapLegend';
import { MatrixFilterForm } from './MatrixFilterForm';
import { lightsText } from './summary';

/** /voortgang/matrix: every municipality × every measure, for the programme team. */
export default function MatrixPage() {
  const [params] = useSearchParams();
  const filters = matrixFiltersFrom(params);
  const view = matrixViewFrom(params);
  const matrix = useMatrix(filters);
  const resultsRef = useFocusOnChange(params.toString());

  let status = '';
  if (matrix.isPending) status = 'Matrix laden…';
  else if (matrix.isFetching && matrix.isPlaceholderData) status = 'Matrix bijwerken…';
  else if (matrix.data) {
    const { gemeenten, maatregelen } = matrix.data;
    status =
      gemeenten.length === 0 || maatregelen.length === 0
        ? 'Geen gemeenten of maatregelen bij deze filters.'
        : `${gemeenten.length} gemeenten × ${maatregelen.length} maatregelen: ${lightsText(gemeenten.flatMap((row) => row.verkeerslichten))}.`;
  }

  return (
    <>
      <title>Voortgangsmatrix – Spoorboek</title>
      <Heading level={1}>Voortgangsmatrix</Heading>
      <Paragraph appearance="lead">
        De stand van alle gemeenten bij alle maatregelen. Elke cel toont de fase (letters) en het verkeerslicht (teken);
        kies een gemeente voor haar details, of een cel voor de stand van die gemeente bij die maatregel.
      </Paragraph>
      <Heading level={2}>Filteren</Heading>
      {/* A box of its own for the form, which is made anew on every filter change (its key): the
          page's spacing rules (`> * + *`) make the browser restyle everything in the page,
          the heat map included, whenever one of the page's own children is replaced. */}
      <div>
        <MatrixFilterForm key={params.toString()} params={params} />
      </div>
      <HeatMapLegend view={view} />
      <Heading level={2} id="resultaten" tabIndex={-1} ref={resultsRef}>
        Matrix
      </Heading>
      <StatusMessage>{status}</StatusMessage>
      {matrix.isError && <ErrorAlert error={matrix.error} onRetry={() => void matrix.refetch()} />}
      {matrix.data && matrix.data.gemeenten.length > 0 && matrix.data.maatregelen.length > 0 && (
        <HeatMap matrix={matrix.data} view={view} />
      )}
    </>
  );
}
