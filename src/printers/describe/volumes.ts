// Volume sources as describe prints them (pod/template Volumes and PersistentVolume Source),
// plus printPersistentVolumeClaim, shared by PVC describe and ephemeral volumes.

import { arr, goBool, goStrings, has, num, obj, str, type Obj } from './fmt.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, NestedPrefixWriter, type Writer } from './prefix-writer.js';
import { q } from './quantity.js';

const opt = (v: Obj): string => goBool(v.optional === true);

// Each printer writes "Type:" at LEVEL_2 and its remaining lines with a literal 4-space prefix,
// exactly like kubectl's multi-line format strings.
const lines = (w: Writer, type: string, rows: [string, string][]): void =>
  w.write(LEVEL_2, `Type:\t${type}\n` + rows.map(([k, v]) => `    ${k}:\t${v}\n`).join(''));

/** Go's %v of a *LocalObjectReference / *SecretReference (nil or a struct). */
function goRef(v: unknown, namespaced = false): string {
  if (!has(v)) return '<nil>';
  const o = obj(v);
  return namespaced
    ? `&SecretReference{Name:${str(o.name)},Namespace:${str(o.namespace)},}`
    : `&LocalObjectReference{Name:${str(o.name)},}`;
}

/** Go's %v of a map[string]string: map[k:v ...]. */
const goMap = (v: unknown): string => {
  const o = obj(v);
  return `map[${Object.keys(o)
    .sort()
    .map((k) => `${k}:${str(o[k])}`)
    .join(' ')}]`;
};

export function printHostPath(v: Obj, w: Writer): void {
  lines(w, 'HostPath (bare host directory volume)', [
    ['Path', str(v.path)],
    ['HostPathType', has(v.type) ? str(v.type) : '<none>'],
  ]);
}

function printEmptyDir(v: Obj, w: Writer): void {
  const size = has(v.sizeLimit) && q(v.sizeLimit).cmp(q(0)) > 0 ? q(v.sizeLimit).toString() : '<unset>';
  lines(w, "EmptyDir (a temporary directory that shares a pod's lifetime)", [
    ['Medium', str(v.medium)],
    ['SizeLimit', size],
  ]);
}

function printProjected(v: Obj, w: Writer): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const s of arr(v.sources).map(obj)) {
    if (has(s.secret)) {
      w.write(LEVEL_2, `SecretName:\t${str(s.secret.name)}\n    Optional:\t${opt(s.secret)}\n`);
    } else if (has(s.downwardAPI)) {
      w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    } else if (has(s.configMap)) {
      w.write(LEVEL_2, `ConfigMapName:\t${str(s.configMap.name)}\n    Optional:\t${opt(s.configMap)}\n`);
    } else if (has(s.serviceAccountToken)) {
      w.write(LEVEL_2, `TokenExpirationSeconds:\t${num(s.serviceAccountToken.expirationSeconds)}\n`);
    }
  }
}

function printDownwardAPI(v: Obj, w: Writer): void {
  w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
  for (const item of arr(v.items).map(obj)) {
    if (has(item.fieldRef)) w.write(LEVEL_3, `${str(item.fieldRef.fieldPath)} -> ${str(item.path)}\n`);
    if (has(item.resourceFieldRef)) w.write(LEVEL_3, `${str(item.resourceFieldRef.resource)} -> ${str(item.path)}\n`);
  }
}

function printCSIAttributes(w: Writer, attrs: unknown): void {
  w.write(LEVEL_2, 'VolumeAttributes:\t');
  const m = obj(attrs);
  const keys = Object.keys(m).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, '');
      w.write(LEVEL_2, '\t');
    }
    const line = `${k}=${str(m[k])}`;
    w.write(LEVEL_2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
  });
}

function printEphemeral(v: Obj, w: Writer): void {
  w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
  if (has(v.volumeClaimTemplate)) {
    const t = obj(v.volumeClaimTemplate);
    printPersistentVolumeClaim(new NestedPrefixWriter(w, LEVEL_2), { metadata: obj(t.metadata), spec: obj(t.spec) }, false);
  }
}

