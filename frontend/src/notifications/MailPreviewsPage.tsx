import { useQuery } from '@tanstack/react-query';
import { Code, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useMemo, type SyntheticEvent } from 'react';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import type { components } from '../api/schema';
import { FactList } from '../shared/FactList';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import './mailPreviews.css';

export type MailPreview = components['schemas']['MailPreview'];

// Admin data: private, dropped at login and logout.
const PREVIEWS_KEY = ['prive', 'e-mailvoorbeelden'] as const;

async function fetchMailPreviews(signal?: AbortSignal): Promise<MailPreview[]> {
  return (await unwrap(apiClient.GET('/e-mailvoorbeelden', { signal }))).voorbeelden;
}

/** Where an element's inline style waits until the frame has loaded (see `frameDocument`). */
const STYLE_ATTRIBUTE = 'data-spoorboek-style';

/** A `style` attribute inside a tag (the mail renderer quotes every value and escapes `<` and `>`). */
const INLINE_STYLE = /(<[a-z][^<>]*?\s)style(\s*=)/gi;
const STYLE_ELEMENT = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;

/**
 * The mail's HTML as the preview frame's document. A srcdoc frame inherits this page's Content
 * Security Policy, whose `style-src 'self'` blocks the inline styles mail clients need (the
 * mail's look would be lost). So each `style` attribute is renamed to a data attribute, and
 * `applyParkedStyles` sets it again through the CSSOM, which the policy allows, once the frame
 * has loaded. The renaming happens on the text, before parsing: Chromium reports every inline
 * style it parses under this page's policy as a violation, even in an inert document. Scripts,
 * style sheets and anything else that could load are removed: the frame never runs or fetches
 * anything.
 */
export function frameDocument(html: string): string {
  const parked = html.replace(STYLE_ELEMENT, '').replace(INLINE_STYLE, `$1${STYLE_ATTRIBUTE}$2`);
  const doc = new DOMParser().parseFromString(parked, 'text/html');
  for (const element of doc.querySelectorAll('script, style, link, object, embed, iframe, base')) element.remove();
  // Whatever the renaming missed would only be blocked: leave it out.
  for (const element of doc.querySelectorAll('[style]')) element.removeAttribute('style');
  return `<!DOCTYPE html>${doc.documentElement.outerHTML}`;
}

/** Gives the frame's elements their styles back, and the frame the height of the mail. */
function applyParkedStyles(event: SyntheticEvent<HTMLIFrameElement>) {
  const frame = event.currentTarget;
  // The frame is same-origin (allow-same-origin) but runs no scripts (no allow-scripts): only
  // this page touches its document.
  const doc = frame.contentDocument;
  if (!doc) return;
  for (const element of doc.querySelectorAll<HTMLElement>(`[${STYLE_ATTRIBUTE}]`)) {
    element.style.cssText = element.getAttribute(STYLE_ATTRIBUTE) ?? '';
    element.removeAttribute(STYLE_ATTRIBUTE);
  }
  frame.style.blockSize = `${doc.documentElement.scrollHeight}px`;
}

function MailFrame({ preview }: { preview: MailPreview }) {
  const srcDoc = useMemo(() => frameDocument(preview.html), [preview.html]);
  return (
    <iframe
      className="spoorboek-mail-frame"
      title={`HTML-deel van de e-mail: ${preview.omschrijving}`}
      // No scripts, forms, pop-ups or navigation of this page; same origin only so that this
      // page can restore the inline styles (never add allow-scripts next to it).
      sandbox="allow-same-origin"
      srcDoc={srcDoc}
      onLoad={applyParkedStyles}
    />
  );
}

function previewId(preview: MailPreview): string {
  return `voorbeeld-${preview.naam.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function PreviewSection({ preview }: { preview: MailPreview }) {
  const id = previewId(preview);
  const headers = Object.entries(preview.headers);
  return (
    <section aria-labelledby={id} className="spoorboek-section spoorboek-mail-preview">
      <Heading level={2} id={id}>
        {preview.omschrijving}
      </Heading>
      <FactList
        facts={[
          ['Onderwerp', preview.onderwerp],
          ['Soort', <Code key="soort">{preview.naam}</Code>],
        ]}
      />
      <Heading level={3}>Tekst</Heading>
      <pre className="spoorboek-mail-text">{preview.tekst}</pre>
      <Heading level={3}>HTML</Heading>
      <MailFrame preview={preview} />
      <Heading level={3}>Headers</Heading>
      {headers.length > 0 ? (
        <FactList facts={headers.map(([name, value]) => [name, <Code key={name}>{value}</Code>])} />
      ) : (
        <Paragraph>Geen extra headers.</Paragraph>
      )}
    </section>
  );
}

/** /beheer/e-mailvoorbeelden: every mail notifications send, with sample data (admins). */
export default function MailPreviewsPage() {
  const previews = useQuery({
    queryKey: PREVIEWS_KEY,
    queryFn: ({ signal }) => fetchMailPreviews(signal),
    staleTime: 5 * 60 * 1000,
  });
  return (
    <>
      <title>E-mailvoorbeelden – Spoorboek</title>
      <Heading level={1}>E-mailvoorbeelden</Heading>
      <Paragraph appearance="lead">
        Elke e-mail die Spoorboek bij meldingen verstuurt, met voorbeeldgegevens: het onderwerp, het tekstdeel, het
        HTML-deel zoals een e-mailprogramma het toont, en de extra headers. De links in de voorbeelden werken niet.
      </Paragraph>
      <StatusMessage>{previews.isPending ? 'Voorbeelden laden…' : ''}</StatusMessage>
      {previews.isError && <ErrorAlert error={previews.error} onRetry={() => void previews.refetch()} />}
      {previews.data && (
        <>
          <nav aria-labelledby="voorbeelden-inhoud">
            <Heading level={2} id="voorbeelden-inhoud">
              Inhoud
            </Heading>
            <UnorderedList>
              {previews.data.map((preview) => (
                <UnorderedListItem key={preview.naam}>
                  <a className="utrecht-link utrecht-link--html-a" href={`#${previewId(preview)}`}>
                    {preview.omschrijving}
                  </a>
                </UnorderedListItem>
              ))}
            </UnorderedList>
          </nav>
          {previews.data.map((preview) => (
            <PreviewSection key={preview.naam} preview={preview} />
          ))}
        </>
      )}
    </>
  );
}
