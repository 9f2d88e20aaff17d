// kube-lite serve over HTTPS (--tls, --token): the hand-built certificates (asn1.ts, tls.ts), the
// HTTPS server with the CA trusted, token enforcement, the serve command's kubeconfig, and real
// kubectl against it (skipped when no kubectl binary is installed).

import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { main } from '../../src/cli/main.js';
import * as asn1 from '../../src/server/asn1.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { CA_FILE, CERT_FILE, generateServeTls, ipBytes, KEY_FILE, serveTlsFor, type ServeTls } from '../../src/server/tls.js';
import { FixedClock } from '../../src/sim/clock.js';
import { FIXED_NOW, run, tempHome } from '../helpers/cli.js';

const NOW = Date.parse(FIXED_NOW);

describe('asn1', () => {
  it('encodes Time as UTCTime through 2049 and GeneralizedTime from 2050 (RFC 5280)', () => {
    expect(asn1.time(Date.parse('2049-12-31T23:59:59Z')).toString('latin1')).toBe('\x17\x0d491231235959Z');
    expect(asn1.time(Date.parse('2050-01-01T00:00:00Z')).toString('latin1')).toBe('\x18\x0f20500101000000Z');
    expect(asn1.time(Date.parse('1950-01-01T00:00:00.900Z')).toString('latin1')).toBe('\x17\x0d500101000000Z');
    expect(asn1.time(Date.parse('1949-06-01T00:00:00Z')).toString('latin1')).toBe('\x18\x0f19490601000000Z');
  });

  it('encodes lengths, integers, OIDs and named bits in DER', () => {
    expect(asn1.octetString(Buffer.alloc(200)).subarray(0, 3)).toEqual(Buffer.from([0x04, 0x81, 200]));
    expect(asn1.octetString(Buffer.alloc(300)).subarray(0, 4)).toEqual(Buffer.from([0x04, 0x82, 0x01, 0x2c]));
    expect(asn1.integer(0)).toEqual(Buffer.from([0x02, 0x01, 0x00]));
    expect(asn1.integer(128)).toEqual(Buffer.from([0x02, 0x02, 0x00, 0x80]));
    expect(asn1.unsignedInteger(Buffer.from([0, 0, 1]))).toEqual(Buffer.from([0x02, 0x01, 0x01]));
    expect(asn1.oid('1.2.840.10045.4.3.2')).toEqual(Buffer.from('06082a8648ce3d040302', 'hex'));
    // digitalSignature, keyCertSign, cRLSign: 0b10000110, one unused bit.
    expect(asn1.namedBits([0, 5, 6])).toEqual(Buffer.from([0x03, 0x02, 0x01, 0x86]));
    expect(asn1.namedBits([0])).toEqual(Buffer.from([0x03, 0x02, 0x07, 0x80]));
  });

  it('encodes IP addresses for subjectAltName', () => {
    expect(ipBytes('127.0.0.1')).toEqual(Buffer.from([127, 0, 0, 1]));
    expect(ipBytes('::1')).toEqual(Buffer.from('00000000000000000000000000000001', 'hex'));
    expect(ipBytes('fe80::1:2')).toEqual(Buffer.from('fe800000000000000000000000010002', 'hex'));
    expect(ipBytes('::ffff:10.0.0.1')).toEqual(Buffer.from('00000000000000000000ffff0a000001', 'hex'));
    expect(ipBytes('2001:db8::')).toEqual(Buffer.from('20010db8000000000000000000000000', 'hex'));
  });
});

