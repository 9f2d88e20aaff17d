// set image argument parsing and container matching (kubectl set_image.go, cmdutil.GetResourcesAndPairs).

import { describe, expect, it } from 'vitest';
import { applyImages, splitImageArgs } from '../../../src/cli/commands/set.js';

describe('set image arguments', () => {
  it('splits resources from NAME=IMAGE pairs', () => {
    const { resources, images } = splitImageArgs(['deployment/web', 'pod/x', 'nginx=nginx:1.27', 'sidecar=busybox']);
    expect(resources).toEqual(['deployment/web', 'pod/x']);
    expect([...images]).toEqual([
      ['nginx', 'nginx:1.27'],
      ['sidecar', 'busybox'],
    ]);
  });

  it('rejects resources after pairs and bad pairs', () => {
    expect(() => splitImageArgs(['deploy/web', 'a=b', 'pod/x'])).toThrow('all resources must be specified before image changes: pod/x');
    expect(() => splitImageArgs(['deploy/web', 'c-'])).toThrow('invalid image format: c-');
  });

  it('sets images by name or *, including init containers', () => {
    const spec = { initContainers: [{ name: 'init', image: 'a' }], containers: [{ name: 'nginx', image: 'b' }] };
    expect(applyImages(spec, new Map([['nginx', 'n2'], ['foo', 'x']]))).toEqual(['foo']);
    expect(spec.containers[0]!.image).toBe('n2');
    applyImages(spec, new Map([['*', 'all']]));
    expect([spec.initContainers[0]!.image, spec.containers[0]!.image]).toEqual(['all', 'all']);
  });
});
