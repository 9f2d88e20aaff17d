// Types for scripts/gen-openapi.mjs (imported by tests and the build script).
export declare const KUBERNETES_VERSION: string;
/** [group, version, kind, plural, namespaced] of every served resource. */
export declare const SERVED: ReadonlyArray<readonly [string, string, string, string, boolean]>;
export declare function generateOpenAPI(outDir: string): { dir: string; groupVersions: number };
