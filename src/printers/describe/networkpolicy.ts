// describeNetworkPolicy. Its spec section has no tab-aligned cells: every line is literal text.

import type { KObject } from '../../api/types.js';
import { arr, has, intOrString, obj, str, type Obj } from './fmt.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString, type Writer } from './prefix-writer.js';
import { formatLabelSelector } from './selector.js';
import { parseTime } from './time.js';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Go's time.Time.String() in the local zone: `2006-01-02 15:04:05 -0700 MST`. */
export function goTimeString(ts: unknown): string {
  const ms = parseTime(ts);
  if (ms === undefined) return '0001-01-01 00:00:00 +0000 UTC';
  const d = new Date(ms);
  const off = -d.getTimezoneOffset();
  const a = Math.abs(off);
  const numeric = `${off < 0 ? '-' : '+'}${pad(Math.trunc(a / 60))}${pad(a % 60)}`;
  // the zone abbreviation comes from Intl; zones it only knows as "GMT+h:mm" fall back to the offset
  const name = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const abbrev = off === 0 && /^(GMT|UTC)$/.test(name) ? 'UTC' : /^[A-Z]{2,5}$/.test(name) ? name : numeric;
  return (
    `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${numeric} ${abbrev}`
  );
}

function printPeers(w: Writer, indent: string, word: 'From' | 'To', peers: Obj[]): void {
  for (const p of peers) {
    w.write(LEVEL_0, `${indent}${word}:\n`);
    if (has(p.podSelector) && has(p.namespaceSelector)) {
      w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(p.namespaceSelector)}\n`);
      w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(p.podSelector)}\n`);
    } else if (has(p.podSelector)) {
      w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(p.podSelector)}\n`);
    } else if (has(p.namespaceSelector)) {
      w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(p.namespaceSelector)}\n`);
    } else if (has(p.ipBlock)) {
      w.write(LEVEL_1, `${indent}IPBlock:\n`);
      w.write(LEVEL_2, `${indent}CIDR: ${str(p.ipBlock.cidr)}\n`);
      w.write(LEVEL_2, `${indent}Except: ${arr(p.ipBlock.except).map(str).join(', ')}\n`);
    }
  }
}

function printRules(w: Writer, rules: Obj[], ingress: boolean): void {
  const indent = '    ';
  const [word, peersField] = ingress ? (['From', 'from'] as const) : (['To', 'to'] as const);
  if (rules.length === 0) {
    const what = ingress ? 'ingress' : 'egress';
    w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for ${what} connectivity)\n`);
    return;
  }
  rules.forEach((rule, i) => {
    const ports = arr(rule.ports).map(obj);
    if (ports.length === 0) w.write(LEVEL_0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    for (const p of ports) {
      const proto = has(p.protocol) ? str(p.protocol) : 'TCP';
      if (has(p.endPort)) w.write(LEVEL_0, `${indent}To Port Range: ${intOrString(p.port)}-${Number(p.endPort)}/${proto}\n`);
      else w.write(LEVEL_0, `${indent}To Port: ${intOrString(p.port)}/${proto}\n`);
    }
    const peers = arr(rule[peersField]).map(obj);
    if (peers.length === 0) {
      w.write(LEVEL_0, `${indent}${word}: <any> (traffic not restricted by ${ingress ? 'source' : 'destination'})\n`);
    } else {
      printPeers(w, indent, word, peers);
    }
    if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
  });
}

export function describeNetworkPolicy(np: KObject): string {
  const meta = np.metadata;
  const spec = obj(np.spec);
  const types = arr(spec.policyTypes).map(str);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    w.write(LEVEL_0, `Created on:\t${goTimeString(meta.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, 'Spec:\n');
    w.write(LEVEL_1, 'PodSelector: ');
    const sel = obj(spec.podSelector);
    if (Object.keys(obj(sel.matchLabels)).length === 0 && arr(sel.matchExpressions).length === 0) {
      w.write(LEVEL_2, '<none> (Allowing the specific traffic to all pods in this namespace)\n');
    } else {
      w.write(LEVEL_2, `${formatLabelSelector(sel)}\n`);
    }
    if (types.includes('Ingress')) {
      w.write(LEVEL_1, 'Allowing ingress traffic:\n');
      printRules(w, arr(spec.ingress).map(obj), true);
    } else {
      w.write(LEVEL_1, 'Not affecting ingress traffic\n');
    }
    if (types.includes('Egress')) {
      w.write(LEVEL_1, 'Allowing egress traffic:\n');
      printRules(w, arr(spec.egress).map(obj), false);
    } else {
      w.write(LEVEL_1, 'Not affecting egress traffic\n');
    }
    w.write(LEVEL_1, `Policy Types: ${types.length > 0 ? types.join(', ') : '<none>'}\n`);
  });
}
