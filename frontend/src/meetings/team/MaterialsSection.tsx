import { useQuery } from '@tanstack/react-query';
import {
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  TableCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { AppLink } from '../../app/AppLink';
import { mapErrorToForm, NO_ERRORS, type FormErrors } from '../../forms/errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { RadioGroup } from '../../forms/fields';
import { DataTable } from '../../shared/DataTable';
import { DutchDateTime } from '../../shared/DutchDateTime';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { SearchPicker, searchBoxId, useSearchTerm } from '../../shared/SearchPicker';
import { addMaterial, findProducts, removeMaterial, sendMaterials, useMaterials } from './api';
import { plural } from './labels';
import { productPath } from './paths';
import type { MeetingDetail } from './types';
import { useMeetingAction } from './useMeetingAction';
import { useHasStarted } from './useHasStarted';

type MaterialKind = 'presentatie' | 'opname';
const KIND_TEXT: Record<string, string> = { presentatie: 'Presentatie', opname: 'Opname' };

function AddMaterialForm({ meeting, onAdded }: { meeting: MeetingDetail; onAdded: (text: string) => void }) {
  const [kind, setKind] = useState<MaterialKind>('presentatie');
  const { term, setTerm, search, enabled } = useSearchTerm();
  const [chosen, setChosen] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const found = useQuery({
    queryKey: ['producten', 'materiaal', kind, search],
    queryFn: ({ signal }) => findProducts(search, kind, signal),
    enabled,
    staleTime: 60 * 1000,
  });
  const add = useMeetingAction(meeting.id, (product: number) => addMaterial(meeting.id, product), {
    onDone: (material) => {
      setErrors(NO_ERRORS);
      setChosen('');
      setTerm('');
      onAdded(`"${material.product.titel}" is toegevoegd.`);
    },
    onFailed: (error) => setErrors(mapErrorToForm(error, ['product'])),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setErrors({ fields: { product: ['Zoek het product en kies het.'] }, general: [] });
      return;
    }
    add.mutate(Number(chosen));
  };
  const results = enabled ? found.data : undefined;
  let status = '';
  if (enabled && found.isPending) status = 'Producten zoeken…';
  else if (results?.length === 0) status = `Geen gepubliceerde ${kind === 'opname' ? 'opnames' : 'presentaties'} gevonden met "${search}".`;
  else if (results) status = `${plural(results.length, 'product', 'producten')} gevonden.`;
  return (
    <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="materiaal-toevoegen-kop">
      <Heading level={3} id="materiaal-toevoegen-kop">
        Materiaal toevoegen
      </Heading>
      <ErrorSummary errors={errors} fields={{ product: { label: 'Product', id: searchBoxId('materiaal') } }} />
      <RadioGroup
        id="materiaal-soort"
        name="materiaal-soort"
        legend="Soort"
        value={kind}
        onChange={(value) => {
          setKind(value as MaterialKind);
          setChosen('');
        }}
        choices={[
          { value: 'presentatie', label: 'Presentatie' },
          { value: 'opname', label: 'Opname' },
        ]}
      />
      <SearchPicker
        id="materiaal"
        label="Zoek het product"
        description="Een gepubliceerd product van deze soort. Typ minstens twee letters van de titel."
        errors={errors.fields.product}
        term={term}
        onTermChange={setTerm}
        status={status}
        query={found}
        enabled={enabled}
        legend="Gevonden producten"
        value={chosen}
        onChange={setChosen}
        choices={results?.map((product) => ({ value: String(product.id), label: product.titel }))}
      />
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={add.isPending} disabled={add.isPending}>
          Materiaal toevoegen
        </PrimaryActionButton>
      </ButtonGroup>
    </form>
  );
}

/** The presentation and recording of a meeting, and sending them to everyone registered. */
export function MaterialsSection({ meeting }: { meeting: MeetingDetail }) {
  const materials = useMaterials(meeting.id);
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const remove = useMeetingAction(meeting.id, (product: number) => removeMaterial(meeting.id, product), {
    onDone: () => setMessage('Het materiaal is weggehaald.'),
    onFailed: setFailure,
  });
  const send = useMeetingAction(meeting.id, () => sendMaterials(meeting.id), {
    onDone: ({ verstuurd }) =>
      setMessage(verstuurd === 0 ? 'Er was geen nieuw materiaal om te versturen.' : `Verstuurd: ${plural(verstuurd, 'mail', 'mails')}.`),
    onFailed: setFailure,
  });
  const list = materials.data?.materialen ?? [];
  const unsent = list.filter((material) => !material.verstuurdOp).length;
  const started = useHasStarted(meeting.begin);
  return (
    <section aria-labelledby="materialen-kop" className="spoorboek-section">
      <Heading level={2} id="materialen-kop">
        Materialen
      </Heading>
      <StatusMessage>{materials.isPending ? 'Materialen laden…' : ''}</StatusMessage>
      {materials.isError && <ErrorAlert error={materials.error} onRetry={() => void materials.refetch()} />}
      {materials.data && list.length === 0 && <Paragraph>Nog geen presentatie of opname toegevoegd.</Paragraph>}
      {list.length > 0 && (
        <DataTable id="materialen-tabel" caption="Materialen" columns={['Product', 'Soort', 'Verstuurd', 'Actie']}>
          {list.map((material) => (
            <TableRow key={material.product.id}>
              <TableCell>
                <AppLink to={productPath(material.product.id)}>{material.product.titel}</AppLink>
              </TableCell>
              <TableCell>{KIND_TEXT[material.product.soort] ?? material.product.soort}</TableCell>
              <TableCell>
                {material.verstuurdOp ? (
                  <>
                    Verstuurd op <DutchDateTime value={material.verstuurdOp} />
                  </>
                ) : (
                  'Nog niet verstuurd'
                )}
              </TableCell>
              <TableCell>
                <Button appearance="subtle-button" type="button" disabled={remove.isPending} onClick={() => remove.mutate(material.product.id)}>
                  Weghalen<span className="spoorboek-visually-hidden">: {material.product.titel}</span>
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
      {unsent > 0 && !started && (
        <Paragraph>Versturen aan wie is aangemeld kan zodra de bijeenkomst is begonnen.</Paragraph>
      )}
      {unsent > 0 && started && (
        <ButtonGroup>
          <SecondaryActionButton type="button" busy={send.isPending} disabled={send.isPending} onClick={() => send.mutate(undefined)}>
            Versturen aan wie is aangemeld ({plural(unsent, 'nieuw materiaal', 'nieuwe materialen')})
          </SecondaryActionButton>
        </ButtonGroup>
      )}
      {failure !== null && <ErrorAlert error={failure} />}
      <StatusMessage>{message}</StatusMessage>
      <AddMaterialForm
        meeting={meeting}
        onAdded={(text) => {
          setFailure(null);
          setMessage(text);
        }}
      />
    </section>
  );
}
