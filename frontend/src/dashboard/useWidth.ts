import { useCallback, useState } from 'react';

export interface Measured {
  /** The element's content width in CSS px; `fallback` until it is measured (or without ResizeObserver). */
  width: number;
  /** Its computed font size in CSS px. */
  fontPx: number;
}

/**
 * Follows an element's width, so a chart can lay itself out in CSS pixels: its text then keeps
 * its size on a narrow screen instead of shrinking with the drawing.
 */
export function useWidth<T extends Element>(fallback: number): [(element: T | null) => void, Measured] {
  const [measured, setMeasured] = useState<Measured>({ width: fallback, fontPx: 16 });
  const ref = useCallback((element: T | null) => {
    if (!element || typeof ResizeObserver === 'undefined') return;
    const update = () => {
      const width = Math.round(element.getBoundingClientRect().width);
      const fontPx = parseFloat(getComputedStyle(element).fontSize) || 16;
      if (width > 0) setMeasured((current) => (current.width === width && current.fontPx === fontPx ? current : { width, fontPx }));
    };
    const observer = new ResizeObserver(update);
    observer.observe(element);
    update();
    return () => observer.disconnect();
  }, []);
  return [ref, measured];
}
