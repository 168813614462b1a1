import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  ButtonGroup,
  Heading,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  SelectOption,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';

import { AppLink } from '../app/AppLink';
import { storeAnswer } from '../app/queryClient';
import { FilterButtons } from '../forms/filterForm';
import { SelectField } from '../forms/fields';
import { MeasureSelect } from '../measures/MeasureSelect';
import { cellPath } from '../progress/paths';
import { DataTable } from '../shared/DataTable';
import { DutchDay } from '../shared/DutchDay';
import { ErrorAlert } from '../shared/ErrorAlert';
import { pageFrom, Pagination } from '../shared/Pagination';
import { StatusMessage } from '../shared/StatusMessage';
import { useFocusOnChange } from '../shared/useFocusOnChange';
import { addEvidence, signalFromGroup, signalKeys, useBlockers, useOpenSignals, useSignal } from './api';
import { addedText, newCells } from './evidence';
import { blockerQueryFrom, targetSignalFrom } from './filters';
import { kindLabel, statusLabel } from './labels';
import { useLimitedRows } from './LimitedRows';
import { KindChoice, KindSelect } from './SignalSelects';
import { REGISTER_PATH, signalPath } from './paths';
import type { BlockerGroup, BlockersView, SignalRead } from './types';
import { refreshAfterChange } from './useSignalChange';
import './signals.css';
import { plural } from '../shared/dutch';

const GROUPS_PER_PAGE = 10;

function FilterForm({ params }: { params: URLSearchParams }) {
  const navigate = useNavigate();
  const [measure, setMeasure] = useState(params.get('maatregel') ?? '');
  const [kind, setKind] = useState(params.get('soort') ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    const target = params.get('signaal');
    if (target) next.set('signaal', target);
    if (measure) next.set('maatregel', measure);
    if (kind) next.set('soort', kind);
    void navigate({ search: next.toString() });
  };
  return (
    <form noValidate onSubmit={submit} className="spoorboek-filters spoorboek-filters--grid" aria-label="Knelpunten filteren">
      <MeasureSelect id="filter-maatregel" value={measure} onChange={(event) => setMeasure(event.target.value)} />
      <KindSelect id="filter-soort" value={kind} onChange={(event) => setKind(event.target.value)} withNone />
      <FilterButtons wide />
    </form>
  );
}

/** Blockers per measure and kind: each count leads to the groups behind it. */
function Matrix({ view, params }: { view: BlockersView; params: URLSearchParams }) {
  const kinds = view.perSoort;
  const filtered = (measure: string, kind: string) => {
    const next = new URLSearchParams();
    const target = params.get('signaal');
    if (target) next.set('signaal', target);
    next.set('maatregel', measure);
    next.set('soort', kind);
    return { search: next.toString() };
  };
  return (
    <DataTable
      id="knelpunten-matrix"
      caption="Knelpunten per maatregel en soort"
      visibleCaption
      columns={['Maatregel', 'Knelpunten', 'Gemeenten', ...kinds.map((kind) => kind.naam)]}
    >
      {view.perMaatregel.map((row) => (
        <TableRow key={row.maatregel.code}>
          <TableHeaderCell scope="row">
            {row.maatregel.code} <span className="spoorboek-muted">{row.maatregel.naam}</span>
          </TableHeaderCell>
          <TableCell className="spoorboek-number">{row.aantalKnelpunten}</TableCell>
          <TableCell className="spoorboek-number">{row.aantalGemeenten}</TableCell>
          {kinds.map((kind) => {
            const count = row.perSoort.find((cell) => cell.soort === kind.soort)?.aantalKnelpunten ?? 0;
            return (
              <TableCell key={kind.soort} className="spoorboek-number">
                {count === 0 ? (
                  '0'
                ) : (
                  <AppLink to={filtered(row.maatregel.code, kind.soort)}>
                    {count}
                    <span className="spoorboek-visually-hidden">
                      {' '}
                      {count === 1 ? 'knelpunt' : 'knelpunten'} bij {row.maatregel.code}, {kind.naam}
                    </span>
                  </AppLink>
                )}
              </TableCell>
            );
          })}
        </TableRow>
      ))}
      {view.perMaatregel.length > 1 && (
        <TableRow>
          <TableHeaderCell scope="row">Alle maatregelen</TableHeaderCell>
          <TableCell className="spoorboek-number">{view.aantalKnelpunten}</TableCell>
          <TableCell className="spoorboek-number">{view.aantalGemeenten}</TableCell>
          {kinds.map((kind) => (
            <TableCell key={kind.soort} className="spoorboek-number">
              {kind.aantalKnelpunten}
            </TableCell>
          ))}
        </TableRow>
      )}
    </DataTable>
  );
}

