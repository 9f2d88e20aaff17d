// IP address syntax as Go's net.ParseIP reads it (the apiserver's validation uses netutils, which
// wraps it), without Node's net module: its isIPv6 compiles a large regular expression on first use,
// which cost a writing command more than the rest of validation.

/** Dotted-quad IPv4; leading zeros accepted, as ParseIPSloppy accepts them. */
export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** IPv6 in Go's syntax: 8 groups of 1-4 hex digits, one "::" for a run of zero groups, and an
 * optional embedded IPv4 address in the last 32 bits. No zone ("%eth0"): ParseIP rejects it. */
export function isIPv6(s: string): boolean {
  if (!s.includes(':')) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string): number | undefined => {
    if (half === '') return 0;
    const parts = half.split(':');
    let n = 0;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (i === parts.length - 1 && p.includes('.')) {
        if (!isIPv4(p)) return undefined;
        n += 2;
      } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) n += 1;
      else return undefined;
    }
    return n;
  };
  const head = groups(halves[0]!);
  if (head === undefined) return false;
  if (halves.length === 1) return head === 8;
  // An embedded IPv4 address may only end the address.
  if (halves[0]!.includes('.')) return false;
  const tail = groups(halves[1]!);
  return tail !== undefined && head + tail < 8;
}

export function isIP(s: string): boolean {
  return isIPv4(s) || isIPv6(s);
}
