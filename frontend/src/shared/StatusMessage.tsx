import { Paragraph } from '@utrecht/component-library-react';

/**
 * A live region that stays in the page while its text changes (screen readers announce changes
 * to an existing region, but often miss a new one). Empty when there is nothing to say.
 */
export function StatusMessage({ children, id }: { children: string; id?: string }) {
  return (
    <Paragraph role="status" className="spoorboek-status" id={id}>
      {children}
    </Paragraph>
  );
}
