/**
 * How long the webhook and the console keep an idle connection open. It must outlive the pool of
 * the TLS proxy in front of them, or the proxy writes a request into a connection the server has
 * just closed: the request is reset, and a proxy does not send a POST again on its own, so it
 * answers 502 (Telegram delivers the update again later; an agent sees the action fail). Caddy,
 * the proxy README shows, keeps idle connections to its upstream for 2 minutes, nginx for 60 s;
 * Node's own default is 5 s and Fastify's 72 s. An idle connection costs a socket, nothing more.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 130_000;
