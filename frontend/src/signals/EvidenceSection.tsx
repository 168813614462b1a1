import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, SecondaryActionButton, SubtleButton, TableCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';

import { AppLink, ButtonAppLink } from '../app/AppLink';
import { cellPath } from '../progress/paths';
import { DataTable } from '../shared/DataTable';
import { DutchDay } from '../shared/DutchDay';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { signalKeys, unlinkBlocker, unlinkQuestion } from './api';
import { BlockerPicker } from './BlockerPicker';
import { kindLabel } from './labels';
import { blockersLink } from './paths';
import { QuestionPicker } from './QuestionPicker';
import type { SignalRead } from './types';
import { refreshAfterChange } from './useSignalChange';
import { QuestionCells } from './SignalCells';

type Unlink = { kind: 'vraag'; id: number } | { kind: 'knelpunt'; gemeente: string; maatregel: string };

function useUnlink(signal: SignalRead, onDone: (text: string) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (what: Unlink) =>
      what.kind === 'vraag' ? unlinkQuestion(signal.id, what.id) : unlinkBlocker(signal.id, what.gemeente, what.maatregel),
    onSuccess: async (_, what) => {
      onDone(what.kind === 'vraag' ? `Vraag ${what.id} telt niet langer als bewijs.` : 'Het knelpunt telt niet langer als bewijs.');
      await queryClient.invalidateQueries({ queryKey: signalKeys.detail(signal.id) });
      await refreshAfterChange(queryClient, signal.id);
    },
  });
}

/**
 * The evidence behind a signal (team only): linked questions, blockers of progress cells and the
 * municipalities that said it applies to them too; linking more, and unlinking.
 */
export function EvidenceSection({ signal }: { signal: SignalRead }) {
  const [message, setMessage] = useState('');
  const [picking, setPicking] = useState(false);
  const unlink = useUnlink(signal, setMessage);
  const busy = unlink.isPending;

  return (
    <section aria-labelledby="bewijs-kop" className="spoorboek-section spoorboek-contained">
      <Heading level={2} id="bewijs-kop">
        Bewijs
      </Heading>
      <Paragraph>
        Het bereik volgt uit het bewijs: elke gemeente achter een vraag, een knelpunt of een &lsquo;ook bij ons&rsquo; telt één
        keer.
      </Paragraph>
      <StatusMessage>{message}</StatusMessage>
      {unlink.isError && <ErrorAlert error={unlink.error} />}

      <Heading level={3} id="bewijs-vragen-kop">
        Vragen ({signal.vragen.length})
      </Heading>
      {signal.vragen.length === 0 ? (
        <Paragraph>Nog geen vragen gekoppeld.</Paragraph>
      ) : (
        <DataTable id="bewijs-vragen" caption="Gekoppelde vragen" columns={['Vraag', 'Gemeente', 'Ontvangen', 'Actie']}>
          {signal.vragen.map((question) => (
            <TableRow key={question.id}>
              <QuestionCells question={question} />
              <TableCell>
                <SubtleButton type="button" disabled={busy} onClick={() => unlink.mutate({ kind: 'vraag', id: question.id })}>
                  Ontkoppelen<span className="spoorboek-visually-hidden"> vraag {question.id}</span>
                </SubtleButton>
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}

      <Heading level={3} id="bewijs-knelpunten-kop">
        Knelpunten uit de voortgang ({signal.knelpunten.length})
      </Heading>
      {signal.knelpunten.length === 0 ? (
        <Paragraph>Nog geen knelpunten gekoppeld.</Paragraph>
      ) : (
        <DataTable
          id="bewijs-knelpunten"
          caption="Gekoppelde knelpunten, met hun tekst van toen"
          columns={['Gemeente', 'Maatregel', 'Knelpunt', 'Soort', 'Actie']}
        >
          {signal.knelpunten.map((blocker) => (
            <TableRow key={`${blocker.gemeente.code}/${blocker.maatregel}`}>
              <TableCell>
                <AppLink to={cellPath(blocker.gemeente.code, blocker.maatregel)}>{blocker.gemeente.naam}</AppLink>
              </TableCell>
              <TableCell>{blocker.maatregel}</TableCell>
              <TableCell className="spoorboek-text-cell">{blocker.tekst}</TableCell>
              <TableCell>{blocker.knelpuntSoort ? kindLabel(blocker.knelpuntSoort) : 'Niet ingedeeld'}</TableCell>
              <TableCell>
                <SubtleButton
                  type="button"
                  disabled={busy}
                  onClick={() => unlink.mutate({ kind: 'knelpunt', gemeente: blocker.gemeente.code, maatregel: blocker.maatregel })}
                >
                  Ontkoppelen
                  <span className="spoorboek-visually-hidden">
                    {' '}
                    knelpunt van {blocker.gemeente.naam} bij {blocker.maatregel}
                  </span>
                </SubtleButton>
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}

      <Heading level={3} id="bewijs-ook-bij-kop">
        Ook bij ({signal.ookBij.length})
      </Heading>
      {signal.ookBij.length === 0 ? (
        <Paragraph>Nog geen gemeente zei dat dit ook bij haar speelt.</Paragraph>
      ) : (
        <DataTable id="bewijs-ook-bij" caption="Gemeenten die zeiden: dit geldt ook bij ons" columns={['Gemeente', 'Toelichting', 'Op']}>
          {signal.ookBij.map((support) => (
            <TableRow key={support.gemeente.code}>
              <TableCell>{support.gemeente.naam}</TableCell>
              <TableCell className="spoorboek-text-cell">{support.toelichting ?? '–'}</TableCell>
              <TableCell>
                <DutchDay value={support.op} />
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}

      <Heading level={3} id="bewijs-koppelen-kop">
        Bewijs koppelen
      </Heading>
      <ButtonGroup>
        <SecondaryActionButton type="button" aria-expanded={picking} aria-controls="bewijs-kiezen" onClick={() => setPicking((open) => !open)}>
          {picking ? 'Kiezen sluiten' : 'Vragen en knelpunten kiezen'}
        </SecondaryActionButton>
        <ButtonAppLink to={blockersLink(signal)} appearance="subtle">
          Naar alle knelpunten
        </ButtonAppLink>
      </ButtonGroup>
      <div id="bewijs-kiezen" hidden={!picking}>
        {picking && (
          <>
            <BlockerPicker signal={signal} />
            <QuestionPicker signal={signal} />
          </>
        )}
      </div>
    </section>
  );
}
