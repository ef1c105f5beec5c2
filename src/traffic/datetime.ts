/**
 * The epoch milliseconds of a date-time matched by a regular expression whose groups are, in
 * order: year, month, day, hour, minute, second, fraction, `Z`, offset sign, offset hours, offset
 * minutes (no offset: UTC). Undefined when a field is out of range (month 13, 31 February, 24:00).
 * Shared by the JSONL `ts` rule and the importers, which differ only in the text they accept.
 */
export function utcMillis(m: RegExpExecArray): number | undefined {
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const frac = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const local = Date.UTC(y, mo - 1, d, h, mi, s, frac);
  if (mo < 1 || mo > 12 || new Date(local).getUTCDate() !== d || h > 23 || mi > 59 || s > 60) return undefined;
  const offset = m[9] ? (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11])) * 60_000 : 0;
  return local - offset;
}
