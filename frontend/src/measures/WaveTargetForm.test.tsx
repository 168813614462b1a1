import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { makeWave } from '../test/fixtures';
import { json, mockApi, problem, requestsOf, setCookie } from '../test/mockApi';
import WaveTargetForm from './WaveTargetForm';

const FIND = { timeout: 5000 };

describe('WaveTargetForm', () => {
  it('sends the target with the wave’s version: a 400 at the field, a 412 as a notice keeping what was typed, then saved', async () => {
    setCookie('spoorboek_csrf', 'token');
    let stored = makeWave(1, { naam: 'Fase 1', doel: 90, versie: 3 });
    let answer = () => problem(400, 'Ongeldige invoer', '1 parameter ongeldig; zie invalidParams.', { invalidParams: [{ name: 'doel', in: 'body', code: 'range', reason: 'Ten hoogste 100.' }] });
    const fetchMock = mockApi({
      '/api/v1/fasen': () => json({ resultaten: [stored] }),
      'PATCH /api/v1/fasen/1': () => answer(),
    });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={queryClient}>
        <WaveTargetForm wave={{ nummer: 1, naam: 'Fase 1' }} />
      </QueryClientProvider>,
    );

    const form = await screen.findByRole('form', { name: 'Doel voor fase 1' }, FIND);
    const field = within(form).getByRole('textbox', { name: 'Percentage geïmplementeerd op de ingangsdatum' });
    await waitFor(() => expect(field).toHaveValue('90'));
    // Checked in the browser first: nothing is sent.
    fireEvent.change(field, { target: { value: '90,5' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Doel opslaan' }));
    expect(await screen.findByText(/^Vul een heel getal van 0 tot en met 100 in/, { selector: '.utrecht-form-field__error-message' }, FIND)).toBeInTheDocument();
    expect(requestsOf(fetchMock).some((request) => request.method === 'PATCH')).toBe(false);

    fireEvent.change(field, { target: { value: '80' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Doel opslaan' }));
    expect(await screen.findByText('Ten hoogste 100.', { selector: '.utrecht-form-field__error-message' }, FIND)).toBeInTheDocument();
    const patch = requestsOf(fetchMock).find((request) => request.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('"v3"');
    expect(await patch?.json()).toEqual({ doel: 80 });

    // Meanwhile a colleague set another target.
    stored = { ...stored, doel: 85, versie: 4 };
    answer = () => problem(412, 'Versie verouderd', 'Iemand anders heeft dit intussen gewijzigd.');
    fireEvent.click(within(form).getByRole('button', { name: 'Doel opslaan' }));
    const notice = await screen.findByRole('heading', { name: 'Iemand anders heeft deze fase al gewijzigd' }, FIND);
    await waitFor(() => expect(notice.closest('.spoorboek-conflict')).toHaveFocus());
    expect(await screen.findByText(/Nu: 85%\.$/, {}, FIND)).toBeInTheDocument();
    expect(field).toHaveValue('80');

    // Empty is no target, sent with the version read since.
    answer = () => json({ ...stored, doel: null, versie: 5 }, 200, { ETag: '"v5"' });
    fireEvent.change(field, { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Doel opslaan' }));
    expect(await screen.findByRole('status', {}, FIND)).toHaveTextContent('Fase 1 heeft nu geen doel.');
    const last = requestsOf(fetchMock).filter((request) => request.method === 'PATCH').at(-1);
    expect(last?.headers.get('If-Match')).toBe('"v4"');
    expect(await last?.json()).toEqual({ doel: null });
    expect(screen.queryByRole('heading', { name: 'Iemand anders heeft deze fase al gewijzigd' })).not.toBeInTheDocument();
  });
});
