import { Alert, Heading } from '@utrecht/component-library-react';
import { useEffect, useRef, type ReactNode } from 'react';

/** The outcome of a page behind a mail's link (unsubscribe, rate, confirm, manage), focused when it appears so a
 * screen reader reads it at once. */
export function Outcome({ type, title, children }: { type: 'ok' | 'info' | 'warning'; title: string; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert type={type} ref={ref} tabIndex={-1} className="spoorboek-outcome">
      <Heading level={2}>{title}</Heading>
      {children}
    </Alert>
  );
}
