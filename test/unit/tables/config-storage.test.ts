import { describe, expect, it } from 'vitest';
import { configmaps, secrets, serviceaccounts } from '../../../src/api/tables/config.js';
import {
  effectiveDefaultClass, persistentvolumeclaims, persistentvolumes, storageclasses,
} from '../../../src/api/tables/storage.js';
import { formatSelector, selectorString } from '../../../src/api/tables/selector.js';
import { generic } from '../../../src/api/tables/generic.js';
import { DAY, NOW, ago, obj } from './fixtures.js';

describe('configmaps / secrets / serviceaccounts', () => {
  it('configmap DATA counts data and binaryData', () => {
    expect(configmaps.columns.map((c) => c.name)).toEqual(['Name', 'Data', 'Age']);
    const cm = obj('v1', 'ConfigMap', 'kube-root-ca.crt', { data: { 'ca.crt': '...' } }, { creationTimestamp: ago(5 * DAY) });
    expect(configmaps.row(cm, NOW)).toEqual(['kube-root-ca.crt', 1, '5d']);
    expect(configmaps.row(obj('v1', 'ConfigMap', 'c', { data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } }), NOW)[1]).toBe(3);
    expect(configmaps.row(obj('v1', 'ConfigMap', 'empty'), NOW)[1]).toBe(0);
  });

  it('secret TYPE and DATA', () => {
    expect(secrets.columns.map((c) => c.name)).toEqual(['Name', 'Type', 'Data', 'Age']);
    const s = obj('v1', 'Secret', 'db', { type: 'Opaque', data: { user: 'YQ==', pass: 'Yg==' } });
    expect(secrets.row(s, NOW)).toEqual(['db', 'Opaque', 2, '5m']);
    const tls = obj('v1', 'Secret', 'tls', { type: 'kubernetes.io/tls', data: { 'tls.crt': '', 'tls.key': '' }, stringData: { 'tls.key': 'x', 'ca.crt': 'y' } });
    expect(secrets.row(tls, NOW).slice(1, 3)).toEqual(['kubernetes.io/tls', 3]);
  });

  it('serviceaccount SECRETS counts references', () => {
    expect(serviceaccounts.columns.map((c) => c.name)).toEqual(['Name', 'Secrets', 'Age']);
    expect(serviceaccounts.row(obj('v1', 'ServiceAccount', 'default'), NOW)).toEqual(['default', 0, '5m']);
    expect(serviceaccounts.row(obj('v1', 'ServiceAccount', 'ci', { secrets: [{ name: 'a' }, { name: 'b' }] }), NOW)[1]).toBe(2);
  });
});

describe('persistentvolumes', () => {
  it('columns', () => {
    expect(persistentvolumes.columns.map((c) => `${c.name}${c.priority ? '*' : ''}`)).toEqual([
      'Name', 'Capacity', 'Access Modes', 'Reclaim Policy', 'Status', 'Claim', 'StorageClass', 'VolumeAttributesClass',
      'Reason', 'Age', 'VolumeMode*',
    ]);
  });

  it('a bound PV', () => {
    const pv = obj('v1', 'PersistentVolume', 'pv-1', {
      spec: {
        capacity: { storage: '10240Mi' },
        accessModes: ['ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: 'standard',
        volumeMode: 'Filesystem',
        claimRef: { namespace: 'default', name: 'data' },
      },
      status: { phase: 'Bound' },
    }, { namespace: undefined });
    expect(persistentvolumes.row(pv, NOW)).toEqual([
      'pv-1', '10Gi', 'RWO,RWX', 'Retain', 'Bound', 'default/data', 'standard', '<unset>', '', '5m', 'Filesystem',
    ]);
  });

  it('terminating, beta class annotation, attributes class, no capacity', () => {
    const pv = obj('v1', 'PersistentVolume', 'pv-2', {
      spec: { accessModes: ['ReadWriteOncePod', 'ReadOnlyMany'], storageClassName: 'ignored', volumeAttributesClassName: 'gold' },
      status: { phase: 'Released', reason: 'Reclaiming' },
    }, { deletionTimestamp: ago(1), annotations: { 'volume.beta.kubernetes.io/storage-class': 'beta' } });
    expect(persistentvolumes.row(pv, NOW).slice(1, 11)).toEqual([
      '0', 'ROX,RWOP', '', 'Terminating', '', 'beta', 'gold', 'Reclaiming', '5m', '<unset>',
    ]);
  });
});

describe('persistentvolumeclaims', () => {
  it('columns', () => {
    expect(persistentvolumeclaims.columns.map((c) => `${c.name}${c.priority ? '*' : ''}`)).toEqual([
      'Name', 'Status', 'Volume', 'Capacity', 'Access Modes', 'StorageClass', 'VolumeAttributesClass', 'Age', 'VolumeMode*',
    ]);
  });

  it('bound: capacity and modes from status', () => {
    const pvc = obj('v1', 'PersistentVolumeClaim', 'data', {
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard',
        volumeName: 'pvc-0b1c', volumeMode: 'Filesystem' },
      status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } },
    });
    expect(persistentvolumeclaims.row(pvc, NOW)).toEqual(['data', 'Bound', 'pvc-0b1c', '1Gi', 'RWO', 'standard', '<unset>', '5m', 'Filesystem']);
  });

  it('pending: capacity and modes empty', () => {
    const pvc = obj('v1', 'PersistentVolumeClaim', 'data', {
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      status: { phase: 'Pending' },
    });
    expect(persistentvolumeclaims.row(pvc, NOW)).toEqual(['data', 'Pending', '', '', '', '', '<unset>', '5m', '<unset>']);
  });
});

