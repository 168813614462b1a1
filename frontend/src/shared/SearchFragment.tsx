import { Mark } from '@utrecht/component-library-react';
import { Fragment } from 'react';

import { parseFragment } from './fragment';

/** The text around the search hits, the hits highlighted; rendered as text, never as HTML. */
export function SearchFragment({ value }: { value: string }) {
  return (
    <>
      {parseFragment(value).map((part, index) =>
        part.marked ? <Mark key={index}>{part.text}</Mark> : <Fragment key={index}>{part.text}</Fragment>,
      )}
    </>
  );
}
