import { useLocation } from 'react-router-dom';

/** A short message shown once on the page navigated to (kept in the history entry's state). */
export interface Flash {
  text: string;
  kind: 'info' | 'ok' | 'warning';
}

export interface FlashState {
  flash?: Flash;
}

export function flashState(text: string, kind: Flash['kind'] = 'info'): FlashState {
  return { flash: { text, kind } };
}

function isFlash(value: unknown): value is Flash {
  const flash = value as Flash;
  return typeof value === 'object' && value !== null && typeof flash.text === 'string' && typeof flash.kind === 'string';
}

export function useFlash(): Flash | null {
  const state: unknown = useLocation().state;
  const flash = (state as FlashState | null)?.flash;
  return isFlash(flash) ? flash : null;
}
