import { describe, expect, it } from 'vitest';
import { run, tempHome } from '../helpers/cli.js';

describe('label / annotate usage errors', () => {
  it.each([
    ['label', "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl label -h' for help and examples\n"],
    ['annotate', "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl annotate -h' for help and examples\n"],
  ])('%s without a resource', async (verb, stderr) => {
    const r = await run(tempHome(), verb, 'app=web');
    expect(r).toEqual({ code: 1, stdout: '', stderr });
  });
});
