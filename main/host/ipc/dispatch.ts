import {
  fail,
  invokeContract,
  ok,
  parseInvokePayload,
  toIpcError,
  type Envelope,
  type IpcError,
  type InvokeHandlers,
  type InvokeMethod,
  type ResponseOf,
} from '../../../shared/ipc';

/**
 * The host-neutral half of the registration wrapper (ARCHITECTURE §3): parse the payload with
 * the contract's schema, call the core's handler, answer with an envelope. No throw escapes and a
 * payload that fails its schema never reaches the handler. Electron's `ipc/handle.ts` adds the
 * sender check in front; the browser host and the end-to-end harness use it behind their own.
 * It imports no electron, so every host shares it.
 */
export async function dispatchInvoke<M extends InvokeMethod>(
  handlers: InvokeHandlers,
  method: M,
  raw: unknown,
  onHandlerError: (method: InvokeMethod, thrown: unknown) => void = () => undefined,
): Promise<Envelope<ResponseOf<M>>> {
  let parsed: ReturnType<typeof parseInvokePayload<M>>;
  try {
    parsed = parseInvokePayload(method, raw);
  } catch {
    // A payload whose getters throw or that is otherwise not data (possible only from a hostile
    // sender: structured clone and JSON give plain data) is refused like any malformed one.
    return { ok: false, error: fail('invalid_payload', `The ${method} request was malformed`) };
  }
  if (!parsed.ok) return { ok: false, error: bounded(parsed.error) };
  const handler: InvokeHandlers[M] = handlers[method];
  try {
    return ok(await handler(parsed.data));
  } catch (thrown) {
    onHandlerError(method, thrown);
    return { ok: false, error: toIpcError(thrown) };
  }
}

const MAX_MESSAGE = 1_000;
const MAX_FIELD = 200;

/**
 * A refusal quotes the offending field names, and a hostile payload can make those megabytes
 * long; what goes back across IPC (and into a form's error text) is cut to a readable size.
 */
function bounded(error: IpcError): IpcError {
  const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);
  const fields = error.fields?.map((field) => ({
    field: cut(field.field, MAX_FIELD),
    message: cut(field.message, MAX_MESSAGE),
  }));
  return fail(error.code, cut(error.message, MAX_MESSAGE), fields);
}

/** True when `name` is a method of the contract (not an inherited key such as `constructor`). */
export function isInvokeMethod(name: string): name is InvokeMethod {
  return Object.hasOwn(invokeContract, name);
}
