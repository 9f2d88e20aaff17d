// Pods beyond a single server container: unpullable images, init containers, commands that finish,
// several containers, and catching up after the clock jumped.

import { describe, expect, it } from 'vitest';
import { podCells, podManifest, pods, T0, testCluster } from './helpers.js';

/** STATUS column after each step: [ms after creation, expected STATUS]. */
function timeline(c: ReturnType<typeof testCluster>, name: string, steps: [number, string][]): void {
  for (const [ms, status] of steps) {
    c.clock.ms = T0 + ms;
    c.sync();
    expect([ms, podCells(c.pod(name)!, c.clock.ms).status]).toEqual([ms, status]);
  }
}

describe('an image that cannot be pulled', () => {
  it('shows ErrImagePull, then ImagePullBackOff, and retries with a growing back-off (realistic)', () => {
    const c = testCluster('realistic');
    c.api.create(pods, podManifest('web', { image: 'nginx:doesnotexist' }));
    timeline(c, 'web', [
      [0, 'ContainerCreating'],
      [1_000, 'ContainerCreating'], // sandbox ready, pull starts
      [4_999, 'ContainerCreating'],
      [5_000, 'ErrImagePull'],
      [6_000, 'ImagePullBackOff'],
      [15_000, 'ImagePullBackOff'], // retrying: pulling again, the status stays
      [19_000, 'ErrImagePull'],
      [20_000, 'ImagePullBackOff'],
    ]);
    expect(c.events('web')).toEqual([
      'Pulling: Pulling image "nginx:doesnotexist" (x2)',
      expect.stringMatching(/^Failed: Failed to pull image "nginx:doesnotexist": rpc error: code = NotFound desc = .*: not found \(x2\)$/),
      'Failed: Error: ErrImagePull (x2)',
      'BackOff: Back-off pulling image "nginx:doesnotexist" (x2)',
      'Failed: Error: ImagePullBackOff (x2)',
    ]);
    // Second failure at 19s: the next try 20s later.
    expect(c.api.sim.nextWakeup()).toBe(T0 + 39_000);
    const cs = c.pod('web')!['status'].containerStatuses[0];
    expect(cs).toMatchObject({ image: 'nginx:doesnotexist', imageID: '', ready: false, started: false, restartCount: 0 });
    expect(cs.state.waiting.message).toMatch(/^Back-off pulling image "nginx:doesnotexist": ErrImagePull: rpc error: code = NotFound/);
    expect(c.pod('web')!['status'].phase).toBe('Pending');
  });

  it('settles on ImagePullBackOff in instant timing, retrying when time has passed', () => {
    const c = testCluster('instant');
    c.api.create(pods, podManifest('web', { image: 'doesnotexist/app:1.0' }));
    c.sync();
    expect(podCells(c.pod('web')!, c.clock.ms).status).toBe('ImagePullBackOff');
    expect(c.events('web')[1]).toContain('pull access denied, repository does not exist or may require authorization');
    expect(c.api.sim.nextWakeup()).toBe(T0 + 10_000);
    c.advance(10_000);
    expect(c.events('web')[0]).toBe('Pulling: Pulling image "doesnotexist/app:1.0" (x2)');
  });

  it('replays only the last retries after a long absence', () => {
    const c = testCluster('instant');
    c.api.create(pods, podManifest('web', { image: 'nginx:invalid' }));
    c.sync();
    c.advance(24 * 3600_000);
    // A day of 5-minute retries would be ~290; the replay restarts the back-off 10 minutes back.
    const count = Number(/\(x(\d+)\)$/.exec(c.events('web')[0]!)![1]);
    expect(count).toBeGreaterThan(1);
    expect(count).toBeLessThanOrEqual(8);
  });
});

