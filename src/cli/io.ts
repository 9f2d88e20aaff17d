// The streams and environment of one invocation. Tests pass captured ones (kubectl's NewTestIOStreams).

export interface IO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Reads all of standard input (for `-f -`). */
  readStdin: () => string;
  env: Record<string, string | undefined>;
  cwd: string;
}
