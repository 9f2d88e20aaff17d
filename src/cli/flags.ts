// Small flag helpers shared by verbs.

/** Commander accumulator for repeatable flags (-f a -f b, -L x -L y). */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Parses an integer flag with kubectl's pflag error text. */
export function intFlag(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const s = String(value);
  if (!/^-?\d+$/.test(s)) throw new Error(`invalid argument "${s}" for "--${name}" flag: strconv.ParseInt: parsing "${s}": invalid syntax`);
  return Number(s);
}