describe('serving certificate', () => {
  let t: ServeTls;
  let ca: crypto.X509Certificate;
  let cert: crypto.X509Certificate;

  beforeAll(() => {
    t = generateServeTls(NOW, '10.1.2.3');
    ca = new crypto.X509Certificate(t.caPem);
    cert = new crypto.X509Certificate(t.certPem);
  });

  it('is a CA-signed server certificate for the loopback names and the address', () => {
    expect(ca.subject).toBe('CN=kube-lite-serve-ca');
    expect(ca.issuer).toBe('CN=kube-lite-serve-ca');
    expect(ca.ca).toBe(true);
    expect(ca.verify(ca.publicKey)).toBe(true);
    expect(cert.subject).toBe('CN=kube-lite-serve');
    expect(cert.issuer).toBe('CN=kube-lite-serve-ca');
    expect(cert.ca).toBe(false);
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.checkPrivateKey(crypto.createPrivateKey(t.keyPem))).toBe(true);
    expect(cert.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, IP Address:10.1.2.3');
    expect(cert.checkIP('::1')).toBe('::1');
    expect(cert.checkHost('localhost', { subject: 'never' })).toBe('localhost');
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(cert.publicKey.asymmetricKeyType).toBe('ec');
    expect(cert.serialNumber).toMatch(/^[0-9A-F]{32}$/);
  });

  it('is valid for ten years from the cluster clock (backdated an hour)', () => {
    for (const c of [ca, cert]) {
      expect(new Date(c.validFrom).toISOString()).toBe('2025-12-31T23:00:00.000Z');
      expect(new Date(c.validTo).toISOString()).toBe('2036-01-01T00:00:00.000Z');
    }
    // Past 2049 the end date is a GeneralizedTime.
    const late = new crypto.X509Certificate(generateServeTls(Date.parse('2045-03-04T05:06:07Z'), '127.0.0.1').certPem);
    expect(new Date(late.validTo).toISOString()).toBe('2055-03-04T05:06:07.000Z');
  });

  it('adds a DNS name or an IPv6 address given as --address', () => {
    expect(new crypto.X509Certificate(generateServeTls(NOW, 'myhost.example').certPem).subjectAltName).toBe(
      'DNS:localhost, DNS:myhost.example, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1',
    );
    expect(new crypto.X509Certificate(generateServeTls(NOW, '::1').certPem).subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(new crypto.X509Certificate(generateServeTls(NOW, 'fe80::1').certPem).checkIP('fe80::1')).toBe('fe80::1');
  });

  it('is stored once per cluster (mode 0600) and reused while it fits', () => {
    const dir = path.join(tempHome(), 'clusters', 'c1');
    const first = serveTlsFor(dir, NOW, '127.0.0.1');
    for (const f of [CA_FILE, CERT_FILE, KEY_FILE]) expect(fs.statSync(path.join(dir, f)).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(dir, CA_FILE), 'utf8')).toBe(first.caPem);
    expect(serveTlsFor(dir, NOW + 86_400_000, '127.0.0.1')).toEqual(first);
    expect(serveTlsFor(dir, NOW, 'localhost')).toEqual(first);
    // A new address, an expired certificate or a damaged file: a new one.
    const other = serveTlsFor(dir, NOW, '10.9.9.9');
    expect(other.certPem).not.toBe(first.certPem);
    expect(new crypto.X509Certificate(other.certPem).checkIP('10.9.9.9')).toBe('10.9.9.9');
    const later = serveTlsFor(dir, NOW + 11 * 365 * 86_400_000, '10.9.9.9');
    expect(later.caPem).not.toBe(other.caPem);
    fs.writeFileSync(path.join(dir, KEY_FILE), 'garbage');
    expect(serveTlsFor(dir, NOW + 11 * 365 * 86_400_000, '10.9.9.9').keyPem).not.toBe('garbage');
  });
});

