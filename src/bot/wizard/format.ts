const EAT_MS = 3 * 60 * 60 * 1000;

/** DD/MM/YYYY of the Kenyan day (UTC+3) containing `at`. */
export function formatDay(at: number): string {
  const iso = new Date(at + EAT_MS).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** HH:MM in Kenyan time. */
export function formatTime(at: number): string {
  return new Date(at + EAT_MS).toISOString().slice(11, 16);
}

export function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : s;
}
