import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { decodeEntities, parseFragment } from './fragment';
import { SearchFragment } from './SearchFragment';

describe('parseFragment', () => {
  it('splits the text into plain and marked parts', () => {
    expect(parseFragment('Handreiking <mark>Giftenvrijlating</mark> in de praktijk')).toEqual([
      { text: 'Handreiking ', marked: false },
      { text: 'Giftenvrijlating', marked: true },
      { text: ' in de praktijk', marked: false },
    ]);
  });

  it('handles several hits, a hit at the start and an ellipsis', () => {
    expect(parseFragment('<mark>Buffer</mark>budget en <mark>buffer</mark>…')).toEqual([
      { text: 'Buffer', marked: true },
      { text: 'budget en ', marked: false },
      { text: 'buffer', marked: true },
      { text: '…', marked: false },
    ]);
  });

  it('decodes escaped text after splitting, so escaped tags stay text', () => {
    expect(parseFragment('Tekst met <mark>&lt;mark&gt;nep&lt;/mark&gt;</mark> &amp; &quot;quotes&quot;')).toEqual([
      { text: 'Tekst met ', marked: false },
      { text: '<mark>nep</mark>', marked: true },
      { text: ' & "quotes"', marked: false },
    ]);
  });

  it('keeps any other markup as literal text', () => {
    expect(parseFragment('<b>vet</b> <img src=x onerror=alert(1)> <mark>hit</mark>')).toEqual([
      { text: '<b>vet</b> <img src=x onerror=alert(1)> ', marked: false },
      { text: 'hit', marked: true },
    ]);
  });

  it('survives unbalanced marks and upper case tags', () => {
    expect(parseFragment('a </mark>b <MARK>c')).toEqual([
      { text: 'a b ', marked: false },
      { text: 'c', marked: true },
    ]);
    expect(parseFragment('<mark></mark>')).toEqual([]);
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric references once', () => {
    expect(decodeEntities('&lt;&#39;&#x27;&amp;lt;&bogus;&#0;')).toBe("<''&lt;&bogus;&#0;");
  });
});

describe('SearchFragment', () => {
  it('renders only <mark> elements and text, whatever the fragment contains', () => {
    const { container } = render(
      <p>
        <SearchFragment value={'<script>alert(1)</script> &lt;img src=x onerror=alert(1)&gt; <mark>Gift</mark>envrijlating'} />
      </p>,
    );
    const paragraph = container.querySelector('p');
    expect(paragraph?.querySelectorAll('*')).toHaveLength(1);
    expect(paragraph?.querySelector('mark')).toHaveTextContent('Gift');
    expect(paragraph?.querySelector('script, img')).toBeNull();
    expect(paragraph).toHaveTextContent('<script>alert(1)</script> <img src=x onerror=alert(1)> Giftenvrijlating');
  });
});
