import { Paragraph } from '@utrecht/component-library-react';
import type { Ref } from 'react';

/**
 * A live region that stays in the page while its text changes (screen readers announce changes
 * to an existing region, but often miss a new one). Empty when there is nothing to say.
 * With a ref it can take focus from a script (not by Tab), e.g. to put the user at a result.
 */
export function StatusMessage({ children, id, ref }: { children: string; id?: string; ref?: Ref<HTMLParagraphElement> }) {
  return (
    <Paragraph role="status" className="spoorboek-status" id={id} ref={ref} tabIndex={ref ? -1 : undefined}>
      {children}
    </Paragraph>
  );
}
