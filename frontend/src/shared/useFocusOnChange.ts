import { useEffect, useRef } from 'react';

/**
 * Moves focus to `ref` whenever `key` changes after the first render: after a new page of results
 * or new filters, keyboard and screen-reader users continue at the results.
 */
export function useFocusOnChange(key: string) {
  const ref = useRef<HTMLHeadingElement>(null);
  const previous = useRef(key);
  useEffect(() => {
    if (previous.current === key) return;
    previous.current = key;
    ref.current?.focus();
  }, [key]);
  return ref;
}