// Sources shared by pod volumes and PV specs, keyed by field name, in kubectl's switch order.
type Printer = (v: Obj, w: Writer) => void;
const COMMON: [string, Printer][] = [
  ['hostPath', printHostPath],
  ['gcePersistentDisk', (v, w) =>
    lines(w, 'GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)', [
      ['PDName', str(v.pdName)], ['FSType', str(v.fsType)], ['Partition', String(num(v.partition))], ['ReadOnly', goBool(v.readOnly)],
    ])],
  ['awsElasticBlockStore', (v, w) =>
    lines(w, 'AWSElasticBlockStore (a Persistent Disk resource in AWS)', [
      ['VolumeID', str(v.volumeID)], ['FSType', str(v.fsType)], ['Partition', String(num(v.partition))], ['ReadOnly', goBool(v.readOnly)],
    ])],
  ['nfs', (v, w) =>
    lines(w, 'NFS (an NFS mount that lasts the lifetime of a pod)', [
      ['Server', str(v.server)], ['Path', str(v.path)], ['ReadOnly', goBool(v.readOnly)],
    ])],
  ['quobyte', (v, w) =>
    lines(w, "Quobyte (a Quobyte mount on the host that shares a pod's lifetime)", [
      ['Registry', str(v.registry)], ['Volume', str(v.volume)], ['ReadOnly', goBool(v.readOnly)],
    ])],
  ['vsphereVolume', (v, w) =>
    lines(w, 'vSphereVolume (a Persistent Disk resource in vSphere)', [
      ['VolumePath', str(v.volumePath)], ['FSType', str(v.fsType)], ['StoragePolicyName', str(v.storagePolicyName)],
    ])],
  ['photonPersistentDisk', (v, w) =>
    lines(w, 'PhotonPersistentDisk (a Persistent Disk resource in photon platform)', [['PdID', str(v.pdID)], ['FSType', str(v.fsType)]])],
  ['portworxVolume', (v, w) => lines(w, 'PortworxVolume (a Portworx Volume resource)', [['VolumeID', str(v.volumeID)]])],
  ['fc', (v, w) =>
    lines(w, 'FC (a Fibre Channel disk)', [
      ['TargetWWNs', arr(v.targetWWNs).map(str).join(', ')],
      ['LUN', has(v.lun) ? String(num(v.lun)) : '<none>'],
      ['FSType', str(v.fsType)],
      ['ReadOnly', goBool(v.readOnly)],
    ])],
  ['flocker', (v, w) =>
    lines(w, 'Flocker (a Flocker volume mounted by the Flocker agent)', [['DatasetName', str(v.datasetName)], ['DatasetUUID', str(v.datasetUUID)]])],
];

const POD_ONLY: [string, Printer][] = [
  ['emptyDir', printEmptyDir],
  ['gitRepo', (v, w) =>
    lines(w, 'GitRepo (a volume that is pulled from git when the pod is created)', [['Repository', str(v.repository)], ['Revision', str(v.revision)]])],
  ['secret', (v, w) => lines(w, 'Secret (a volume populated by a Secret)', [['SecretName', str(v.secretName)], ['Optional', opt(v)]])],
  ['configMap', (v, w) => lines(w, 'ConfigMap (a volume populated by a ConfigMap)', [['Name', str(v.name)], ['Optional', opt(v)]])],
  ['persistentVolumeClaim', (v, w) =>
    lines(w, 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', [
      ['ClaimName', str(v.claimName)], ['ReadOnly', goBool(v.readOnly)],
    ])],
  ['ephemeral', printEphemeral],
  ['downwardAPI', printDownwardAPI],
  ['cephfs', (v, w) =>
    lines(w, "CephFS (a CephFS mount on the host that shares a pod's lifetime)", [
      ['Monitors', goStrings(v.monitors)], ['Path', str(v.path)], ['User', str(v.user)], ['SecretFile', str(v.secretFile)],
      ['SecretRef', goRef(v.secretRef)], ['ReadOnly', goBool(v.readOnly)],
    ])],
  ['azureFile', (v, w) =>
    lines(w, 'AzureFile (an Azure File Service mount on the host and bind mount to the pod)', [
      ['SecretName', str(v.secretName)], ['ShareName', str(v.shareName)], ['ReadOnly', goBool(v.readOnly)],
    ])],
  ['flexVolume', (v, w) =>
    lines(w, 'FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)', [
      ['Driver', str(v.driver)], ['FSType', str(v.fsType)], ['SecretRef', goRef(v.secretRef)], ['ReadOnly', goBool(v.readOnly)],
      ['Options', goMap(v.options)],
    ])],
  ['projected', printProjected],
  ['csi', (v, w) => {
    lines(w, 'CSI (a Container Storage Interface (CSI) volume source)', [
      ['Driver', str(v.driver)], ['FSType', str(v.fsType)], ['ReadOnly', goBool(v.readOnly === true)],
    ]);
    printCSIAttributes(w, v.volumeAttributes);
  }],
  ['image', (v, w) =>
    lines(w, 'Image (a container image or OCI artifact)', [['Reference', str(v.reference)], ['PullPolicy', str(v.pullPolicy)]])],
];

// kubectl's switch order for pod volumes.
const POD_ORDER = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'configMap', 'nfs', 'persistentVolumeClaim',
  'ephemeral', 'quobyte', 'downwardAPI', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'cephfs', 'fc', 'azureFile',
  'flexVolume', 'flocker', 'projected', 'csi', 'image',
];
const POD_PRINTERS = new Map<string, Printer>([...COMMON, ...POD_ONLY]);