function GroupTable({ group, id }: { group: BlockerGroup; id: string }) {
  const { rows, toggle } = useLimitedRows(group.knelpunten, 'knelpunten');
  return (
    <>
      <DataTable id={`${id}-tabel`} caption={`Knelpunten van de groep: ${group.voorstel.titel}`} columns={['Gemeente', 'Maatregel', 'Knelpunt', 'Soort', 'Sinds']}>
        {rows.map((blocker) => (
          <TableRow key={`${blocker.gemeente.code}/${blocker.maatregel.code}`}>
            <TableCell>
              <AppLink to={cellPath(blocker.gemeente.code, blocker.maatregel.code)}>{blocker.gemeente.naam}</AppLink>
            </TableCell>
            <TableCell>{blocker.maatregel.code}</TableCell>
            <TableCell className="spoorboek-text-cell">
              {blocker.tekst}
              {blocker.signalen.length > 0 && (
                <>
                  <br />
                  <span className="spoorboek-muted">Al bewijs van signaal {blocker.signalen.map((signal) => signal.id).join(', ')}</span>
                </>
              )}
            </TableCell>
            <TableCell>{blocker.soort ? kindLabel(blocker.soort) : 'Geen'}</TableCell>
            <TableCell>
              <DutchDay value={blocker.sinds} />
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
      {toggle}
    </>
  );
}

/** "Maak signaal" and "Voeg toe aan signaal" for one group; with a target signal, only the latter. */
function GroupActions({ group, id, target }: { group: BlockerGroup; id: string; target: SignalRead | null }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [mode, setMode] = useState<'maak' | 'voeg' | null>(null);
  const [kind, setKind] = useState<string>(group.voorstel.soort ?? '');
  const [chosen, setChosen] = useState(String(group.signalen[0]?.id ?? ''));
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const openSignals = useOpenSignals(mode === 'voeg');

  const make = useMutation({
    mutationFn: () => signalFromGroup(kind && kind !== group.voorstel.soort ? { sleutel: group.sleutel, soort: kind as SignalRead['soort'] } : { sleutel: group.sleutel }),
    onSuccess: async (signal) => {
      await storeAnswer(queryClient, signalKeys.detail(signal.id), signal);
      await queryClient.invalidateQueries({ queryKey: signalKeys.all, refetchType: 'none' });
      void navigate(signalPath(signal.id), { state: { reported: true } });
    },
  });
  const add = useMutation({
    mutationFn: (signalId: number) =>
      addEvidence(signalId, {
        knelpunten: newCells(group.knelpunten, new Set()),
      }).then((added) => ({ added, signalId })),
    onSuccess: async ({ added, signalId }) => {
      setMode(null);
      setMessage(`${addedText(added)} (signaal ${signalId})`);
      await queryClient.invalidateQueries({ queryKey: signalKeys.detail(signalId) });
      await refreshAfterChange(queryClient, signalId);
      await queryClient.invalidateQueries({ queryKey: [...signalKeys.all, 'knelpunten'] });
    },
  });
  const failure = make.error ?? add.error;

  if (target) {
    return (
      <>
        {failure && <ErrorAlert error={failure} />}
        <ButtonGroup>
          <PrimaryActionButton type="button" busy={add.isPending} disabled={add.isPending} onClick={() => add.mutate(target.id)}>
            Voeg toe aan signaal {target.id}
          </PrimaryActionButton>
        </ButtonGroup>
        <StatusMessage>{message}</StatusMessage>
      </>
    );
  }

  const submitMake = (event: FormEvent) => {
    event.preventDefault();
    if (!kind) {
      setProblem('Kies de soort van het signaal.');
      document.getElementById(`${id}-soort`)?.focus();
      return;
    }
    setProblem(null);
    make.mutate();
  };
  const submitAdd = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setProblem('Kies het signaal.');
      document.getElementById(`${id}-signaal`)?.focus();
      return;
    }
    setProblem(null);
    add.mutate(Number(chosen));
  };
  const candidates = [
    ...group.signalen.map((signal) => ({ id: signal.id, titel: signal.titel, status: signal.status })),
    ...(openSignals.data?.resultaten ?? []).filter((signal) => !group.signalen.some((linked) => linked.id === signal.id)),
  ];

  return (
    <>
      {failure && <ErrorAlert error={failure} />}
      <ButtonGroup>
        <PrimaryActionButton
          type="button"
          aria-expanded={mode === 'maak'}
          onClick={() => {
            setProblem(null);
            setMode(mode === 'maak' ? null : 'maak');
          }}
        >
          Maak signaal
        </PrimaryActionButton>
        <SecondaryActionButton
          type="button"
          aria-expanded={mode === 'voeg'}
          onClick={() => {
            setProblem(null);
            setMode(mode === 'voeg' ? null : 'voeg');
          }}
        >
          Voeg toe aan signaal
        </SecondaryActionButton>
      </ButtonGroup>
      {mode === 'maak' && (
        <form noValidate onSubmit={submitMake} className="spoorboek-form" aria-label={`Signaal maken van: ${group.voorstel.titel}`}>
          <Paragraph>
            Het signaal krijgt de titel &lsquo;{group.voorstel.titel}&rsquo; en alle {group.aantalKnelpunten} knelpunten als bewijs. U past
            het daarna zo nodig aan.
          </Paragraph>
          <KindChoice id={`${id}-soort`} value={kind} onChange={(event) => setKind(event.target.value)} errors={problem ? [problem] : undefined} />
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={make.isPending} disabled={make.isPending}>
              Signaal maken
            </PrimaryActionButton>
          </ButtonGroup>
        </form>
      )}
      {mode === 'voeg' && (
        <form noValidate onSubmit={submitAdd} className="spoorboek-form" aria-label={`Toevoegen aan een signaal: ${group.voorstel.titel}`}>
          <SelectField
            id={`${id}-signaal`}
            label="Signaal"
            description="Een open signaal; de knelpunten die het al heeft, blijven staan."
            value={chosen}
            busy={openSignals.isPending}
            onChange={(event) => setChosen(event.target.value)}
            errors={problem ? [problem] : undefined}
          >
            <SelectOption value="">Kies een signaal</SelectOption>
            {candidates.map((signal) => (
              <SelectOption key={signal.id} value={String(signal.id)}>
                {signal.id}: {signal.titel} ({statusLabel(signal.status).toLowerCase()})
              </SelectOption>
            ))}
          </SelectField>
          {openSignals.isError && <ErrorAlert error={openSignals.error} onRetry={() => void openSignals.refetch()} />}
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={add.isPending} disabled={add.isPending}>
              Toevoegen
            </PrimaryActionButton>
          </ButtonGroup>
        </form>
      )}
      <StatusMessage>{message}</StatusMessage>
    </>
  );
}

function GroupItem({ group, target }: { group: BlockerGroup; target: SignalRead | null }) {
  const id = `groep-${group.sleutel}`;
  return (
    <li>
      <article aria-labelledby={`${id}-kop`} className="spoorboek-group spoorboek-panel">
        <Heading level={3} id={`${id}-kop`}>
          {group.voorstel.titel}
        </Heading>
        <Paragraph>
          {group.aantalKnelpunten} {group.aantalKnelpunten === 1 ? 'knelpunt' : 'knelpunten'} van {group.aantalGemeenten}{' '}
          {group.aantalGemeenten === 1 ? 'gemeente' : 'gemeenten'}, bij {group.maatregelen.map((measure) => measure.code).join(', ')}.
          {group.kernwoorden.length > 0 && <> Kernwoorden: {group.kernwoorden.join(', ')}.</>}
        </Paragraph>
        {group.signalen.length > 0 && (
          <Paragraph>
            Al bewijs van:{' '}
            {group.signalen.map((signal, index) => (
              <span key={signal.id}>
                {index > 0 && '; '}
                <AppLink to={signalPath(signal.id)}>
                  signaal {signal.id}: {signal.titel}
                </AppLink>{' '}
                ({signal.aantalBewijs} van {group.aantalKnelpunten})
              </span>
            ))}
          </Paragraph>
        )}
        <GroupTable group={group} id={id} />
        <GroupActions group={group} id={id} target={target} />
      </article>
    </li>
  );
}

function TargetNotice({ signalId }: { signalId: number }) {
  const signal = useSignal(signalId);
  return (
    <Alert type="info" role="note">
      <Paragraph>
        U voegt knelpunten toe aan{' '}
        <AppLink to={signalPath(signalId)}>
          signaal {signalId}
          {signal.data ? `: ${signal.data.titel}` : ''}
        </AppLink>
        . Kies &lsquo;Voeg toe aan signaal {signalId}&rsquo; bij een groep, en ga daarna terug naar het signaal.
      </Paragraph>
    </Alert>
  );
}

/** /signalen/knelpunten: every blocker of the progress cells, per measure and kind, in groups of similar text. */
export default function BlockersPage() {
  const [params] = useSearchParams();
  const query = blockerQueryFrom(params);
  const targetId = targetSignalFrom(params);
  const target = useSignal(targetId ?? 0, targetId !== null);
  const view = useBlockers(query);
  const page = pageFrom(params.get('pagina'));
  const groupsRef = useFocusOnChange(params.toString());
  const groups = view.data?.groepen ?? [];
  const pages = Math.max(1, Math.ceil(groups.length / GROUPS_PER_PAGE));
  const shown = groups.slice((page - 1) * GROUPS_PER_PAGE, page * GROUPS_PER_PAGE);
  const hrefFor = (number: number) => {
    const next = new URLSearchParams(params);
    next.set('pagina', String(number));
    return { search: next.toString() };
  };
  return (
    <>
      <title>Knelpunten uit de voortgang – Spoorboek</title>
      <Paragraph>
        <AppLink to={REGISTER_PATH}>Terug naar het register</AppLink>
      </Paragraph>
      <Heading level={1}>Knelpunten uit de voortgang</Heading>
      <Paragraph appearance="lead">
        Wat gemeenten als knelpunt bij hun voortgang noemen, per maatregel en soort, en gebundeld naar gelijkende tekst.
        Maak van een groep een signaal, of voeg haar toe aan een signaal dat er al is.
      </Paragraph>
      {targetId !== null && <TargetNotice signalId={targetId} />}
      <Heading level={2}>Filteren</Heading>
      <FilterForm key={params.toString()} params={params} />
      <StatusMessage>
        {view.isPending
          ? 'Knelpunten laden…'
          : view.data
            ? `${plural(view.data.aantalKnelpunten, 'knelpunt', 'knelpunten')} van ${plural(view.data.aantalGemeenten, 'gemeente', 'gemeenten')}, in ${plural(groups.length, 'groep', 'groepen')}.`
            : ''}
      </StatusMessage>
      {view.isError && <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />}
      {view.data && view.data.perMaatregel.length > 0 && (
        <div className="spoorboek-contained">
          <Matrix view={view.data} params={params} />
        </div>
      )}
      <Heading level={2} id="groepen" tabIndex={-1} ref={groupsRef}>
        Groepen van gelijkende knelpunten
      </Heading>
      {view.data && groups.length === 0 && <Paragraph>Geen knelpunten met deze filters.</Paragraph>}
      {shown.length > 0 && (
        <>
          <ul className="spoorboek-groups">
            {shown.map((group) => (
              <GroupItem key={group.sleutel} group={group} target={target.data ?? null} />
            ))}
          </ul>
          <Pagination page={Math.min(page, pages)} pages={pages} hrefFor={hrefFor} />
        </>
      )}
    </>
  );
}
