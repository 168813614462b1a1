import type { ReactNode } from 'react';

/**
 * Lets a wide table scroll sideways inside the page instead of widening it (320px screens).
 * The region is focusable so keyboard users can scroll it too.
 */
export function ScrollTable({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard
    <div className="spoorboek-table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
