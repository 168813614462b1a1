import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';

import { apiClient } from '../api/client';
import { flashState } from './flash';
import { storeSession } from './session';

/** Ends the session on the server (and its cookies), then forgets it here, whatever the answer. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      await apiClient.DELETE('/sessies/huidig');
    },
    onSettled: async () => {
      await storeSession(queryClient, null);
      void navigate('/', { state: flashState('U bent uitgelogd.', 'ok') });
    },
  });
}
