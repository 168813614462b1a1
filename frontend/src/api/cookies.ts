/** The value of a cookie that scripts may read, or undefined when it is not set. */
export function readCookie(name: string, cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() !== name) continue;
    const value = part.slice(separator + 1).trim();
    if (!value) return undefined;
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

/** Removes a cookie that scripts may write (path and attributes as the server set it). */
export function removeCookie(name: string, path = '/'): void {
  const secure = window.location.protocol === 'https:' || window.isSecureContext ? '; Secure' : '';
  document.cookie = `${name}=; Max-Age=0; Path=${path}; SameSite=Strict${secure}`;
}
