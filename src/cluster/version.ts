// version.Info of the simulated cluster, as `kube-lite version` prints it and `serve` answers /version.

import { KUBERNETES_VERSION } from './bootstrap.js';

export function versionInfo(): Record<string, string> {
  return {
    major: '1',
    minor: KUBERNETES_VERSION.split('.')[1] ?? '36',
    gitVersion: KUBERNETES_VERSION,
    gitCommit: '',
    gitTreeState: '',
    buildDate: '',
    goVersion: '',
    compiler: 'kube-lite',
    platform: `${process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`,
  };
}
