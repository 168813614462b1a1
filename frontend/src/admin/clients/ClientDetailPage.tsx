import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ButtonGroup,
  Code,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';

import { ApiError } from '../../api/problem';
import { AppLink } from '../../app/AppLink';
import { NotFoundPage } from '../../app/NotFoundPage';
import { storeAnswer } from '../../app/queryClient';
import { CLIENT_KIND_LABELS, namesText, SCOPE_LABELS } from '../../auth/labels';
import { clientErrors, hasErrors, mapErrorToForm } from '../../forms/errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { TextField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import { DutchDateTime } from '../../shared/DutchDateTime';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { adminKeys, fetchClient, rotateClientSecret, setClientActive, type Client, type ClientWithSecret } from '../api';
import { ScrollTable } from '../../shared/ScrollTable';
import { SecretPanel } from './SecretPanel';

function ClientFacts({ client }: { client: Client }) {
  const facts: [string, ReactNode][] = [
    ['Client-id', <Code key="id">{client.clientId}</Code>],
    ['Soort', CLIENT_KIND_LABELS[client.soort]],
    ['Rechten', client.scopes.map((scope) => SCOPE_LABELS[scope]).join(', ')],
    ['Gemeenten', namesText(client.gemeenten)],
    ['Organisatie', client.organisatie ?? 'Geen'],
    ['Status', client.actief ? 'Actief' : 'Ingetrokken'],
    ['Aangemaakt', <DutchDateTime key="aangemaakt" value={client.aangemaaktOp} />],
  ];
  if (client.demo) facts.push(['Demo', 'Dit is een demonstratiekoppeling.']);
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

function secretState(secret: Client['geheimen'][number]): ReactNode {
  if (secret.ingetrokkenOp) return <>Ingetrokken op <DutchDateTime value={secret.ingetrokkenOp} /></>;
  if (secret.verlooptOp) return <>Werkt tot <DutchDateTime value={secret.verlooptOp} /></>;
  return 'Werkt';
}

function Secrets({ client }: { client: Client }) {
  return (
    <>
      <Heading level={3} id="geheimen-kop">
        Geheimen
      </Heading>
      {client.geheimen.length === 0 ? (
        <Paragraph>Deze koppeling heeft geen geheimen.</Paragraph>
      ) : (
        <ScrollTable labelledBy="geheimen-kop">
          <Table className="spoorboek-table" aria-labelledby="geheimen-kop">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Eindigt op</TableHeaderCell>
                <TableHeaderCell scope="col">Aangemaakt</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {client.geheimen.map((secret) => (
                <TableRow key={secret.id}>
                  <TableCell>
                    <Code>…{secret.hint}</Code>
                  </TableCell>
                  <TableCell>
                    <DutchDateTime value={secret.aangemaaktOp} />
                  </TableCell>
                  <TableCell>{secretState(secret)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollTable>
      )}
    </>
  );
}

function useStoreClient(clientId: string) {
  const queryClient = useQueryClient();
  return async (client: Client) => {
    await storeAnswer(queryClient, adminKeys.client(clientId), client);
    void queryClient.invalidateQueries({ queryKey: [...adminKeys.allClients, 'lijst'] });
  };
}

function ActiveToggle({ client }: { client: Client }) {
  const storeClient = useStoreClient(client.clientId);
  const [status, setStatus] = useState('');
  const mutation = useMutation({
    mutationFn: (actief: boolean) => setClientActive(client.clientId, actief),
    onMutate: () => setStatus(''),
    onSuccess: async (updated) => {
      await storeClient(updated);
      setStatus(
        updated.actief
          ? 'De koppeling is weer actief.'
          : 'De koppeling is ingetrokken. Toegangstokens en geheimen werken niet meer.',
      );
    },
  });
  return (
    <section aria-labelledby="status-kop" className="spoorboek-section">
      <Heading level={2} id="status-kop">
        {client.actief ? 'Intrekken' : 'Weer activeren'}
      </Heading>
      <Paragraph>
        {client.actief
          ? 'Een ingetrokken koppeling kan meteen geen gegevens meer opvragen of wijzigen. U kunt haar later weer activeren.'
          : 'Deze koppeling is ingetrokken. Na activeren werken haar geldige geheimen weer.'}
      </Paragraph>
      {mutation.isError && <ErrorAlert error={mutation.error} />}
      <ButtonGroup>
        <SecondaryActionButton
          type="button"
          hint={client.actief ? 'danger' : undefined}
          busy={mutation.isPending}
          disabled={mutation.isPending}
          onClick={() => mutation.mutate(!client.actief)}
        >
          {client.actief ? 'Koppeling intrekken' : 'Koppeling activeren'}
        </SecondaryActionButton>
      </ButtonGroup>
      <StatusMessage>{status}</StatusMessage>
    </section>
  );
}

const ROTATE_FIELDS = { overlapUren: { id: 'overlap-uren', label: 'Uren dat het oude geheim nog werkt' } };

function RotateSecret({ client, onRotated }: { client: Client; onRotated: (result: ClientWithSecret) => Promise<void> }) {
  const [hours, setHours] = useState('0');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const mutation = useMutation({
    mutationFn: (overlap: number) => rotateClientSecret(client.clientId, overlap),
    onSuccess: onRotated,
    onError: (error) => show(mapErrorToForm(error, Object.keys(ROTATE_FIELDS))),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const overlap = Number(hours);
    const problems = clientErrors({
      overlapUren:
        (!/^\d+$/.test(hours.trim()) || overlap > 72) && 'Vul een heel aantal uren in, van 0 tot en met 72.',
    });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    clear();
    mutation.mutate(overlap);
  };
  return (
    <section aria-labelledby="vervangen-kop" className="spoorboek-section">
      <Heading level={2} id="vervangen-kop">
        Nieuw geheim
      </Heading>
      <Paragraph>
        Maak een nieuw geheim als het oude is uitgelekt of kwijt is. Met een overlap werken het oude
        en het nieuwe geheim een tijdje allebei, zodat de koppeling zonder onderbreking kan overstappen.
      </Paragraph>
      <ErrorSummary ref={summaryRef} errors={errors} fields={ROTATE_FIELDS} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="vervangen-kop">
        <TextField
          {...ROTATE_FIELDS.overlapUren}
          type="number"
          inputMode="numeric"
          name="overlap-uren"
          min={0}
          max={72}
          step={1}
          required
          description="0 tot en met 72. Bij 0 werkt het oude geheim meteen niet meer."
          value={hours}
          onChange={(event) => setHours(event.target.value)}
          errors={errors.fields.overlapUren}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={mutation.isPending} disabled={mutation.isPending}>
            Nieuw geheim maken
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </section>
  );
}

export default function ClientDetailPage() {
  const clientId = useParams().clientId ?? '';
  const valid = /^sbc_[A-Za-z0-9_-]{8,40}$/.test(clientId);
  const storeClient = useStoreClient(clientId);
  // Shown once, kept in memory only (see SecretPanel).
  const [rotated, setRotated] = useState<ClientWithSecret | null>(null);
  const client = useQuery({
    queryKey: adminKeys.client(clientId),
    queryFn: ({ signal }) => fetchClient(clientId, signal),
    enabled: valid,
  });

  if (!valid || (client.error instanceof ApiError && client.error.status === 404)) return <NotFoundPage />;

  return (
    <>
      <title>{`${client.data?.naam ?? 'Koppeling'} – Beheer – Spoorboek`}</title>
      <Paragraph>
        <AppLink to="/beheer/koppelingen">Terug naar koppelingen</AppLink>
      </Paragraph>
      <Heading level={1}>{client.data?.naam ?? 'Koppeling'}</Heading>
      {client.isPending && <StatusMessage>Koppeling laden…</StatusMessage>}
      {client.isError && <ErrorAlert error={client.error} onRetry={() => void client.refetch()} />}
      {client.data && (
        <>
          {rotated && <SecretPanel clientId={rotated.koppeling.clientId} secret={rotated.clientSecret} />}
          <ClientFacts client={client.data} />
          <Secrets client={client.data} />
          <RotateSecret
            client={client.data}
            onRotated={async (result) => {
              await storeClient(result.koppeling);
              setRotated(result);
            }}
          />
          <ActiveToggle client={client.data} />
        </>
      )}
    </>
  );
}
