// Patch computation and application: strategic merge (built-in kinds), JSON merge (RFC 7386),
// JSON patch (RFC 6902), and the three-way patch of `kubectl apply`.

export { applyJsonPatch, JsonPatchError, type JsonPatchOperation } from './jsonpatch.js';
export { createJsonMergePatch, jsonMergePatch, MergePatchError } from './merge.js';
export { isStrategicKind, patchMetaFor, type PatchMeta, type PatchStrategy } from './mergekeys.js';
export { createTwoWayMergePatch, strategicMergePatch, StrategicMergePatchError } from './strategic.js';
export { createThreeWayJsonMergePatch, createThreeWayMergePatch } from './threeway.js';
