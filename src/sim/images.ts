// The simulated image registry: how a container runtime names an image (docker's normalisation), the
// digest and size a pull reports, and which images cannot be pulled.
//
// Unpullable rule (documented in the README): an image cannot be pulled when its repository path or
// its tag contains `doesnotexist` or `nonexistent` (any case), or its tag is exactly `invalid`. A
// missing tag fails like Docker Hub's "not found"; a missing repository like its "pull access denied".
// Every other image exists, with a digest and size derived from its name (stable across runs).

import { createHash } from 'node:crypto';

export interface ImageRef {
  /** Registry host, "docker.io" for Docker Hub. */
  domain: string;
  /** Repository path, "library/nginx" for official images. */
  path: string;
  tag?: string;
  digest?: string;
}

/** docker/distribution's ParseNormalizedNamed, without validation: `nginx:1.25` → docker.io/library/nginx:1.25. */
export function parseImage(image: string): ImageRef {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let domain = 'docker.io';
  let path = rest;
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  // A first component is a registry host when it looks like one (docker's splitDockerDomain).
  if (slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first)) {
    domain = first === 'index.docker.io' ? 'docker.io' : first;
    path = rest.slice(slash + 1);
  }
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  return { domain, path, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** The repository without tag or digest: docker.io/library/nginx. */
export function repository(ref: ImageRef): string {
  return `${ref.domain}/${ref.path}`;
}

/**
 * The name the runtime reports in containerStatuses[].image and lists on the node:
 * docker.io/library/nginx:1.25 (`:latest` when no tag or digest is given).
 */
export function normalizedImage(image: string): string {
  return memo(normalized, image, normalize);
}

function normalize(image: string): string {
  const ref = parseImage(image);
  if (ref.digest && ref.tag === undefined) return `${repository(ref)}@${ref.digest}`;
  return `${repository(ref)}:${ref.tag ?? 'latest'}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The repo digest a pull resolves to: containerStatuses[].imageID, docker.io/library/nginx@sha256:…. */
export function imageID(image: string): string {
  return memo(ids, image, (i) => {
    const ref = parseImage(i);
    const digest = ref.digest ?? `sha256:${sha256(`kube-lite/${normalizedImage(i)}`)}`;
    return [repository(ref), '@', digest].join('');
  });
}

// The kubelet asks for the same few images' names for every container it starts: parsed (and
// hashed) once, and one string shared by every status that holds it.
const normalized = new Map<string, string>();
const ids = new Map<string, string>();

function memo(cache: Map<string, string>, image: string, compute: (image: string) => string): string {
  let v = cache.get(image);
  if (v === undefined) {
    if (cache.size >= 1024) cache.clear();
    cache.set(image, (v = compute(image)));
  }
  return v;
}

/** A plausible compressed image size in bytes (10–200 MB), stable per image. */
export function imageSize(image: string): number {
  const h = parseInt(sha256(`size/${normalizedImage(image)}`).slice(0, 8), 16);
  return 10_000_000 + (h % 190_000_000);
}

const MISSING = /doesnotexist|nonexistent/i;

/** Why a pull of `image` fails (the CRI error text), or undefined when the image exists. An image
 * made unpullable by `cluster fault image-unpullable` fails as a missing tag does. */
export function pullError(image: string, unpullable = false): string | undefined {
  const ref = parseImage(image);
  const name = normalizedImage(image);
  if (MISSING.test(ref.path)) {
    // Docker Hub answers 401 for a repository that does not exist.
    return (
      `rpc error: code = Unknown desc = failed to pull and unpack image "${name}": failed to resolve reference "${name}": ` +
      'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'
    );
  }
  if (unpullable || (ref.tag !== undefined && (MISSING.test(ref.tag) || ref.tag === 'invalid'))) {
    return `rpc error: code = NotFound desc = failed to pull and unpack image "${name}": failed to resolve reference "${name}": ${name}: not found`;
  }
  return undefined;
}
