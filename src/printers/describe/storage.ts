// describePersistentVolume, describePersistentVolumeClaim, describeStorageClass.

import type { KObject } from '../../api/types.js';
import { formatLabels } from '../../api/labels.js';
import { describeEvents } from './events.js';
import { arr, goStrings, has, obj, printBoolPtr, str } from './fmt.js';
import type { DescribeContext } from './index.js';
import { printAnnotationsMultiline, printLabelsMultiline, printPodsMultiline } from './multiline.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString, type Writer } from './prefix-writer.js';
import { q } from './quantity.js';
import { rfc1123z, since } from './time.js';
import { accessModesString, describePVSource, printPersistentVolumeClaim } from './volumes.js';

const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';

function printNodeAffinity(w: Writer, affinity: unknown): void {
  w.write(LEVEL_0, 'Node Affinity:\t');
  const required = obj(affinity).required;
  if (!has(required)) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  w.write(LEVEL_1, 'Required Terms:\t');
  const terms = arr(obj(required).nodeSelectorTerms).map(obj);
  if (terms.length === 0) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  terms.forEach((term, i) => {
    w.write(LEVEL_2, `Term ${i}:\t`);
    const reqs = arr(term.matchExpressions).map(obj);
    if (reqs.length === 0) {
      w.writeLine('<none>');
      return;
    }
    reqs.forEach((r, j) => {
      if (j !== 0) w.write(LEVEL_2, '\t');
      let expr = `${str(r.key)} ${str(r.operator).toLowerCase()}`;
      const values = arr(r.values).map(str);
      if (values.length > 0) expr += ` [${values.join(', ')}]`;
      w.write(LEVEL_0, `${expr}\n`);
    });
  });
}

export function describePersistentVolume(pv: KObject, ctx: DescribeContext): string {
  const meta = pv.metadata;
  const spec = obj(pv.spec);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goStrings(meta.finalizers)}\n`);
    const ann = obj(meta.annotations);
    w.write(LEVEL_0, `StorageClass:\t${has(ann[BETA_CLASS]) ? str(ann[BETA_CLASS]) : str(spec.storageClassName)}\n`);
    w.write(
      LEVEL_0,
      has(meta.deletionTimestamp)
        ? `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, ctx.now)})\n`
        : `Status:\t${str(pv.status?.phase)}\n`,
    );
    const claim = spec.claimRef;
    w.write(LEVEL_0, `Claim:\t${has(claim) ? `${str(claim.namespace)}/${str(claim.name)}` : ''}\n`);
    w.write(LEVEL_0, `Reclaim Policy:\t${str(spec.persistentVolumeReclaimPolicy)}\n`);
    w.write(LEVEL_0, `Access Modes:\t${accessModesString(spec.accessModes)}\n`);
    if (has(spec.volumeMode)) w.write(LEVEL_0, `VolumeMode:\t${str(spec.volumeMode)}\n`);
    w.write(LEVEL_0, `Capacity:\t${q(obj(spec.capacity).storage).toString()}\n`);
    printNodeAffinity(w, spec.nodeAffinity);
    w.write(LEVEL_0, `Message:\t${str(pv.status?.message)}\n`);
    w.write(LEVEL_0, 'Source:\n');
    describePVSource(spec, w);
    describeEvents(ctx.events, w, ctx.now);
  });
}

/** getPodsForPVC: pods mounting the claim, plus owner pods of the claim. */
function podsUsingClaim(pvc: KObject, ctx: DescribeContext): string[] {
  const pods = ctx.list('pods', str(pvc.metadata.namespace));
  const names: string[] = [];
  const uids = new Set<string>();
  for (const pod of pods) {
    for (const v of arr(pod.spec?.volumes).map(obj)) {
      if (has(v.persistentVolumeClaim) && str(v.persistentVolumeClaim.claimName) === str(pvc.metadata.name)) {
        names.push(str(pod.metadata.name));
        uids.add(str(pod.metadata.uid));
      }
    }
  }
  for (const ref of arr(pvc.metadata.ownerReferences).map(obj)) {
    if (str(ref.kind) !== 'Pod') continue;
    const owner = pods.find((p) => str(p.metadata.uid) === str(ref.uid));
    if (!owner || uids.has(str(owner.metadata.uid))) continue;
    names.push(str(owner.metadata.name));
    uids.add(str(owner.metadata.uid));
  }
  return names;
}

export function describePersistentVolumeClaim(pvc: KObject, ctx: DescribeContext): string {
  const meta = pvc.metadata;
  const status = has(meta.deletionTimestamp) ? `Terminating (lasts ${since(meta.deletionTimestamp, ctx.now)})` : str(pvc.status?.phase);
  return tabbedString((w) => {
    printPersistentVolumeClaim(w, pvc, true, status);
    printPodsMultiline(w, 'Used By', podsUsingClaim(pvc, ctx));
    const conditions = arr(pvc.status?.conditions).map(obj);
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${str(c.type)} \t${str(c.status)} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${str(c.reason)} \t${str(c.message)}\n`,
        );
      }
    }
    describeEvents(ctx.events, w, ctx.now);
  });
}

export function describeStorageClass(sc: KObject, ctx: DescribeContext): string {
  const meta = sc.metadata;
  const ann = obj(meta.annotations);
  const isDefault =
    str(ann['storageclass.kubernetes.io/is-default-class']) === 'true' ||
    str(ann['storageclass.beta.kubernetes.io/is-default-class']) === 'true';
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(ann)}\n`);
    w.write(LEVEL_0, `Provisioner:\t${str(sc.provisioner)}\n`);
    w.write(LEVEL_0, `Parameters:\t${formatLabels(obj(sc.parameters))}\n`);
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${printBoolPtr(sc.allowVolumeExpansion)}\n`);
    const options = arr(sc.mountOptions).map(str);
    if (options.length === 0) {
      w.write(LEVEL_0, 'MountOptions:\t<none>\n');
    } else {
      w.write(LEVEL_0, 'MountOptions:\n');
      for (const o of options) w.write(LEVEL_1, `${o}\n`);
    }
    if (has(sc.reclaimPolicy)) w.write(LEVEL_0, `ReclaimPolicy:\t${str(sc.reclaimPolicy)}\n`);
    if (has(sc.volumeBindingMode)) w.write(LEVEL_0, `VolumeBindingMode:\t${str(sc.volumeBindingMode)}\n`);
    if (has(sc.allowedTopologies)) {
      w.write(LEVEL_0, 'AllowedTopologies:\t');
      const terms = arr(sc.allowedTopologies).map(obj);
      if (terms.length === 0) {
        w.writeLine('<none>');
      } else {
        w.writeLine('');
        terms.forEach((t, i) => {
          w.write(LEVEL_1, `Term ${i}:\t`);
          const reqs = arr(t.matchLabelExpressions).map(obj);
          if (reqs.length === 0) {
            w.writeLine('<none>');
            return;
          }
          reqs.forEach((r, j) => {
            if (j !== 0) w.write(LEVEL_1, '\t');
            const values = arr(r.values).map(str);
            w.write(LEVEL_0, `${str(r.key)} in${values.length > 0 ? ` [${values.join(', ')}]` : ''}\n`);
          });
        });
      }
    }
    describeEvents(ctx.events, w, ctx.now);
  });
}
