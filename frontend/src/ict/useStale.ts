import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A page's notice that someone else changed what it showed (a 412): shown once per refusal and
 * focused, so keyboard and screen-reader users hear it. Render StaleNotice with `ref` while `shown`.
 */
export function useStale() {
  const [count, setCount] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count]);
  const report = useCallback(() => setCount((value) => value + 1), []);
  return { shown: count > 0, ref, report };
}
