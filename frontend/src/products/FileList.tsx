import { Link, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

import { fileSizeText, mediaTypeText } from './labels';
import type { ProductFile } from './types';

function isSafeExternalUrl(url: string | null): url is string {
  return url !== null && /^https:\/\/[^\s]+$/i.test(url);
}

function FileLink({ file }: { file: ProductFile }) {
  if (file.download) {
    const details = [mediaTypeText(file.mediatype), file.grootte !== null ? fileSizeText(file.grootte) : null]
      .filter(Boolean)
      .join(', ');
    return (
      <>
        <Link href={file.download} download={file.naam}>
          {file.naam}
        </Link>{' '}
        <span className="spoorboek-muted">({details})</span>
      </>
    );
  }
  if (isSafeExternalUrl(file.externeUrl)) {
    return (
      <>
        <Link href={file.externeUrl} rel="noopener noreferrer" external>
          {file.naam}
        </Link>{' '}
        <span className="spoorboek-muted">(externe link)</span>
      </>
    );
  }
  return <>{file.naam}</>;
}

interface FileListProps {
  files: ProductFile[];
  labelledBy: string;
  /** Extra controls per file, e.g. the editor's "Verwijder". */
  actions?: (file: ProductFile) => ReactNode;
  empty?: string;
}

/** The documents (downloads) and links of one version. */
export function FileList({ files, labelledBy, actions, empty = 'Deze versie heeft geen documenten of links.' }: FileListProps) {
  if (files.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <ul className="spoorboek-files" aria-labelledby={labelledBy}>
      {files.map((file) => (
        <li key={file.id}>
          <span>
            <FileLink file={file} />
          </span>
          {actions?.(file)}
        </li>
      ))}
    </ul>
  );
}
