// The kubelet and a pod's ConfigMaps/Secrets: CreateContainerConfigError and FailedMount until the
// object appears (level-triggered), in realistic timing.

import { describe, expect, it } from 'vitest';
import { findResource } from '../../../src/api/registry.js';
import { podManifest, pods, testCluster } from './helpers.js';

const configMaps = findResource('configmaps')!;
const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { k: 'v' } };

describe('pods consuming ConfigMaps', () => {
  it('waits in CreateContainerConfigError, retries every 10 s, and starts once the ConfigMap exists', () => {
    const c = testCluster('realistic');
    const pod = podManifest('web');
    pod['spec'].containers[0].env = [{ name: 'K', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k' } } }];
    c.api.create(pods, pod);
    c.advance(60_000);
    const s = c.pod('web')!['status'].containerStatuses[0];
    expect(s.state.waiting).toEqual({ reason: 'CreateContainerConfigError', message: 'configmap "cfg" not found' });
    const failed = c.api.list(findResource('events')!, 'default').find((e) => e['message'] === 'Error: configmap "cfg" not found')!;
    expect(failed['reason']).toBe('Failed');
    expect(failed['type']).toBe('Warning');
    expect(failed['count']).toBeGreaterThan(3);
    c.api.create(configMaps, cm);
    c.sync();
    expect(c.pod('web')!['status'].containerStatuses[0].state.running).toBeDefined();
  });

  it('keeps the pod ContainerCreating with FailedMount while a configMap volume is missing', () => {
    const c = testCluster('realistic');
    const pod = podManifest('web');
    pod['spec'].volumes = [{ name: 'cfg', configMap: { name: 'cfg' } }];
    c.api.create(pods, pod);
    c.advance(30_000);
    expect(c.pod('web')!['status'].podIP).toBeUndefined();
    expect(c.events('web')).toEqual([expect.stringMatching(/^FailedMount: MountVolume.SetUp failed for volume "cfg" : configmap "cfg" not found \(x\d+\)$/)]);
    c.api.create(configMaps, cm);
    c.advance(60_000);
    expect(c.pod('web')!['status'].podIP).toBeDefined();
    expect(c.pod('web')!['status'].containerStatuses[0].state.running).toBeDefined();
  });
});
