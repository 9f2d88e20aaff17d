// TLS material for `kube-lite serve --tls` / `--token`: kubectl (client-go) sends a bearer token
// only over HTTPS, so a token-protected server must speak TLS. We make a small self-signed CA and
// a server certificate signed by it, with node:crypto for keys and signatures and asn1.ts for the
// DER. Generated once per cluster, kept in the cluster directory, reused while it still fits.
//
//   serve-ca.crt  the CA certificate (goes into the kubeconfig's certificate-authority-data)
//   serve.crt     the server certificate (CN=kube-lite-serve, SANs: 127.0.0.1, ::1, localhost, --address)
//   serve.key     the server's private key (PKCS#8 PEM)
//
// The CA's private key is only used to sign serve.crt and is never written anywhere.

import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import * as asn1 from './asn1.js';

export interface ServeTls {
  /** PEM of the CA certificate the client must trust. */
  caPem: string;
  /** PEM of the server certificate. */
  certPem: string;
  /** PEM (PKCS#8) of the server certificate's private key. */
  keyPem: string;
}

export const CA_FILE = 'serve-ca.crt';
export const CERT_FILE = 'serve.crt';
export const KEY_FILE = 'serve.key';

export const SERVER_CN = 'kube-lite-serve';
export const CA_CN = 'kube-lite-serve-ca';

/** notBefore is backdated a little, so a client whose clock lags the cluster's still accepts it. */
const BACKDATE_MS = 3600 * 1000;

const OID = {
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
};

// KeyUsage bit numbers (RFC 5280 4.2.1.3).
const KU_DIGITAL_SIGNATURE = 0;
const KU_KEY_CERT_SIGN = 5;
const KU_CRL_SIGN = 6;

/** The names the server certificate is valid for: the loopback names plus the listen address. */
export function serveNames(address: string): { dns: string[]; ips: string[] } {
  const dns = ['localhost'];
  const ips = ['127.0.0.1', '::1'];
  const a = address.replace(/^\[(.*)\]$/, '$1');
  if (net.isIP(a)) {
    if (!ips.some((ip) => ipBytes(ip).equals(ipBytes(a)))) ips.push(a);
  } else if (a !== '' && !dns.includes(a.toLowerCase())) {
    dns.push(a.toLowerCase());
  }
  return { dns, ips };
}

