import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { expect } from '@playwright/test';

/** Where e2e/serve.sh lets the server write its mail (one .eml file per message). */
export function mailDir(): string {
  const port = process.env.E2E_PORT ?? '8765';
  return path.resolve(import.meta.dirname, '..', 'test-results', `e2e-server-${port}`, 'mail');
}

/** Decodes a quoted-printable body (how Python's email package writes non-ASCII text). */
export function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i += 1) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

interface Mail {
  to: string;
  subject: string;
  body: string;
  order: number;
  /** The header block as written, for headers the fields above leave out (List-Unsubscribe). */
  head: string;
}

/** One header of a mail, unfolded (a long header continues on lines that start with white space). */
export function headerOf(mail: Mail, name: string): string {
  const unfolded = mail.head.replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}: (.*)$`, 'im').exec(unfolded)?.[1]?.trim() ?? '';
}

function parse(raw: string, order: number): Mail {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const encoded = rest.join('\n\n');
  const body = /quoted-printable/i.test(header('Content-Transfer-Encoding'))
    ? decodeQuotedPrintable(encoded)
    : /base64/i.test(header('Content-Transfer-Encoding'))
      ? Buffer.from(encoded, 'base64').toString('utf8')
      : encoded;
  return { to: header('To'), subject: header('Subject'), body, order, head };
}

export async function mailsTo(address: string): Promise<Mail[]> {
  let names: string[];
  try {
    names = await readdir(mailDir());
  } catch {
    return [];
  }
  const mails = await Promise.all(
    names
      .filter((name) => name.endsWith('.eml'))
      .map(async (name) => {
        // The server names each file after its outbox row: "...outbox17.eml".
        const order = Number(/outbox(\d+)\.eml$/.exec(name)?.[1] ?? 0);
        return parse(await readFile(path.join(mailDir(), name), 'utf8'), order);
      }),
  );
  return mails.filter((mail) => mail.to.toLowerCase() === address.toLowerCase()).sort((a, b) => a.order - b.order);
}

/**
 * The path and fragment of the link in the newest mail to `address` for `page`
 * ("/uitnodiging#token=…"), waiting for the mail to arrive; `count` mails must be there.
 */
export async function linkFromMail(address: string, page: 'uitnodiging' | 'wachtwoord-herstellen', count = 1): Promise<string> {
  let link = '';
  await expect
    .poll(
      async () => {
        const mails = await mailsTo(address);
        const newest = mails.at(-1);
        const match = newest && new RegExp(`https?://[^\\s/]+(/${page}#token=[A-Za-z0-9_-]+)`).exec(newest.body);
        link = match?.[1] ?? '';
        return mails.length >= count && link !== '';
      },
      { message: `mail with a ${page} link to ${address} in ${mailDir()}` },
    )
    .toBe(true);
  return link;
}

/** The text of every part of a multipart mail body (an HTML and a text part), each decoded by its own transfer
 * encoding (`mailsTo` decodes a single-part body only). */
export function partsText(body: string): string {
  return body
    .split(/\r?\n--[^\r\n]+\r?\n/)
    .map((part) => {
      const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
      const content = rest.join('\n\n');
      if (/Content-Transfer-Encoding:\s*quoted-printable/i.test(head)) return decodeQuotedPrintable(content);
      if (/Content-Transfer-Encoding:\s*base64/i.test(head)) return Buffer.from(content, 'base64').toString('utf8');
      return part;
    })
    .join('\n');
}