describe('storageclasses', () => {
  const sc = (name: string, fields: Record<string, unknown>, created: number, isDefault = false) =>
    obj('storage.k8s.io/v1', 'StorageClass', name, { provisioner: 'rancher.io/local-path', ...fields }, {
      namespace: undefined,
      creationTimestamp: ago(created),
      annotations: isDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : {},
    });

  it('columns', () => {
    expect(storageclasses.columns.map((c) => c.name)).toEqual([
      'Name', 'Provisioner', 'ReclaimPolicy', 'VolumeBindingMode', 'AllowVolumeExpansion', 'Age',
    ]);
  });

  it('defaults and the (default) suffix', () => {
    expect(storageclasses.row(sc('standard', {}, 30 * DAY, true), NOW)).toEqual([
      'standard (default)', 'rancher.io/local-path', 'Delete', 'Immediate', false, '30d',
    ]);
    expect(storageclasses.row(sc('fast', { reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true }, 60), NOW))
      .toEqual(['fast', 'rancher.io/local-path', 'Retain', 'WaitForFirstConsumer', true, '60s']);
  });

  it('effective default: newest annotated class, ties by name', () => {
    const a = sc('a', {}, 100, true);
    const b = sc('b', {}, 10, true);
    const c = sc('c', {}, 10, true);
    expect(effectiveDefaultClass([a, b, c])).toBe('b');
    expect(effectiveDefaultClass([a, sc('x', {}, 1)])).toBe('a');
    expect(effectiveDefaultClass([sc('x', {}, 1)])).toBeUndefined();
  });
});

describe('capacity cells use the canonical Quantity.String()', () => {
  it.each([
    ['1Gi', '1Gi'], ['1024Mi', '1Gi'], ['1536Mi', '1536Mi'], ['0.5Gi', '512Mi'], ['1000', '1k'], ['1500', '1500'],
    ['2000M', '2G'], ['1e3', '1e3'], ['500Ki', '500Ki'], ['0.1Ki', '102400m'], ['0Gi', '0'], ['+1', '+1'],
  ])('%s → %s', (input, expected) => {
    const pv = obj('v1', 'PersistentVolume', 'pv', { spec: { capacity: { storage: input } } });
    expect(persistentvolumes.row(pv, NOW)[1]).toBe(expected);
  });
});

describe('label selector formatting', () => {
  it.each([
    [undefined, '', '<none>'],
    [{}, '', '<none>'],
    [{ matchLabels: { b: '2', a: '1' } }, 'a=1,b=2', 'a=1,b=2'],
    [{ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] }, 'env in (prod)', 'env in (prod)'],
    [{ matchExpressions: [{ key: 'env', operator: 'In', values: [] }] }, undefined, '<error>'],
    [{ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }, undefined, '<error>'],
    [{ matchLabels: { 'bad key!': 'x' } }, undefined, '<error>'],
    [{ matchLabels: { 'app.kubernetes.io/name': 'web' } }, 'app.kubernetes.io/name=web', 'app.kubernetes.io/name=web'],
  ])('%j', (sel, str, formatted) => {
    expect(selectorString(sel)).toBe(str);
    expect(formatSelector(sel)).toBe(formatted);
  });
});

describe('generic', () => {
  it('NAME and AGE', () => {
    expect(generic.columns.map((c) => c.name)).toEqual(['Name', 'Age']);
    expect(generic.row(obj('example.com/v1', 'Widget', 'w1', {}, { creationTimestamp: undefined }), NOW)).toEqual(['w1', '<unknown>']);
  });
});
