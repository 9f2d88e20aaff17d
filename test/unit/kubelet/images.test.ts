import { describe, expect, it } from 'vitest';
import { imageID, imageSize, normalizedImage, parseImage, pullError } from '../../../src/sim/images.js';
import { goDuration, pullBackOff } from '../../../src/sim/stages.js';
import { delaysFor } from '../../../src/sim/timing.js';

describe('image names, as docker normalises them', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.25', 'docker.io/library/nginx:1.25'],
    ['luksa/kubia', 'docker.io/luksa/kubia:latest'],
    ['docker.io/nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['index.docker.io/library/redis:7', 'docker.io/library/redis:7'],
    ['gcr.io/google-samples/hello-app:1.0', 'gcr.io/google-samples/hello-app:1.0'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
  ])('%s → %s', (image, normalized) => {
    expect(normalizedImage(image)).toBe(normalized);
  });

  it('keeps a digest and reports it as the image ID', () => {
    const d = 'sha256:' + 'a'.repeat(64);
    expect(parseImage(`nginx@${d}`)).toEqual({ domain: 'docker.io', path: 'library/nginx', digest: d });
    expect(imageID(`nginx@${d}`)).toBe(`docker.io/library/nginx@${d}`);
  });

  it('derives a stable digest and size per image', () => {
    expect(imageID('nginx:1.25')).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(imageID('nginx:1.25')).toBe(imageID('docker.io/library/nginx:1.25'));
    expect(imageID('nginx:1.25')).not.toBe(imageID('nginx:1.27'));
    expect(imageSize('nginx:1.25')).toBe(imageSize('nginx:1.25'));
    expect(imageSize('nginx:1.25')).toBeGreaterThanOrEqual(10_000_000);
  });
});

describe('the unpullable-image rule', () => {
  it.each([
    ['nginx:1.25', undefined],
    ['nginx', undefined],
    ['luksa/kubia', undefined],
    ['nginx:doesnotexist', 'NotFound'],
    ['nginx:1.25-DoesNotExist', 'NotFound'],
    ['nginx:nonexistent', 'NotFound'],
    ['nginx:invalid', 'NotFound'],
    ['nginx:invalid-tag', undefined],
    ['doesnotexist/app:1.0', 'Unknown'],
    ['registry.example.com/team/nonexistent-app', 'Unknown'],
  ])('%s → %s', (image, code) => {
    const err = pullError(image);
    if (code === undefined) expect(err).toBeUndefined();
    else expect(err).toMatch(new RegExp(`^rpc error: code = ${code} desc = failed to pull and unpack image "${normalizedImage(image).replace(/[.]/g, '\\.')}"`));
  });

  it('words a missing tag and a missing repository as containerd does against Docker Hub', () => {
    expect(pullError('nginx:doesnotexist')).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found',
    );
    expect(pullError('doesnotexist/app')).toBe(
      'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/doesnotexist/app:latest": failed to resolve reference "docker.io/doesnotexist/app:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
  });
});

describe('helpers', () => {
  it.each([
    [0, '0s'],
    [850, '850ms'],
    [1000, '1s'],
    [4000, '4s'],
    [4200, '4.2s'],
    [4389, '4.389s'],
    [60_000, '1m0s'],
    [90_500, '1m30.5s'],
    [3_600_000, '1h0m0s'],
  ])("Go's Duration.String of %i ms is %s", (ms, text) => {
    expect(goDuration(ms)).toBe(text);
  });

  it('backs image pulls off 10s, 20s, 40s … up to 5m, in both timing profiles', () => {
    for (const profile of ['instant', 'realistic'] as const) {
      expect([1, 2, 3, 4, 5, 6, 7].map((n) => pullBackOff(delaysFor(profile), n))).toEqual([
        10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000,
      ]);
    }
  });
});
