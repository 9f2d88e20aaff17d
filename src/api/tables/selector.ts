// Label-selector cells, on top of the shared apimachinery port in ../labels.ts.

import { formatLabelSelector, labelSelectorAsSelector, SelectorParseError, type LabelSelector } from '../labels.js';

const asSelector = (sel: unknown): LabelSelector | undefined =>
  sel !== null && typeof sel === 'object' ? (sel as LabelSelector) : undefined;

/**
 * LabelSelectorAsSelector(sel).String(): "" for a nil or empty selector, undefined when the
 * selector does not convert (printDeployment prints "<invalid>" then).
 */
export function selectorString(sel: unknown): string | undefined {
  try {
    return labelSelectorAsSelector(asSelector(sel)).string();
  } catch (e) {
    if (e instanceof SelectorParseError) return undefined;
    throw e;
  }
}

/** metav1.FormatLabelSelector: "<none>" when empty, "<error>" when invalid. */
export function formatSelector(sel: unknown): string {
  return formatLabelSelector(asSelector(sel));
}
