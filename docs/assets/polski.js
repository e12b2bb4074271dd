// Polish for the archive's scripts.

// "1 wynik", "3 wyniki", "5 wyników", "22 wyniki", "12 wyników" (as palarchiwum.records.polish.plural).
export function plural(n, one, few, many) {
  if (n === 1) return `${n} ${one}`;
  const tens = n % 100;
  const units = n % 10;
  return `${n} ${units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? few : many}`;
}
