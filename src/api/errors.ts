// API errors as Kubernetes Status objects, and the CLI's own errors. Only main() formats them.

export interface StatusCause {
  type?: string;
  field?: string;
  message?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
}

/** A failed API call (metav1.Status): `Error from server (<reason>): <message>`. */
export class StatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
    /** For Invalid errors: the exact text kubectl prints instead of the message. */
    readonly kubectlText?: string,
  ) {
    super(message);
  }

  /** A copy whose message carries the source, as kubectl's AddSourceToErr does. */
  withSource(verb: string, source: string): StatusError {
    return new StatusError(this.code, this.reason, `error when ${verb} "${source}": ${this.message}`, this.details, this.kubectlText);
  }
}

/** A client-side failure: printed as `error: <message>`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Printed exactly as given (already formatted, possibly several lines). */
export class RawError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Several errors from one command (apply continues past failures): each printed on its own line. */
export class AggregateError extends Error {
  constructor(readonly errors: Error[]) {
    super(errors.map((e) => e.message).join('\n'));
  }
}

export function notFound(qualifiedResource: string, name: string): StatusError {
  return new StatusError(404, 'NotFound', `${qualifiedResource} "${name}" not found`, { name });
}

export function alreadyExists(qualifiedResource: string, name: string): StatusError {
  return new StatusError(409, 'AlreadyExists', `${qualifiedResource} "${name}" already exists`, { name });
}

export function conflict(qualifiedResource: string, name: string): StatusError {
  return new StatusError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name },
  );
}

export function badRequest(message: string): StatusError {
  return new StatusError(400, 'BadRequest', message);
}

export function forbidden(message: string): StatusError {
  return new StatusError(403, 'Forbidden', message);
}

/** NamespaceLifecycle's refusal of anything new in a namespace being deleted. */
export function namespaceTerminating(qualifiedResource: string, name: string, namespace: string): StatusError {
  return forbidden(`${qualifiedResource} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`);
}

/**
 * The refusal namespaceTerminating makes: controllers drop what they meant to create (client-go's
 * NamespaceTerminatingCause) rather than record a failure.
 */
export function isNamespaceTerminating(e: unknown): boolean {
  return e instanceof StatusError && e.code === 403 && e.message.endsWith(' because it is being terminated');
}

export function methodNotAllowed(message: string): StatusError {
  return new StatusError(405, 'MethodNotAllowed', message);
}
