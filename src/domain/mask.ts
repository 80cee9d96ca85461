/** Keeps `head` and `tail` characters and puts one `*` per hidden character (DOMAIN.md §8). */
export function maskMiddle(value: string, head: number, tail: number): string {
  const chars = Array.from(value);
  // Too short to keep both ends: keep at most half of the leading part, so something is always hidden.
  if (chars.length <= head + tail) {
    const keep = Math.min(head, Math.floor(chars.length / 2));
    return chars.map((c, i) => (i < keep ? c : '*')).join('');
  }
  return chars.map((c, i) => (i < head || i >= chars.length - tail ? c : '*')).join('');
}

/** Bank accounts keep the first 4 and last 4 characters. */
export const maskAccount = (account: string): string => maskMiddle(account, 4, 4);
