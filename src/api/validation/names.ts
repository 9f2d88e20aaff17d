// Name and format checks (apimachinery pkg/util/validation, pkg/api/validate/content,
// pkg/api/validation/generic.go, pkg/api/validation/path). Each returns Go's []string of messages.
//
// Length wording differs by package: label keys/values come from the `content` package
// ("bytes"), DNS names / ConfigMap keys / port names from util/validation ("characters").
// Lengths are Go len(), i.e. UTF-8 bytes.

const byteLen = (s: string): number => Buffer.byteLength(s, 'utf8');

export const maxLenError = (n: number): string => `must be no more than ${n} characters`;
const contentMaxLenError = (n: number): string => `must be no more than ${n} bytes`;
export const emptyError = (): string => 'must be non-empty';
export const inclusiveRangeError = (lo: number, hi: number): string => `must be between ${lo} and ${hi}, inclusive`;

/** RegexError: the double space in "'a',  or 'b'" is upstream's. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let out = msg + ' (e.g. ';
  examples.forEach((ex, i) => {
    if (i > 0) out += ' or ';
    out += `'${ex}', `;
  });
  return out + `regex used for validation is '${fmt}')`;
}

const full = (fmt: string): RegExp => new RegExp(`^(?:${fmt})$`);

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const dns1123LabelRe = full(DNS1123_LABEL_FMT);
const dns1123SubdomainRe = full(DNS1123_SUBDOMAIN_FMT);
const dns1035LabelRe = full(DNS1035_LABEL_FMT);

export const DNS1123_LABEL_MAX = 63;
export const DNS1123_SUBDOMAIN_MAX = 253;
export const DNS1035_LABEL_MAX = 63;

export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLen(value) > DNS1123_LABEL_MAX) errs.push(maxLenError(DNS1123_LABEL_MAX));
  if (!dns1123LabelRe.test(value)) {
    // A valid subdomain that is not a label can only be failing on dots.
    if (dns1123SubdomainRe.test(value)) errs.push('must not contain dots');
    else errs.push(regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

export function isDNS1123Subdomain(value: string): string[] {
  return subdomainErrors(value, maxLenError);
}

// The content package (label-key prefixes) has its own copy that counts "bytes".
function subdomainErrors(value: string, lenError: (n: number) => string): string[] {
  const errs: string[] = [];
  if (byteLen(value) > DNS1123_SUBDOMAIN_MAX) errs.push(lenError(DNS1123_SUBDOMAIN_MAX));
  if (!dns1123SubdomainRe.test(value)) {
    errs.push(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN_FMT, 'example.com'));
  }
  return errs;
}

export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLen(value) > DNS1035_LABEL_MAX) errs.push(maxLenError(DNS1035_LABEL_MAX));
  if (!dns1035LabelRe.test(value)) {
    errs.push(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  }
  return errs;
}

const WILDCARD_FMT = '\\*\\.' + DNS1123_SUBDOMAIN_FMT;
const wildcardRe = full(WILDCARD_FMT);

export function isWildcardDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLen(value) > DNS1123_SUBDOMAIN_MAX) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX));
  if (!wildcardRe.test(value)) {
    errs.push(regexError("a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character", WILDCARD_FMT, '*.example.com'));
  }
  return errs;
}

// ---- label keys (a.k.a. qualified names) and values: content package ------------------------

const LABEL_KEY_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_KEY_ERR = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const labelKeyRe = full(LABEL_KEY_FMT);
export const LABEL_KEY_NAME_MAX = 63;

/** IsQualifiedName / content.IsLabelKey: optional DNS-subdomain prefix + "/" + name. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0]!;
  } else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push('prefix part ' + emptyError());
    else errs.push(...subdomainErrors(prefix, contentMaxLenError).map((m) => 'prefix part ' + m));
  } else {
    return [
      'a valid label key ' + regexError(LABEL_KEY_ERR, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc') +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push('name part ' + emptyError());
  else if (byteLen(name) > LABEL_KEY_NAME_MAX) errs.push('name part ' + contentMaxLenError(LABEL_KEY_NAME_MAX));
  if (!labelKeyRe.test(name)) errs.push('name part ' + regexError(LABEL_KEY_ERR, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc'));
  return errs;
}

const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;
const labelValueRe = full(LABEL_VALUE_FMT);
export const LABEL_VALUE_MAX = 63;

export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLen(value) > LABEL_VALUE_MAX) errs.push(contentMaxLenError(LABEL_VALUE_MAX));
  if (!labelValueRe.test(value)) {
    errs.push(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  }
  return errs;
}

// ---- identifiers, env vars, keys, ports -------------------------------------------------------

const C_IDENTIFIER_FMT = '[A-Za-z_][A-Za-z0-9_]*';
const cIdentifierRe = full(C_IDENTIFIER_FMT);

export function isCIdentifier(value: string): string[] {
  if (cIdentifierRe.test(value)) return [];
  return [regexError("a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'", C_IDENTIFIER_FMT, 'my_name', 'MY_NAME', 'MyName')];
}

function hasChDirPrefix(value: string): string[] {
  if (value === '.') return ["must not be '.'"];
  if (value === '..') return ["must not be '..'"];
  if (value.startsWith('..')) return ["must not start with '..'"];
  return [];
}

const ENV_VAR_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const envVarRe = full(ENV_VAR_FMT);

/** The strict (pre-RelaxedEnvironmentVariableValidation) env var name rule. */
export function isEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (!envVarRe.test(value)) {
    errs.push(regexError("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit", ENV_VAR_FMT, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1'));
  }
  return errs.concat(hasChDirPrefix(value));
}

/** The rule kube-apiserver applies (RelaxedEnvironmentVariableValidation is GA and on). */
export function isRelaxedEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (value.length === 0) errs.push('environment variable name ' + emptyError());
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0x7e || cp < 0x20 || ch === '=') {
      errs.push("a valid environment variable name must consist only of printable ASCII characters other than '='");
      break;
    }
  }
  return errs;
}