describe('init containers', () => {
  it('run one after another before the containers (Init:0/1, PodInitializing, Running)', () => {
    const c = testCluster('realistic');
    c.api.create(pods, podManifest('web', { initImage: 'busybox:1.36' }));
    timeline(c, 'web', [
      [0, 'Init:0/1'],
      [1_000, 'Init:0/1'], // pulling busybox
      [5_000, 'Init:0/1'], // running
      [6_000, 'PodInitializing'], // done; pulling nginx
      [10_000, 'Running'],
    ]);
    const s = c.pod('web')!['status'];
    expect(s.initContainerStatuses[0]).toMatchObject({
      name: 'init',
      ready: true,
      started: false,
      state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: '2026-01-01T00:00:05Z', finishedAt: '2026-01-01T00:00:06Z' } },
    });
    expect(s.conditions.find((x: any) => x.type === 'Initialized')).toMatchObject({ status: 'True', lastTransitionTime: '2026-01-01T00:00:06Z' });
    expect(c.events('web').map((e) => e.split(':')[0])).toEqual(['Pulling', 'Pulled', 'Created', 'Started', 'Pulling', 'Pulled', 'Created', 'Started']);
  });

  it('hold the pod back while initializing', () => {
    const c = testCluster('realistic');
    c.api.create(pods, podManifest('web', { initImage: 'busybox:1.36' }));
    c.advance(1_000);
    const s = c.pod('web')!['status'];
    expect(s.containerStatuses[0].state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(s.conditions.find((x: any) => x.type === 'Initialized')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [init]',
    });
  });
});

describe('commands that finish', () => {
  it('complete a restartPolicy Never pod: Completed, phase Succeeded', () => {
    const c = testCluster('realistic');
    c.api.create(pods, podManifest('hello', { image: 'busybox:1.36', restartPolicy: 'Never', command: ['echo', 'hello'] }));
    timeline(c, 'hello', [
      [5_000, 'Running'],
      [6_000, 'Completed'],
    ]);
    const s = c.pod('hello')!['status'];
    expect(s.phase).toBe('Succeeded');
    expect(podCells(c.pod('hello')!, c.clock.ms).ready).toBe('0/1');
    expect(s.conditions.map((x: any) => [x.type, x.status, x.reason])).toEqual([
      ['PodReadyToStartContainers', 'False', undefined],
      ['Initialized', 'True', 'PodCompleted'],
      ['Ready', 'False', 'PodCompleted'],
      ['ContainersReady', 'False', 'PodCompleted'],
      ['PodScheduled', 'True', undefined],
    ]);
    expect(s.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(s.podIP).toBe('10.244.1.2');
    expect(c.api.sim.nextWakeup()).toBeUndefined();
  });

  it('keep a restartPolicy Always pod running', () => {
    const c = testCluster('instant');
    c.api.create(pods, podManifest('sleeper', { image: 'busybox:1.36', command: ['sleep', '3600'] }));
    c.advance(3_600_000);
    expect(podCells(c.pod('sleeper')!, c.clock.ms).status).toBe('Running');
  });
});

describe('several containers', () => {
  it('are pulled and started one after another', () => {
    const c = testCluster('realistic');
    c.api.create(pods, podManifest('web', { containers: 2 }));
    c.advance(4_999);
    expect(podCells(c.pod('web')!, c.clock.ms)).toMatchObject({ ready: '0/2', status: 'ContainerCreating' });
    expect(c.pod('web')!['status'].phase).toBe('Pending');
    c.advance(1);
    // The image is on the node once the first pull is done: the second container starts right after.
    expect(podCells(c.pod('web')!, c.clock.ms)).toMatchObject({ ready: '2/2', status: 'Running' });
    expect(c.events('web').map((e) => e.split(':')[0])).toEqual(['Pulling', 'Pulled', 'Created', 'Started', 'Pulled', 'Created', 'Started']);
  });

  it('with one image missing keep the pod Pending with the others running', () => {
    const c = testCluster('instant');
    const m = podManifest('web', { containers: 2 });
    m['spec'].containers[1].image = 'nginx:doesnotexist';
    c.api.create(pods, m);
    c.sync();
    expect(podCells(c.pod('web')!, c.clock.ms)).toMatchObject({ ready: '1/2', status: 'ImagePullBackOff' });
    expect(c.pod('web')!['status'].phase).toBe('Pending');
  });
});

describe('a clock that jumped', () => {
  it('replays the stages at their own times', () => {
    const c = testCluster('realistic');
    c.api.create(pods, podManifest('web'));
    c.advance(10 * 60_000);
    const s = c.pod('web')!['status'];
    expect(s.phase).toBe('Running');
    expect(s.startTime).toBe('2026-01-01T00:00:00Z');
    expect(s.containerStatuses[0].state.running.startedAt).toBe('2026-01-01T00:00:05Z');
    expect(s.conditions.find((x: any) => x.type === 'Ready').lastTransitionTime).toBe('2026-01-01T00:00:05Z');
    expect(c.api.sim.nextWakeup()).toBeUndefined();
  });
});
