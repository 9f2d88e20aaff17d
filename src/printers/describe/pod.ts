// describePod.

import type { KObject } from '../../api/types.js';
import { describeContainers, describeResources } from './containers.js';
import { describeEvents } from './events.js';
import { arr, has, num, obj, str } from './fmt.js';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './multiline.js';
import { describeSchedulingGroup, describeTopologySpreadConstraints } from './pod-template.js';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer.js';
import { podQOS } from './resources.js';
import { rfc1123z, since } from './time.js';
import { describeVolumes } from './volumes.js';

/** printController: `Kind/name` of the controlling ownerReference, or "". */
export function controllerOf(o: KObject): string {
  const ref = arr(o.metadata?.ownerReferences)
    .map(obj)
    .find((r) => r.controller === true);
  return ref ? `${str(ref.kind)}/${str(ref.name)}` : '';
}

export function describePod(pod: KObject, events: KObject[], now: number): string {
  const meta = pod.metadata;
  const spec = obj(pod.spec);
  const status = obj(pod.status);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    if (has(spec.priority)) w.write(LEVEL_0, `Priority:\t${num(spec.priority)}\n`);
    if (str(spec.priorityClassName) !== '') w.write(LEVEL_0, `Priority Class Name:\t${str(spec.priorityClassName)}\n`);
    if (str(spec.runtimeClassName) !== '') w.write(LEVEL_0, `Runtime Class Name:\t${str(spec.runtimeClassName)}\n`);
    if (str(spec.serviceAccountName) !== '') w.write(LEVEL_0, `Service Account:\t${str(spec.serviceAccountName)}\n`);
    w.write(LEVEL_0, str(spec.nodeName) === '' ? 'Node:\t<none>\n' : `Node:\t${str(spec.nodeName)}/${str(status.hostIP)}\n`);
    if (has(status.startTime)) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    const phase = str(status.phase);
    if (has(meta.deletionTimestamp) && phase !== 'Failed' && phase !== 'Succeeded') {
      // deletionTimestamp is in the future while terminating, so this is usually "<invalid>"
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, now)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${num(meta.deletionGracePeriodSeconds)}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${phase}\n`);
    }
    if (str(status.reason) !== '') w.write(LEVEL_0, `Reason:\t${str(status.reason)}\n`);
    if (str(status.message) !== '') w.write(LEVEL_0, `Message:\t${str(status.message)}\n`);
    const seccomp = obj(spec.securityContext).seccompProfile;
    if (has(seccomp)) {
      w.write(LEVEL_0, `SeccompProfile:\t${str(seccomp.type)}\n`);
      if (str(seccomp.type) === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${str(seccomp.localhostProfile)}\n`);
    }
    w.write(LEVEL_0, `IP:\t${str(status.podIP)}\n`);
    const ips = arr(status.podIPs).map(obj);
    if (ips.length === 0) {
      w.write(LEVEL_0, 'IPs:\t<none>\n');
    } else {
      w.write(LEVEL_0, 'IPs:\n');
      for (const ip of ips) w.write(LEVEL_1, `IP:\t${str(ip.ip)}\n`);
    }
    const controlledBy = controllerOf(pod);
    if (controlledBy !== '') w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (str(status.nominatedNodeName) !== '') w.write(LEVEL_0, `NominatedNodeName:\t${str(status.nominatedNodeName)}\n`);
    if (has(spec.resources)) {
      w.write(LEVEL_0, 'Resources:\n');
      describeResources(spec.resources, w, LEVEL_1);
    }
    if (arr(spec.initContainers).length > 0) {
      describeContainers('Init Containers', spec.initContainers, arr(status.initContainerStatuses), pod, w, '');
    }
    describeContainers('Containers', spec.containers, arr(status.containerStatuses), pod, w, '');
    if (arr(spec.ephemeralContainers).length > 0) {
      describeContainers('Ephemeral Containers', spec.ephemeralContainers, arr(status.ephemeralContainerStatuses), pod, w, '');
    }
    const conditions = arr(status.conditions).map(obj);
    const gates = arr(spec.readinessGates).map(obj);
    if (gates.length > 0) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of gates) {
        const c = conditions.find((x) => str(x.type) === str(g.conditionType));
        w.write(LEVEL_1, `${str(g.conditionType)} \t${c ? str(c.status) : '<none>'} \n`);
      }
    }
    if (conditions.length > 0) {
      // kubectl's format has a space after each value, hence trailing spaces on these lines
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of conditions) w.write(LEVEL_1, `${str(c.type)} \t${str(c.status)} \n`);
    }
    describeVolumes(spec.volumes, w, '');
    w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
    describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '');
    if (has(spec.schedulingGroup)) describeSchedulingGroup(obj(spec.schedulingGroup), w, '');
    describeEvents(events, w, now);
  });
}
