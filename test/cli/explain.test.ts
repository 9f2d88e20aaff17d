// kubectl explain: exact stdout/stderr/exit codes. The expected texts are what the real kubectl
// v1.36.3 binary printed for the same OpenAPI documents (build/openapi, served by a throwaway fake
// apiserver), so they pin both the layout and kube-lite's generated documents (descriptions from
// kubernetes-types 1.30.0).

import { describe, expect, it } from 'vitest';
import { run, tempHome, type Result } from '../helpers/cli.js';

const home = tempHome();
const explain = (...args: string[]): Promise<Result> => run(home, 'explain', ...args);
const ok = (lines: string[]): Result => ({ code: 0, stdout: lines.join('\n'), stderr: '' });

describe('explain', () => {
  it("explain pods", async () => {
    expect(await explain("pods")).toEqual(ok([
      "KIND:       Pod",
      "VERSION:    v1",
      "",
      "DESCRIPTION:",
      "    Pod is a collection of containers that can run on a host. This resource is",
      "    created by clients and scheduled onto hosts.",
      "    ",
      "FIELDS:",
      "  apiVersion\t<string>",
      "    APIVersion defines the versioned schema of this representation of an object.",
      "    Servers should convert recognized schemas to the latest internal value, and",
      "    may reject unrecognized values. More info:",
      "    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources",
      "",
      "  kind\t<string>",
      "    Kind is a string value representing the REST resource this object",
      "    represents. Servers may infer this from the endpoint the client submits",
      "    requests to. Cannot be updated. In CamelCase. More info:",
      "    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds",
      "",
      "  metadata\t<ObjectMeta>",
      "    Standard object's metadata. More info:",
      "    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
      "",
      "  spec\t<PodSpec>",
      "    Specification of the desired behavior of the pod. More info:",
      "    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status",
      "",
      "  status\t<PodStatus>",
      "    Most recently observed status of the pod. This data may not be up to date.",
      "    Populated by the system. Read-only. More info:",
      "    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status",
      "",
      "",
      "",
    ]));
  });

  it("explain deployment.spec.strategy", async () => {
    expect(await explain("deployment.spec.strategy")).toEqual(ok([
      "GROUP:      apps",
      "KIND:       Deployment",
      "VERSION:    v1",
      "",
      "FIELD: strategy <DeploymentStrategy>",
      "",
      "",
      "DESCRIPTION:",
      "    The deployment strategy to use to replace existing pods with new ones.",
      "    DeploymentStrategy describes how to replace existing pods with new ones.",
      "    ",
      "FIELDS:",
      "  rollingUpdate\t<RollingUpdateDeployment>",
      "    Rolling update config params. Present only if DeploymentStrategyType =",
      "    RollingUpdate.",
      "",
      "  type\t<string>",
      "    Type of deployment. Can be \"Recreate\" or \"RollingUpdate\". Default is",
      "    RollingUpdate.",
      "",
      "",
      "",
    ]));
  });

  it("explain svc.spec.ports", async () => {
    expect(await explain("svc.spec.ports")).toEqual(ok([
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
      "    The application protocol for this port. This is used as a hint for",
      "    implementations to offer richer behavior for protocols that they understand.",
      "    This field follows standard Kubernetes label syntax. Valid values are",
      "    either:",
      "    ",
      "    * Un-prefixed protocol names - reserved for IANA standard service names (as",
      "    per RFC-6335 and https://www.iana.org/assignments/service-names).",
      "    ",
      "    * Kubernetes-defined prefixed names:",
      "      * 'kubernetes.io/h2c' - HTTP/2 prior knowledge over cleartext as described",
      "    in",
      "    https://www.rfc-editor.org/rfc/rfc9113.html#name-starting-http-2-with-prior-",
      "      * 'kubernetes.io/ws'  - WebSocket over cleartext as described in",
      "    https://www.rfc-editor.org/rfc/rfc6455",
      "      * 'kubernetes.io/wss' - WebSocket over TLS as described in",
      "    https://www.rfc-editor.org/rfc/rfc6455",
      "    ",
      "    * Other protocols should use implementation-defined prefixed names such as",
      "    mycompany.com/my-custom-protocol.",
      "",
      "  name\t<string>",
      "    The name of this port within the service. This must be a DNS_LABEL. All",
      "    ports within a ServiceSpec must have unique names. When considering the",
      "    endpoints for a Service, this must match the 'name' field in the",
      "    EndpointPort. Optional if only one ServicePort is defined on this service.",
      "",
      "  nodePort\t<integer>",
      "    The port on each node on which this service is exposed when type is NodePort",
      "    or LoadBalancer.  Usually assigned by the system. If a value is specified,",
      "    in-range, and not in use it will be used, otherwise the operation will fail.",
      "    If not specified, a port will be allocated if this Service requires one.  If",
      "    this field is specified when creating a Service which does not need it,",
      "    creation will fail. This field will be wiped when updating a Service to no",
      "    longer need it (e.g. changing type from NodePort to ClusterIP). More info:",
      "    https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport",
      "",
      "  port\t<integer> -required-",
      "    The port that will be exposed by this service.",
      "",
      "  protocol\t<string>",
      "    The IP protocol for this port. Supports \"TCP\", \"UDP\", and \"SCTP\". Default is",
      "    TCP.",
      "",
      "  targetPort\t<IntOrString>",
      "    Number or name of the port to access on the pods targeted by the service.",
      "    Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME. If",
      "    this is a string, it will be looked up as a named port in the target Pod's",
      "    container ports. If this is not specified, the value of the 'port' field is",
      "    used (an identity map). This field is ignored for services with",
      "    clusterIP=None, and should be omitted or set equal to the 'port' field. More",
      "    info:",
      "    https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service",
      "",
      "",
      "",
    ]));
  });

  it("explain cronjob.spec.schedule (a leaf)", async () => {
    expect(await explain("cronjob.spec.schedule")).toEqual(ok([
      "GROUP:      batch",
      "KIND:       CronJob",
      "VERSION:    v1",
      "",
      "FIELD: schedule <string>",
      "",
      "",
      "DESCRIPTION:",
      "    The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.",
      "    ",
      "",
      "",
    ]));
  });

  it("explain pods.spec.dnsConfig --recursive", async () => {
    expect(await explain("pods.spec.dnsConfig", "--recursive")).toEqual(ok([
      "KIND:       Pod",
      "VERSION:    v1",
      "",
      "FIELD: dnsConfig <PodDNSConfig>",
      "",
      "",
      "DESCRIPTION:",
      "    Specifies the DNS parameters of a pod. Parameters specified here will be",
      "    merged to the generated DNS configuration based on DNSPolicy.",
      "    PodDNSConfig defines the DNS parameters of a pod in addition to those",
      "    generated from DNSPolicy.",
      "    ",
      "FIELDS:",
      "  nameservers\t<[]string>",
      "  options\t<[]PodDNSConfigOption>",
      "    name\t<string>",
      "    value\t<string>",
      "  searches\t<[]string>",
      "",
      "",
    ]));
  });

  it("explain deploy.spec.strategy -R", async () => {
    expect(await explain("deploy.spec.strategy", "-R")).toEqual(ok([
      "GROUP:      apps",
      "KIND:       Deployment",
      "VERSION:    v1",
      "",
      "FIELD: strategy <DeploymentStrategy>",
      "",
      "",
      "DESCRIPTION:",
      "    The deployment strategy to use to replace existing pods with new ones.",
      "    DeploymentStrategy describes how to replace existing pods with new ones.",
      "    ",
      "FIELDS:",
      "  rollingUpdate\t<RollingUpdateDeployment>",
      "    maxSurge\t<IntOrString>",
      "    maxUnavailable\t<IntOrString>",
      "  type\t<string>",
      "",
      "",
    ]));
  });

  it("explain deployments.apps.metadata.labels (plural.group prefix, map type)", async () => {
    expect(await explain("deployments.apps.metadata.labels")).toEqual(ok([
      "GROUP:      apps",
      "KIND:       Deployment",
      "VERSION:    v1",
      "",
      "FIELD: labels <map[string]string>",
      "",
      "",
      "DESCRIPTION:",
      "    Map of string keys and values that can be used to organize and categorize",
      "    (scope and select) objects. May match selectors of replication controllers",
      "    and services. More info:",
      "    https://kubernetes.io/docs/concepts/overview/working-with-objects/labels",
      "    ",
      "",
      "",
    ]));
  });

  it('accepts the names get accepts: plural, singular, short name, kind', async () => {
    const pods = (await explain('pods')).stdout;
    for (const name of ['pod', 'po', 'Pod', 'PODS']) expect((await explain(name)).stdout).toBe(pods);
    const svc = (await explain('svc.spec.ports')).stdout;
    expect((await explain('services.spec.ports.')).stdout).toBe(svc);
    expect((await explain('deploy', '--api-version=apps/v1')).stdout).toBe((await explain('deployments')).stdout);
  });

  it('names the last field of the path when a field does not exist, after printing the header', async () => {
    expect(await explain('pods.foo')).toEqual({ code: 1, stdout: 'KIND:       Pod\nVERSION:    v1\n\n', stderr: 'error: field "foo" does not exist\n' });
    expect(await explain('pods.spec.foo.bar')).toEqual({ code: 1, stdout: 'KIND:       Pod\nVERSION:    v1\n\n', stderr: 'error: field "bar" does not exist\n' });
    // Only <plural>.<group> is read as a resource with its group; "deploy.apps" is deploy + field "apps".
    expect(await explain('deploy.apps')).toEqual({
      code: 1,
      stdout: 'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\n',
      stderr: 'error: field "apps" does not exist\n',
    });
  });

  it('fails on unknown resource types without the "error: " prefix, as kubectl does', async () => {
    expect(await explain('foo')).toEqual({ code: 1, stdout: '', stderr: 'the server doesn\'t have a resource type "foo"\n' });
    expect(await explain('widgets.example.com.spec')).toEqual({ code: 1, stdout: '', stderr: 'the server doesn\'t have a resource type "widgets"\n' });
    // Short names are case-sensitive; plural and singular names are not.
    expect(await explain('DEPLOY')).toEqual({ code: 1, stdout: '', stderr: 'the server doesn\'t have a resource type "DEPLOY"\n' });
  });

  it('checks its arguments, --api-version and --output', async () => {
    expect(await explain()).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
    });
    expect(await explain('pods', 'svc')).toEqual({ code: 1, stdout: '', stderr: 'error: We accept only this format: explain RESOURCE\n' });
    expect(await explain('pods', '--api-version=v2')).toEqual({ code: 1, stdout: '', stderr: 'error: couldn\'t find resource for "/v2, Resource=pods"\n' });
    expect(await explain('pods', '--api-version=apps/v1')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: GVR (apps/v1, Resource=pods) not found in OpenAPI schema\n',
    });
    expect(await explain('pods', '-o', 'yaml')).toEqual({ code: 1, stdout: '', stderr: 'error: unrecognized format: yaml\n' });
  });
});
