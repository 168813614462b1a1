import { formatDutchDateTime } from './dateTime';

/** A moment written out in Dutch (Dutch time), with the machine-readable value in `dateTime`. */
export function DutchDateTime({ value }: { value: string }) {
  return <time dateTime={value}>{formatDutchDateTime(value)}</time>;
}
