import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The few cookies the console uses, read and written by hand. (@fastify/cookie loads its parser
 * with a dynamic import of an ES module, which Jest's module loader cannot run on Node 20, and
 * the console needs only this much.) Values are our own base64url tokens or a language code.
 */
export interface CookieOptions {
  path: string;
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'strict' | 'lax';
  /** Seconds; 0 deletes the cookie. */
  maxAge?: number;
  expires?: Date;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const raw of header.split(';')) {
    const part = raw.trim();
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    // The first occurrence wins, as browsers send the most specific path first.
    if (!(name in out)) {
      try {
        out[name] = decodeURIComponent(value);
      } catch {
        out[name] = value;
      }
    }
  }
  return out;
}

export function serializeCookie(name: string, value: string, o: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${o.path}`];
  if (o.maxAge !== undefined) parts.push(`Max-Age=${Math.floor(o.maxAge)}`);
  if (o.expires) parts.push(`Expires=${o.expires.toUTCString()}`);
  if (o.httpOnly) parts.push('HttpOnly');
  if (o.secure) parts.push('Secure');
  parts.push(`SameSite=${o.sameSite === 'strict' ? 'Strict' : 'Lax'}`);
  return parts.join('; ');
}

/**
 * With Secure, a cookie's name carries the `__Host-` prefix: browsers then accept it only from
 * this host over HTTPS, with Path=/ and no Domain, so a sibling subdomain or a plain-HTTP page
 * cannot plant one (a session to fixate, a CSRF token to match).
 */
export function cookieName(name: string, secure: boolean): string {
  return secure ? `__Host-${name}` : name;
}

/** `secure`: as the cookie was set (its name then has the `__Host-` prefix). */
export function readCookie(req: FastifyRequest, name: string, secure = false): string | undefined {
  return parseCookies(req.headers.cookie)[cookieName(name, secure)];
}

/**
 * Adds a Set-Cookie header (named with the `__Host-` prefix when Secure), keeping any set earlier
 * in the same response except one of the same name, which this replaces. (Fastify appends to set-cookie rather than replacing it, so the old
 * list is removed first, or every cookie set earlier would go out twice.)
 */
export function setCookie(reply: FastifyReply, name: string, value: string, o: CookieOptions): void {
  const full = cookieName(name, o.secure);
  const prior = reply.getHeader('set-cookie');
  const list = prior === undefined ? [] : Array.isArray(prior) ? prior.map(String) : [String(prior)];
  reply.removeHeader('set-cookie');
  reply.header('set-cookie', [...list.filter((c) => !c.startsWith(`${full}=`)), serializeCookie(full, value, o)]);
}

export function clearCookie(reply: FastifyReply, name: string, o: CookieOptions): void {
  setCookie(reply, name, '', { ...o, maxAge: 0, expires: new Date(0) });
}
