/** The seconds a server says it keeps an idle connection open (`Keep-Alive: timeout=N`); NaN without it. */
export function keptAliveSeconds(header: string | string[] | null | undefined): number {
  const value = Array.isArray(header) ? header.join(',') : header;
  return Number(/timeout=(\d+)/.exec(value ?? '')?.[1] ?? NaN);
}
