import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Paragraph, SecondaryActionButton } from '@utrecht/component-library-react';
import { useState } from 'react';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import { storeAnswer } from '../app/queryClient';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';

const followKey = (id: number) => ['prive', 'product', id, 'volgen'] as const;

async function fetchFollowing(id: number, signal?: AbortSignal): Promise<boolean> {
  return (await unwrap(apiClient.GET('/producten/{id}/volgen', { params: { path: { id } }, signal }))).volgt;
}

async function setFollowing(id: number, on: boolean): Promise<boolean> {
  const params = { params: { path: { id } } };
  const answer = on ? apiClient.PUT('/producten/{id}/volgen', params) : apiClient.DELETE('/producten/{id}/volgen', params);
  return (await unwrap(answer)).volgt;
}

/**
 * Following a product: a signed-in person gets a notification when a new version is published.
 * The button says what pressing it does; the sentence beside it says where she stands.
 */
export function FollowProduct({ productId, title }: { productId: number; title: string }) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const following = useQuery({
    queryKey: followKey(productId),
    queryFn: ({ signal }) => fetchFollowing(productId, signal),
  });
  const change = useMutation({
    mutationFn: (on: boolean) => setFollowing(productId, on),
    onMutate: () => setMessage(''),
    onSuccess: async (on) => {
      await storeAnswer(queryClient, followKey(productId), on);
      setMessage(
        on
          ? `U volgt "${title}". U krijgt een melding als er een nieuwe versie is gepubliceerd.`
          : `U volgt "${title}" niet meer.`,
      );
    },
  });
  if (following.data === undefined) return null;
  const on = following.data;
  return (
    <section aria-labelledby="volgen-kop" className="spoorboek-follow">
      <Paragraph id="volgen-kop">
        {on ? 'U volgt dit product.' : 'Volg dit product om een melding te krijgen bij elke nieuwe versie.'}
      </Paragraph>
      <ButtonGroup>
        <SecondaryActionButton
          type="button"
          aria-pressed={on}
          busy={change.isPending}
          disabled={change.isPending}
          onClick={() => change.mutate(!on)}
        >
          {on ? 'Niet meer volgen' : 'Volgen'}
        </SecondaryActionButton>
      </ButtonGroup>
      {message && <StatusMessage>{message}</StatusMessage>}
      {change.error && <ErrorAlert error={change.error} />}
    </section>
  );
}
