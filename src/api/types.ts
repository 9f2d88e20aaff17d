// Plain Kubernetes object shapes, as JSON. kube-lite keeps objects unstructured (like kubectl's
// unstructured.Unstructured) and reads typed fields through these narrow views.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };
export type JsonObject = { [k: string]: JsonValue };

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: unknown[];
}

/** Any Kubernetes object. Fields beyond metadata are read with the helpers in ./object.ts. */
export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

/** A Kubernetes list as returned by list calls (`PodList`, or kubectl's generic `List`). */
export interface KList {
  apiVersion: string;
  kind: string;
  metadata: { resourceVersion?: string; continue?: string };
  items: KObject[];
}

/** One column of a server-side Table (meta.k8s.io/v1 TableColumnDefinition). */
export interface TableColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format?: string;
  description?: string;
  /** 0 = always shown, 1 = only with -o wide. */
  priority: number;
}

export type TableCell = string | number | boolean;

/** One row: the cells, in column order, plus the object it was computed from. */
export interface TableRow {
  cells: TableCell[];
  object: KObject;
}

/** A server-side Table (meta.k8s.io/v1 Table), the apiserver's half of `kubectl get`. */
export interface Table {
  columnDefinitions: TableColumn[];
  rows: TableRow[];
}
