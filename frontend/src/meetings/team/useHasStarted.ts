import { useState } from 'react';

/**
 * Whether the meeting had begun when the panel opened: attendance and sending materials are for
 * then on (the API refuses them before). Read once, so a render never depends on the clock.
 */
export function useHasStarted(begin: string): boolean {
  const [started] = useState(() => Date.parse(begin) <= Date.now());
  return started;
}
