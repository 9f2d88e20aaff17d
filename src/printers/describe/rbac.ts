// Role / ClusterRole describers: rules are broken down to one verb each, recombined per
// group/resource/name (kubectl util/rbac CompactRules), then sorted by PolicyRule.String().

import type { KObject } from '../../api/types.js';
import { arr, goStrings, obj, stableSort, str } from './fmt.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.js';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer.js';

interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

const strings = (v: unknown): string[] => arr(v).map(str);

function breakdown(r: Rule): Rule[] {
  const out: Rule[] = [];
  for (const g of r.apiGroups) {
    for (const res of r.resources) {
      for (const v of r.verbs) {
        const base = { verbs: [v], apiGroups: [g], resources: [res], nonResourceURLs: [] };
        if (r.resourceNames.length > 0) for (const n of r.resourceNames) out.push({ ...base, resourceNames: [n] });
        else out.push({ ...base, resourceNames: [] });
      }
    }
  }
  for (const url of r.nonResourceURLs) {
    for (const v of r.verbs) out.push({ verbs: [v], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [url] });
  }
  return out;
}

function compact(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const r of rules) {
    const isSimple = r.resourceNames.length <= 1 && r.nonResourceURLs.length === 0 && r.apiGroups.length === 1 && r.resources.length === 1;
    if (!isSimple) {
      out.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames.length > 0, r.resourceNames[0] ?? '']);
    const existing = simple.get(key);
    if (existing) existing.verbs.push(...r.verbs);
    else simple.set(key, { ...r, verbs: [...r.verbs] });
  }
  return [...out, ...simple.values()];
}

// the generated String() of rbacv1.PolicyRule, which kubectl sorts by
const ruleString = (r: Rule): string =>
  `&PolicyRule{Verbs:${goStrings(r.verbs)},APIGroups:${goStrings(r.apiGroups)},Resources:${goStrings(r.resources)},` +
  `ResourceNames:${goStrings(r.resourceNames)},NonResourceURLs:${goStrings(r.nonResourceURLs)},}`;

/** CombineResourceGroup: "pods", "deployments.apps", "pods/log". */
function resourceGroup(resources: string[], groups: string[]): string {
  if (resources.length === 0) return '';
  const [res, sub] = resources[0]!.split(/\/(.*)/s) as [string, string | undefined];
  let out = res;
  if (groups.length > 0 && groups[0] !== '') out += `.${groups[0]}`;
  if (sub !== undefined) out += `/${sub}`;
  return out;
}

export function describeRole(role: KObject): string {
  const rules = arr(role.rules)
    .map(obj)
    .flatMap((r) =>
      breakdown({
        verbs: strings(r.verbs),
        apiGroups: strings(r.apiGroups),
        resources: strings(r.resources),
        resourceNames: strings(r.resourceNames),
        nonResourceURLs: strings(r.nonResourceURLs),
      }),
    );
  const sorted = stableSort(compact(rules), (a, b) => ruleString(a) < ruleString(b));
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(role.metadata.name)}\n`);
    printLabelsMultiline(w, 'Labels', role.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', role.metadata.annotations);
    w.write(LEVEL_0, 'PolicyRule:\n');
    w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
    w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n');
    for (const r of sorted) {
      w.write(
        LEVEL_1,
        `${resourceGroup(r.resources, r.apiGroups)}\t${goStrings(r.nonResourceURLs)}\t${goStrings(r.resourceNames)}\t${goStrings(r.verbs)}\n`,
      );
    }
  });
}