/** An IPv4 or IPv6 address as the 4 or 16 octets of a SAN iPAddress. */
export function ipBytes(ip: string): Buffer {
  const kind = net.isIP(ip);
  if (kind === 4) return Buffer.from(ip.split('.').map(Number));
  if (kind !== 6) throw new Error(`not an IP address: ${ip}`);
  let text = ip.replace(/%.*$/, ''); // zone id
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two hex groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const b = v4[1]!.split('.').map(Number);
    text = text.slice(0, -v4[1]!.length) + `${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  return out;
}

function name(cn: string): Buffer {
  return asn1.sequence(asn1.set(asn1.sequence(asn1.oid(OID.commonName), asn1.utf8String(cn))));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return asn1.sequence(asn1.oid(id), ...(critical ? [asn1.boolean(true)] : []), asn1.octetString(value));
}

/** Key identifier: SHA-1 of the subjectPublicKey bits (RFC 5280 4.2.1.2, method 1). */
function keyId(pub: crypto.KeyObject): Buffer {
  const jwk = pub.export({ format: 'jwk' });
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]);
  return crypto.createHash('sha1').update(point).digest();
}

function serialNumber(): Buffer {
  const b = crypto.randomBytes(16);
  b[0] = (b[0]! & 0x7f) | 0x40; // positive, and always 16 octets
  return asn1.unsignedInteger(b);
}

function toPem(label: string, der: Buffer): string {
  const b64 = der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

interface CertSpec {
  subject: string;
  issuer: string;
  publicKey: crypto.KeyObject;
  signingKey: crypto.KeyObject;
  notBefore: number;
  notAfter: number;
  extensions: Buffer[];
}

/** A signed X.509 v3 certificate, DER. */
function certificate(s: CertSpec): Buffer {
  const algorithm = asn1.sequence(asn1.oid(OID.ecdsaWithSHA256));
  const tbs = asn1.sequence(
    asn1.explicit(0, asn1.integer(2)), // v3
    serialNumber(),
    algorithm,
    name(s.issuer),
    asn1.sequence(asn1.time(s.notBefore), asn1.time(s.notAfter)),
    name(s.subject),
    s.publicKey.export({ type: 'spki', format: 'der' }),
    asn1.explicit(3, asn1.sequence(...s.extensions)),
  );
  const signature = crypto.sign('sha256', tbs, s.signingKey); // ECDSA, DER-encoded (r, s)
  return asn1.sequence(tbs, algorithm, asn1.bitString(signature));
}

/** A fresh CA and a server certificate signed by it, valid 10 years from nowMs (the cluster clock). */
export function generateServeTls(nowMs: number, address: string): ServeTls {
  const notBefore = nowMs - BACKDATE_MS;
  const end = new Date(nowMs);
  end.setUTCFullYear(end.getUTCFullYear() + 10); // ten calendar years
  const notAfter = end.getTime();
  const ca = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const srv = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const caId = keyId(ca.publicKey);

  const caDer = certificate({
    subject: CA_CN,
    issuer: CA_CN,
    publicKey: ca.publicKey,
    signingKey: ca.privateKey,
    notBefore,
    notAfter,
    extensions: [
      extension(OID.basicConstraints, true, asn1.sequence(asn1.boolean(true), asn1.integer(0))),
      extension(OID.keyUsage, true, asn1.namedBits([KU_DIGITAL_SIGNATURE, KU_KEY_CERT_SIGN, KU_CRL_SIGN])),
      extension(OID.subjectKeyIdentifier, false, asn1.octetString(caId)),
    ],
  });

  const names = serveNames(address);
  const san = asn1.sequence(
    ...names.dns.map((d) => asn1.implicitPrimitive(2, Buffer.from(d, 'ascii'))), // dNSName
    ...names.ips.map((ip) => asn1.implicitPrimitive(7, ipBytes(ip))), // iPAddress
  );
  const certDer = certificate({
    subject: SERVER_CN,
    issuer: CA_CN,
    publicKey: srv.publicKey,
    signingKey: ca.privateKey,
    notBefore,
    notAfter,
    extensions: [
      extension(OID.basicConstraints, true, asn1.sequence()), // cA FALSE (the DEFAULT, so omitted)
      extension(OID.keyUsage, true, asn1.namedBits([KU_DIGITAL_SIGNATURE])),
      extension(OID.extKeyUsage, false, asn1.sequence(asn1.oid(OID.serverAuth))),
      extension(OID.subjectKeyIdentifier, false, asn1.octetString(keyId(srv.publicKey))),
      extension(OID.authorityKeyIdentifier, false, asn1.sequence(asn1.implicitPrimitive(0, caId))),
      extension(OID.subjectAltName, false, san),
    ],
  });

  return {
    caPem: toPem('CERTIFICATE', caDer),
    certPem: toPem('CERTIFICATE', certDer),
    keyPem: srv.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}

/** Whether stored material is intact, mutually consistent, current at nowMs and covers address. */
function usable(t: ServeTls, nowMs: number, address: string): boolean {
  try {
    const ca = new crypto.X509Certificate(t.caPem);
    const cert = new crypto.X509Certificate(t.certPem);
    if (!ca.ca || !cert.verify(ca.publicKey) || !cert.checkIssued(ca)) return false;
    if (!cert.checkPrivateKey(crypto.createPrivateKey(t.keyPem))) return false;
    // A day of margin: a certificate about to expire is replaced rather than served.
    for (const c of [ca, cert]) {
      if (Date.parse(c.validFrom) > nowMs || Date.parse(c.validTo) < nowMs + 24 * 3600 * 1000) return false;
    }
    const names = serveNames(address);
    if (!names.ips.every((ip) => cert.checkIP(ip) !== undefined)) return false;
    if (!names.dns.every((d) => cert.checkHost(d, { subject: 'never' }) !== undefined)) return false;
    return true;
  } catch {
    return false;
  }
}

function readIf(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The cluster's serving certificate: the stored one when it is still usable (valid at the cluster
 * clock, covering the address), else a new one, written with mode 0600.
 */
export function serveTlsFor(clusterDir: string, nowMs: number, address: string): ServeTls {
  const files = { caPem: path.join(clusterDir, CA_FILE), certPem: path.join(clusterDir, CERT_FILE), keyPem: path.join(clusterDir, KEY_FILE) };
  const stored = { caPem: readIf(files.caPem), certPem: readIf(files.certPem), keyPem: readIf(files.keyPem) };
  if (stored.caPem !== undefined && stored.certPem !== undefined && stored.keyPem !== undefined && usable(stored as ServeTls, nowMs, address)) {
    return stored as ServeTls;
  }
  const fresh = generateServeTls(nowMs, address);
  fs.mkdirSync(clusterDir, { recursive: true });
  for (const k of ['keyPem', 'certPem', 'caPem'] as const) {
    const tmp = `${files[k]}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, fresh[k], { mode: 0o600 });
    fs.chmodSync(tmp, 0o600);
    fs.renameSync(tmp, files[k]);
  }
  return fresh;
}