/** describeVolumes; `space` is "  " inside a pod template (names then get one extra space). */
export function describeVolumes(volumes: unknown, w: Writer, space: string): void {
  const list = arr(volumes).map(obj);
  if (list.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of list) {
    w.write(LEVEL_1, `${space.length > 0 ? ' ' : ''}${str(v.name)}:\n`);
    const field = POD_ORDER.find((f) => has(v[f]));
    if (field) POD_PRINTERS.get(field)!(obj(v[field]), w);
    else w.write(LEVEL_1, '<unknown>\n');
  }
}

// PersistentVolume sources, in kubectl's switch order.
const PV_ONLY: [string, Printer][] = [
  ['local', (v, w) => lines(w, 'LocalVolume (a persistent volume backed by local storage on a node)', [['Path', str(v.path)]])],
  ['cephfs', POD_ONLY.find(([k]) => k === 'cephfs')![1]],
  ['azureFile', (v, w) =>
    lines(w, 'AzureFile (an Azure File Service mount on the host and bind mount to the pod)', [
      ['SecretName', str(v.secretName)], ['SecretNamespace', str(v.secretNamespace)], ['ShareName', str(v.shareName)],
      ['ReadOnly', goBool(v.readOnly)],
    ])],
  ['flexVolume', POD_ONLY.find(([k]) => k === 'flexVolume')![1]],
  ['csi', (v, w) => {
    lines(w, 'CSI (a Container Storage Interface (CSI) volume source)', [
      ['Driver', str(v.driver)], ['FSType', str(v.fsType)], ['VolumeHandle', str(v.volumeHandle)], ['ReadOnly', goBool(v.readOnly)],
    ]);
    printCSIAttributes(w, v.volumeAttributes);
  }],
];
const PV_ORDER = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'nfs', 'quobyte', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume',
  'local', 'cephfs', 'fc', 'azureFile', 'flexVolume', 'flocker', 'csi',
];
const PV_PRINTERS = new Map<string, Printer>([...COMMON, ...PV_ONLY]);

/** The "Source:" body of a PersistentVolume. */
export function describePVSource(spec: Obj, w: Writer): void {
  const field = PV_ORDER.find((f) => has(spec[f]));
  if (field) PV_PRINTERS.get(field)!(obj(spec[field]), w);
  else w.write(LEVEL_1, '<unknown>\n');
}

/** storageutil.GetAccessModesAsString. */
export function accessModesString(modes: unknown): string {
  const set = new Set(arr(modes).map(str));
  const out: string[] = [];
  if (set.has('ReadWriteOnce')) out.push('RWO');
  if (set.has('ReadOnlyMany')) out.push('ROX');
  if (set.has('ReadWriteMany')) out.push('RWX');
  if (set.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/** storageutil.GetPersistentVolumeClaimClass: the beta annotation wins over spec.storageClassName. */
export function pvcClass(pvc: Obj): string {
  const ann = obj(obj(pvc.metadata).annotations);
  if (has(ann['volume.beta.kubernetes.io/storage-class'])) return str(ann['volume.beta.kubernetes.io/storage-class']);
  return str(obj(pvc.spec).storageClassName);
}

/** printPersistentVolumeClaim; `full` is false for ephemeral volume claim templates. */
export function printPersistentVolumeClaim(w: Writer, pvc: Obj, full: boolean, statusLine?: string): void {
  const meta = obj(pvc.metadata);
  const spec = obj(pvc.spec);
  const status = obj(pvc.status);
  if (full) {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
  }
  w.write(LEVEL_0, `StorageClass:\t${pvcClass(pvc)}\n`);
  if (full) w.write(LEVEL_0, `Status:\t${statusLine ?? ''}\n`);
  w.write(LEVEL_0, `Volume:\t${str(spec.volumeName)}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  if (full) w.write(LEVEL_0, `Finalizers:\t${goStrings(meta.finalizers)}\n`);
  let capacity = '';
  let modes = '';
  if (str(spec.volumeName) !== '') {
    modes = accessModesString(status.accessModes);
    capacity = q(obj(status.capacity).storage).toString();
  }
  w.write(LEVEL_0, `Capacity:\t${capacity}\n`);
  w.write(LEVEL_0, `Access Modes:\t${modes}\n`);
  if (has(spec.volumeMode)) w.write(LEVEL_0, `VolumeMode:\t${str(spec.volumeMode)}\n`);
  if (has(spec.dataSource)) {
    const ds = obj(spec.dataSource);
    w.write(LEVEL_0, 'DataSource:\n');
    if (has(ds.apiGroup)) w.write(LEVEL_1, `APIGroup:\t${str(ds.apiGroup)}\n`);
    w.write(LEVEL_1, `Kind:\t${str(ds.kind)}\n`);
    w.write(LEVEL_1, `Name:\t${str(ds.name)}\n`);
  }
}
