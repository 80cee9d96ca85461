/** Keeps `head` and `tail` characters and puts one `*` per hidden character (DOMAIN.md §8). */
export function maskMiddle(value: string, head: number, tail: number): string {
  const chars = Array.from(value);
  if (chars.length <= head + tail) return chars.map((c, i) => (i < head ? c : '*')).join('');
  return chars.map((c, i) => (i < head || i >= chars.length - tail ? c : '*')).join('');
}

/** Bank accounts keep the first 4 and last 4 characters. */
export const maskAccount = (account: string): string => maskMiddle(account, 4, 4);
