import { useCallback, useEffect, useRef, useState } from 'react';

import { hasErrors, NO_ERRORS, type FormErrors } from './errors';

/**
 * The errors of a form, and focus on its error summary each time a submit fails, so keyboard
 * and screen-reader users hear what went wrong and can jump to each field from there.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [failures, setFailures] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (failures > 0) summaryRef.current?.focus();
  }, [failures]);

  const show = useCallback((next: FormErrors) => {
    setErrors(next);
    if (hasErrors(next)) setFailures((count) => count + 1);
  }, []);
  const clear = useCallback(() => setErrors(NO_ERRORS), []);

  return { errors, show, clear, summaryRef, invalid: hasErrors(errors) };
}
