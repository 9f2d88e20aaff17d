// ConfigMaps, Secrets and ServiceAccounts (printers.go printConfigMap, printSecret,
// printServiceAccount): each counts entries.

import { AGE, age, col, nameCol, rec, str, arr, type TableHandler } from './common.js';

const size = (v: unknown): number => Object.keys(rec(v)).length;

export const configmaps: TableHandler = {
  columns: [nameCol(), col('Data'), AGE()],
  row: (obj, now) => [str(obj.metadata.name), size(obj.data) + size(obj.binaryData), age(obj, now)],
};

export const secrets: TableHandler = {
  columns: [nameCol(), col('Type'), col('Data'), AGE()],
  // The apiserver merges write-only stringData into data; count the union in case it has not.
  row: (obj, now) => {
    const keys = new Set([...Object.keys(rec(obj.data)), ...Object.keys(rec(obj.stringData))]);
    return [str(obj.metadata.name), str(obj.type), keys.size, age(obj, now)];
  },
};

export const serviceaccounts: TableHandler = {
  columns: [nameCol(), col('Secrets'), AGE()],
  row: (obj, now) => [str(obj.metadata.name), arr(obj.secrets).length, age(obj, now)],
};
