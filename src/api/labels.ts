// Label maps and label selectors as apimachinery formats them (pkg/labels, meta/v1 helpers).

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** labels.FormatLabels: "k=v" sorted, joined with ","; "<none>" when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const parts = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`);
  if (parts.length === 0) return '<none>';
  parts.sort();
  return parts.join(',');
}
