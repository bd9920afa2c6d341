/**
 * How long the webhook and the console keep an idle connection open. It must outlive the pool of
 * the TLS proxy in front of them, or the proxy writes a request into a connection the server has
 * just closed: the request is reset, and a proxy does not send a POST again on its own, so it
 * answers 502 (Telegram delivers the update again later; an agent sees the action fail). Caddy,
 * the proxy README shows, keeps idle connections to its upstream for 2 minutes, nginx for 60 s;
 * Node's own default is 5 s and Fastify's 72 s. An idle connection costs a socket, nothing more.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 130_000;

/**
 * How long a request may take to arrive whole, headers and body (Node then answers 408 and hangs
 * up; it looks every 30 s). Updates and console forms are small and sent at once; without it, a
 * stranger sending a sign-in form a byte at a time held the console's connection for ever
 * (Fastify's default is no limit) and the webhook's for 5 minutes (Node's). Not the time a
 * response may take: live event streams and file downloads go on. Node's default for the
 * headers alone is the same minute, and may not exceed this.
 */
export const REQUEST_TIMEOUT_MS = 60_000;
