// The explain printer against documents with what kube-lite's generated ones lack (enums, external
// docs) and descriptions that stress the word wrapping. Expected texts: the real kubectl v1.36.3
// binary's output for the same documents (served by a throwaway fake apiserver).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpenAPIDocument, OpenAPISchema } from '../../../src/api/openapi.js';
import { renderExplain } from '../../../src/printers/explain.js';

const TRICKY: Record<string, string> = {
  "appProtocol": "Trailing spaces at a break point:     the quick brown fox jumps over the lazy dog again and again and again.   ",
  "name": "averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongword follows: a second line of text here, then a line ending with spaces   \nand a newline, then\n\n\ntwo blank lines and a tab\tbetween words.",
  "nodePort": "Unicode counts runes: \u00e9 \u00e0 \u00fc \u00f6 \u2014 \u201cquotes\u201d \u00fcn\u00efc\u00f6d\u00e9 w\u00f6rds fill the line until it reaches seventy-six c\u00f6l\u00fcmns wide.",
  "port": "Exactly seventy-six characters on this line, so no break here at all! ok...x and more",
  "targetPort": "non\u00a0breaking\u00a0spaces\u00a0glue\u00a0words\u00a0together\u00a0into\u00a0one\u00a0long\u00a0unit\u00a0that\u00a0cannot\u00a0break ever, see?"
};

// kubectl 1.36.3: explain svc.spec.ports
const PORTS = [
  "KIND:       Service",
  "VERSION:    v1",
  "",
  "FIELD: ports <[]ServicePort>",
  "",
  "",
  "DESCRIPTION:",
  "    The list of ports that are exposed by this service. More info:",
  "    https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies",
  "    ServicePort contains information on service's port.",
  "    ",
  "FIELDS:",
  "  appProtocol\t<string>",
  "    Trailing spaces at a break point:     the quick brown fox jumps over the",
  "    lazy dog again and again and again.   ",
  "",
  "  name\t<string>",
  "    averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongword",
  "    follows: a second line of text here, then a line ending with spaces   ",
  "    and a newline, then",
  "    ",
  "    ",
  "    two blank lines and a tab\tbetween words.",
  "",
  "  nodePort\t<integer>",
  "    Unicode counts runes: \u00e9 \u00e0 \u00fc \u00f6 \u2014 \u201cquotes\u201d \u00fcn\u00efc\u00f6d\u00e9 w\u00f6rds fill the line until",
  "    it reaches seventy-six c\u00f6l\u00fcmns wide.",
  "",
  "  port\t<integer> -required-",
  "    Exactly seventy-six characters on this line, so no break here at all! ok...x",
  "    and more",
  "",
  "  protocol\t<string>",
  "  enum: SCTP, TCP, UDP",
  "    The IP protocol for this port. Supports \"TCP\", \"UDP\", and \"SCTP\". Default is",
  "    TCP.",
  "",
  "  targetPort\t<IntOrString>",
  "    non\u00a0breaking\u00a0spaces\u00a0glue\u00a0words\u00a0together\u00a0into\u00a0one\u00a0long\u00a0unit\u00a0that\u00a0cannot\u00a0break",
  "    ever, see?",
  "",
  "",
  "",
].join('\n');

// kubectl 1.36.3: explain svc.spec.ports --recursive
const PORTS_RECURSIVE = [
  "KIND:       Service",
  "VERSION:    v1",
  "",
  "FIELD: ports <[]ServicePort>",
  "",
  "",
  "DESCRIPTION:",
  "    The list of ports that are exposed by this service. More info:",
  "    https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies",
  "    ServicePort contains information on service's port.",
  "    ",
  "FIELDS:",
  "  appProtocol\t<string>",
  "  name\t<string>",
  "  nodePort\t<integer>",
  "  port\t<integer> -required-",
  "  protocol\t<string>",
  "  enum: SCTP, TCP, UDP",
  "  targetPort\t<IntOrString>",
  "",
  "",
].join('\n');

