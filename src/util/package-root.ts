// Where kube-lite is installed: the nearest ancestor of the running code holding a package.json
// (src/util/ under vitest, dist/ in the bundle). Generated files (build/openapi) are found
// from there.

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let codeFile: string | undefined;
let root: string | undefined;

/**
 * The bundle says where it runs from when it starts: code restored from a startup snapshot would
 * otherwise report the path it had on the machine that built the snapshot.
 */
export function setCodeFile(file: string): void {
  // Absolute: the launcher may have been started by a relative path (`bin/kube-lite`), and a
  // command may change directory before the generated files are first loaded.
  codeFile = resolve(file);
  root = undefined;
}

export function packageRoot(): string {
  if (root === undefined) {
    let dir = dirname(codeFile ?? fileURLToPath(import.meta.url));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    root = dir;
  }
  return root;
}
