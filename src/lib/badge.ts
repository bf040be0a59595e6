/** The toolbar badge: blank at 0, the count up to 999, then "999+". */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 999 ? '999+' : String(Math.floor(count));
}