// kubectl 1.36.3: explain svc.spec.type
const TYPE = [
  "KIND:       Service",
  "VERSION:    v1",
  "",
  "FIELD: type <string>",
  "ENUM:",
  "    \"\"",
  "    ClusterIP",
  "    ExternalName",
  "    LoadBalancer",
  "    NodePort",
  "",
  "DESCRIPTION:",
  "    type determines how the Service is exposed. Defaults to ClusterIP. Valid",
  "    options are ExternalName, ClusterIP, NodePort, and LoadBalancer. \"ClusterIP\"",
  "    allocates a cluster-internal IP address for load-balancing to endpoints.",
  "    Endpoints are determined by the selector or if that is not specified, by",
  "    manual construction of an Endpoints object or EndpointSlice objects. If",
  "    clusterIP is \"None\", no virtual IP is allocated and the endpoints are",
  "    published as a set of endpoints rather than a virtual IP. \"NodePort\" builds",
  "    on ClusterIP and allocates a port on every node which routes to the same",
  "    endpoints as the clusterIP. \"LoadBalancer\" builds on NodePort and creates an",
  "    external load-balancer (if supported in the current cloud) which routes to",
  "    the same endpoints as the clusterIP. \"ExternalName\" aliases this service to",
  "    the specified externalName. Several other fields do not apply to",
  "    ExternalName services. More info:",
  "    https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types",
  "    ",
  "",
  "EXTERNAL DOCS:",
  "    some docs",
  "    URL: https://example.com/x",
  "",
  "",
].join('\n');

function coreDocument(): OpenAPIDocument {
  const file = path.resolve(import.meta.dirname, '../../../build/openapi/api/v1.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as OpenAPIDocument;
  const schemas = doc.components!.schemas!;
  const spec = schemas['io.k8s.api.core.v1.ServiceSpec']!;
  const port = schemas['io.k8s.api.core.v1.ServicePort']!;
  const prop = (s: OpenAPISchema, name: string) => s.properties![name]!;
  prop(port, 'protocol').enum = ['SCTP', 'TCP', 'UDP'];
  prop(spec, 'type').enum = ['', 'ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
  prop(spec, 'type').externalDocs = { description: 'some docs', url: 'https://example.com/x' };
  spec.externalDocs = { description: 'spec docs', url: 'https://example.com/spec' };
  for (const [name, text] of Object.entries(TRICKY)) prop(port, name).description = text;
  return doc;
}

const services = (fieldPath: string[], recursive = false) =>
  renderExplain(coreDocument(), { group: '', version: 'v1', resource: 'services', fieldPath, recursive });

describe('explain printer', () => {
  it('wraps descriptions like go-wordwrap and shows the first four enum values per field', () => {
    expect(services(['spec', 'ports'])).toEqual({ out: PORTS });
  });

  it('keeps enum lines in --recursive output', () => {
    expect(services(['spec', 'ports'], true)).toEqual({ out: PORTS_RECURSIVE });
  });

  it('lists every enum value under the FIELD header and prints EXTERNAL DOCS', () => {
    expect(services(['spec', 'type'])).toEqual({ out: TYPE });
  });

  it('reports a kind missing from components.schemas after the header', () => {
    const doc = coreDocument();
    delete doc.components!.schemas!['io.k8s.api.core.v1.Service'];
    expect(renderExplain(doc, { group: '', version: 'v1', resource: 'services', fieldPath: [], recursive: false })).toEqual({
      out: 'KIND:       Service\nVERSION:    v1\n\n',
      error: 'error: GVK map[group: kind:Service version:v1] not found in OpenAPI schema',
    });
  });

  it('stops at cycles in --recursive output', () => {
    const doc: OpenAPIDocument = {
      paths: { '/apis/x.io/v1/nodes': { get: { 'x-kubernetes-group-version-kind': { group: 'x.io', version: 'v1', kind: 'Tree' } } } },
      components: {
        schemas: {
          Tree: {
            type: 'object',
            description: 'A tree.',
            'x-kubernetes-group-version-kind': [{ group: 'x.io', version: 'v1', kind: 'Tree' }],
            properties: { root: { allOf: [{ $ref: '#/components/schemas/io.x.Node' }] } },
          },
          'io.x.Node': {
            type: 'object',
            required: ['value'],
            properties: { value: { type: 'integer' }, children: { type: 'array', items: { $ref: '#/components/schemas/io.x.Node' } } },
          },
        },
      },
    };
    expect(renderExplain(doc, { group: 'x.io', version: 'v1', resource: 'nodes', fieldPath: [], recursive: true }).out).toBe(
      'GROUP:      x.io\nKIND:       Tree\nVERSION:    v1\n\nDESCRIPTION:\n    A tree.\n    \nFIELDS:\n' +
        '  root\t<Node>\n    children\t<[]Node>\n    value\t<integer> -required-\n\n',
    );
  });
});
