// Types for scripts/gen-schema.mjs (imported by tests and the build script).
export declare const PATTERNS: { quantity: string; time: string; microTime: string; base64: string };
export declare const VALIDATORS_MODULE: string;
export declare function descSchema(desc: string): Record<string, unknown>;
export declare function generateSchemas(
  outDir: string,
  moduleFile?: string,
): Promise<{ schemaFile: string; moduleFile: string; kinds: number }>;