const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+';
const configMapKeyRe = full(CONFIG_MAP_KEY_FMT);

/** Keys of ConfigMap/Secret data. */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (byteLen(value) > DNS1123_SUBDOMAIN_MAX) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX));
  if (!configMapKeyRe.test(value)) {
    errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_MAP_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'));
  }
  return errs.concat(hasChDirPrefix(value));
}

export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

export function isInRange(value: number, min: number, max: number): string[] {
  return value >= min && value <= max ? [] : [inclusiveRangeError(min, max)];
}

/** IANA service names: ≤15 chars of [-a-z0-9], at least one letter, no "--", no edge hyphen. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (byteLen(port) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

// UIDs/GIDs: uint32 range in current apimachinery.
export const isValidUserID = (id: number): string[] => (id >= 0 && id <= 0xffffffff ? [] : [inclusiveRangeError(0, 0xffffffff)]);
export const isValidGroupID = isValidUserID;

export function isValidPercent(percent: string): string[] {
  if (/^[0-9]+%$/.test(percent)) return [];
  return [regexError("a valid percent string must be a numeric string followed by an ending '%'", '[0-9]+%', '1%', '93%')];
}

export function isHTTPHeaderName(value: string): string[] {
  if (/^[-A-Za-z0-9]+$/.test(value)) return [];
  return [regexError("a valid HTTP header must consist of alphanumeric characters or '-'", '[-A-Za-z0-9]+', 'X-Header-Name')];
}

/** pkg/api/validation/path: the rule for RBAC, HPA and custom-resource names. */
export function isValidPathSegmentName(name: string): string[] {
  for (const bad of ['.', '..']) if (name === bad) return [`may not be '${bad}'`];
  return isValidPathSegmentPrefix(name);
}

export function isValidPathSegmentPrefix(name: string): string[] {
  return ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}

// ---- per-kind name functions (generic.go ValidateNameFunc) ------------------------------------

/** (name, prefix) → messages; prefix=true validates a generateName. */
export type NameValidator = (name: string, prefix: boolean) => string[];

/** Upstream replaces the last TWO characters with "a" when a generateName ends in '-'. */
function maskTrailingDash(name: string): string {
  if (!name.endsWith('-')) return name;
  return name.slice(0, Math.max(0, name.length - 2)) + 'a';
}

export const nameIsDNSSubdomain: NameValidator = (n, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(n) : n);
export const nameIsDNSLabel: NameValidator = (n, prefix) => isDNS1123Label(prefix ? maskTrailingDash(n) : n);
export const nameIsDNS1035Label: NameValidator = (n, prefix) => isDNS1035Label(prefix ? maskTrailingDash(n) : n);
export const nameIsPathSegment: NameValidator = (n, prefix) => (prefix ? isValidPathSegmentPrefix(n) : isValidPathSegmentName(n));

/**
 * Which name rule kube-apiserver applies per kind. Kinds not listed (custom resources and the
 * rest) fall back to the generic path-segment rule, as the API server does for CRs.
 */
export const NAME_RULES: Readonly<Record<string, NameValidator>> = {
  Namespace: nameIsDNSLabel,
  Service: nameIsDNS1035Label,
  StatefulSet: nameIsDNSLabel,
  Pod: nameIsDNSSubdomain,
  PodTemplate: nameIsDNSSubdomain,
  ReplicationController: nameIsDNSSubdomain,
  Node: nameIsDNSSubdomain,
  ConfigMap: nameIsDNSSubdomain,
  Secret: nameIsDNSSubdomain,
  ServiceAccount: nameIsDNSSubdomain,
  Endpoints: nameIsDNSSubdomain,
  LimitRange: nameIsDNSSubdomain,
  ResourceQuota: nameIsDNSSubdomain,
  PersistentVolume: nameIsDNSSubdomain,
  PersistentVolumeClaim: nameIsDNSSubdomain,
  Deployment: nameIsDNSSubdomain,
  ReplicaSet: nameIsDNSSubdomain,
  DaemonSet: nameIsDNSSubdomain,
  ControllerRevision: nameIsDNSSubdomain,
  Job: nameIsDNSSubdomain,
  CronJob: nameIsDNSSubdomain,
  Ingress: nameIsDNSSubdomain,
  IngressClass: nameIsDNSSubdomain,
  NetworkPolicy: nameIsDNSSubdomain,
  StorageClass: nameIsDNSSubdomain,
  PriorityClass: nameIsDNSSubdomain,
  PodDisruptionBudget: nameIsDNSSubdomain,
  Role: nameIsPathSegment,
  ClusterRole: nameIsPathSegment,
  RoleBinding: nameIsPathSegment,
  ClusterRoleBinding: nameIsPathSegment,
  HorizontalPodAutoscaler: nameIsPathSegment,
};

export function nameValidatorFor(kind: string): NameValidator {
  return NAME_RULES[kind] ?? nameIsPathSegment;
}
