/** Event-time arithmetic. The domain never reads the clock; callers pass the instant to judge at. */

export function addHours(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
}

export function addDays(iso: string, days: number): string {
  return addHours(iso, days * 24);
}

export function isBefore(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b);
}

export function latest(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

export function toIso(value: string): string {
  return new Date(Date.parse(value)).toISOString();
}
