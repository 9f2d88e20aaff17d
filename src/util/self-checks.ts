// Checks the test suite turns on (KUBE_LITE_FREEZE=1, set by vitest.config.ts) and a command does not
// pay for: stored objects deeply frozen, and controllers' writes validated as user input is.

let on: boolean | undefined;

export function selfChecks(): boolean {
  return (on ??= process.env['KUBE_LITE_FREEZE'] === '1');
}

/** Forgets the setting read (a startup snapshot is built in another environment than it runs in). */
export function forgetSelfChecks(): void {
  on = undefined;
}
