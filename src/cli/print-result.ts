// Printing the objects a mutating verb touched: `kind.group/name <operation>` lines, or the objects
// themselves with -o (kubectl's PrintFlags.ToPrinter(operation)).

import { kindWithGroup, type ResourceInfo } from '../api/registry.js';
import type { KObject } from '../api/types.js';
import type { OutputFormat } from '../printers/output.js';
import { stripManagedFields } from '../printers/output.js';
import { toYaml } from '../printers/yaml.js';
import { toJson } from '../printers/json.js';
import { printJsonPath } from '../printers/jsonpath.js';

export interface Printed {
  info: ResourceInfo;
  obj: KObject;
  operation: string;
}

export class ResultPrinter {
  private yamlCount = 0;
  constructor(
    private readonly output: OutputFormat,
    private readonly write: (s: string) => void,
    /** Typed objects (generators) print JSON in struct order; unstructured ones sort keys. */
    private readonly typed = false,
  ) {}

  print(p: Printed): void {
    const obj = stripManagedFields(p.obj);
    switch (this.output.kind) {
      case 'yaml':
        // The YAML printer separates documents with ---.
        if (this.yamlCount++ > 0) this.write('---\n');
        this.write(toYaml(obj));
        return;
      case 'json':
        this.write(toJson(obj, { sortKeys: !this.typed }));
        return;
      case 'name':
        this.write(`${kindWithGroup(p.info)}/${obj.metadata.name}\n`);
        return;
      case 'jsonpath':
        this.write(printJsonPath(this.output.template!, obj));
        return;
      default:
        this.write(`${kindWithGroup(p.info)}/${obj.metadata.name} ${p.operation}\n`);
    }
  }
}