function get(url: string, opts: https.RequestOptions = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { agent: false, ...opts }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTPS server', () => {
  let home: string;
  let srv: RunningServer;
  let t: ServeTls;
  const env = () => ({ KUBE_LITE_HOME: home, KUBE_LITE_SEED: '1', KUBE_LITE_NOW: FIXED_NOW, TZ: 'UTC' });

  beforeAll(async () => {
    home = tempHome();
    expect((await run(home, 'get', 'ns')).code).toBe(0);
    t = generateServeTls(NOW, '127.0.0.1');
    srv = await startServer({
      se: { home, env: env() },
      clusterName: 'kube-lite',
      clock: new FixedClock(NOW),
      port: 0,
      address: '127.0.0.1',
      token: 'sekret',
      tls: { cert: t.certPem, key: t.keyPem },
      pollMs: 0,
    });
  });

  afterAll(async () => {
    await srv?.close();
  });

  it('answers over TLS with the CA trusted, for every name in the certificate', async () => {
    expect(srv.scheme).toBe('https');
    const ok = await get(`https://127.0.0.1:${srv.port}/api/v1/namespaces`, { ca: t.caPem, headers: { Authorization: 'Bearer sekret' } });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).items.map((n: any) => n.metadata.name)).toContain('kube-system');
    expect((await get(`https://localhost:${srv.port}/healthz`, { ca: t.caPem, family: 4 })).status).toBe(200);
    // Without the CA, the certificate is not trusted; with another CA neither.
    await expect(get(`https://127.0.0.1:${srv.port}/healthz`)).rejects.toThrow(/self[- ]signed|unable to verify/i);
    await expect(get(`https://127.0.0.1:${srv.port}/healthz`, { ca: generateServeTls(NOW, '127.0.0.1').caPem })).rejects.toThrow(/certificate|verify/i);
  });

  it('enforces the token: 401 Status without it or with a wrong one; public paths stay open', async () => {
    const base = `https://127.0.0.1:${srv.port}`;
    const none = await get(`${base}/api/v1/namespaces`, { ca: t.caPem });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
    expect((await get(`${base}/api/v1/namespaces`, { ca: t.caPem, headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    for (const p of ['/healthz', '/livez', '/readyz', '/version']) expect((await get(base + p, { ca: t.caPem })).status).toBe(200);
  });
});

const KUBECTL = [path.resolve('.tools/bin/kubectl'), '/tmp/kc/kubectl'].find((k) => fs.existsSync(k));

interface ServeRun {
  stdout: () => string;
  kubeconfig: string;
  stop: () => Promise<number>;
}

/** `kube-lite serve ...` in process, until its kubeconfig is written; stop() sends it "SIGTERM". */
async function serveCommand(home: string, ...args: string[]): Promise<ServeRun> {
  let stdout = '';
  let stderr = '';
  const before = new Set(process.listeners('SIGTERM'));
  const done = main(['serve', '--port', '0', ...args], {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readStdin: () => '',
    env: { KUBE_LITE_HOME: home, KUBE_LITE_SEED: '1', KUBE_LITE_NOW: FIXED_NOW, TZ: 'UTC' },
    cwd: process.cwd(),
  });
  let finished = false;
  void done.then(() => (finished = true));
  for (let i = 0; i < 400 && !stdout.includes('Kubeconfig: '); i++) {
    if (finished) throw new Error(`serve exited: ${stderr}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  const kubeconfig = /Kubeconfig: (.*)\n/.exec(stdout)?.[1];
  if (!kubeconfig) throw new Error(`serve did not start: ${stdout}${stderr}`);
  const stopper = process.listeners('SIGTERM').find((l) => !before.has(l));
  return {
    stdout: () => stdout,
    kubeconfig,
    stop: async () => {
      (stopper as () => void)();
      return done;
    },
  };
}

describe('serve command', () => {
  let home: string;
  beforeAll(async () => {
    home = tempHome();
    expect((await run(home, 'get', 'ns')).code).toBe(0);
  });

  it('with --token serves https and writes a kubeconfig with the CA and the token', async () => {
    const s = await serveCommand(home, '--token', 'sekret');
    try {
      const url = /^Serving cluster "kube-lite" at (https:\/\/127\.0\.0\.1:\d+)\n/.exec(s.stdout())?.[1];
      expect(url).toBeDefined();
      expect(s.kubeconfig).toBe(path.join(home, 'kubeconfig-kube-lite'));
      const kc = parseYaml(fs.readFileSync(s.kubeconfig, 'utf8'));
      const cluster = kc.clusters[0].cluster;
      expect(cluster.server).toBe(url);
      const caPem = Buffer.from(cluster['certificate-authority-data'], 'base64').toString();
      expect(caPem).toBe(fs.readFileSync(path.join(home, 'clusters/kube-lite', CA_FILE), 'utf8'));
      expect(kc.users[0].user).toEqual({ token: 'sekret' });
      const r = await get(`${url}/api/v1/namespaces/default`, { ca: caPem, headers: { Authorization: 'Bearer sekret' } });
      expect(r.status).toBe(200);
    } finally {
      expect(await s.stop()).toBe(0);
    }
    // A second start reuses the stored certificate.
    const ca = fs.readFileSync(path.join(home, 'clusters/kube-lite', CA_FILE), 'utf8');
    const again = await serveCommand(home, '--tls');
    try {
      const kc = parseYaml(fs.readFileSync(again.kubeconfig, 'utf8'));
      expect(Buffer.from(kc.clusters[0].cluster['certificate-authority-data'], 'base64').toString()).toBe(ca);
      expect(kc.clusters[0].cluster.server).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(kc.users[0].user).toEqual({});
    } finally {
      await again.stop();
    }
  });

  it('without --token or --tls serves plain http as before', async () => {
    const s = await serveCommand(home);
    try {
      expect(s.stdout()).toMatch(/^Serving cluster "kube-lite" at http:\/\/127\.0\.0\.1:\d+\n/);
      const kc = parseYaml(fs.readFileSync(s.kubeconfig, 'utf8'));
      expect(kc.clusters[0].cluster).toEqual({ 'insecure-skip-tls-verify': true, server: expect.stringMatching(/^http:\/\//) });
    } finally {
      await s.stop();
    }
  });

  describe.skipIf(!KUBECTL)('real kubectl', () => {
    const kubectl = (kcHome: string, kubeconfig: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
      new Promise((resolve) => {
        execFile(KUBECTL!, ['--kubeconfig', kubeconfig, '--cache-dir', path.join(kcHome, 'cache'), ...args], { env: { ...process.env, HOME: kcHome } }, (err, stdout, stderr) => {
          resolve({ code: err ? ((err as any).code ?? 1) : 0, stdout, stderr });
        });
      });

    it('sends the token over https: get ns works, a wrong token is Unauthorized', async () => {
      const s = await serveCommand(home, '--token', 'sekret');
      try {
        const kcHome = tempHome();
        const ok = await kubectl(kcHome, s.kubeconfig, 'get', 'ns');
        expect(ok.stderr).toBe('');
        expect(ok.code).toBe(0);
        expect(ok.stdout).toMatch(/^NAME +STATUS +AGE\n/);
        expect(ok.stdout).toContain('kube-system ');
        const bad = path.join(kcHome, 'bad-kubeconfig');
        fs.writeFileSync(bad, fs.readFileSync(s.kubeconfig, 'utf8').replace('token: sekret', 'token: wrong'));
        const denied = await kubectl(kcHome, bad, 'get', 'ns');
        expect(denied.code).toBe(1);
        expect(denied.stdout).toBe('');
        expect(denied.stderr).toBe('error: You must be logged in to the server (Unauthorized)\n');
      } finally {
        await s.stop();
      }
    });
  });
});
