// Types for scripts/gen-schema.mjs (imported by tests and the build script).
export declare const PATTERNS: { quantity: string; time: string; microTime: string; base64: string };
export declare function descSchema(desc: string): Record<string, unknown>;
export declare function validatorFile(key: string): string;
export declare function generateSchemas(
  outDir: string,
): Promise<{ schemaFile: string; validatorsDir: string; kinds: number }>;
