// The default handler for kinds without a printer (cli-runtime objectMetaColumnDefinitions):
// NAME and AGE.

import { AGE, age, nameCol, str, type TableHandler } from './common.js';

export const generic: TableHandler = {
  columns: [nameCol(), AGE()],
  row: (obj, now) => [str(obj.metadata.name), age(obj, now)],
};
