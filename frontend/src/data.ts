// How screens talk to the API: useQuery for what they show, useExecute for what they change.
// Both turn a 401 into the login screen; other failures become a Portuguese message.
import { useCallback, useEffect, useRef, useState } from 'react';
import { type Operation, UnauthorizedError, type VariablesArg, execute } from './api';
import { useSession } from './session';

export type QueryState<TResult> = {
  data: TResult | undefined;
  /** The last failure, in Portuguese; data keeps the previous answer. */
  error: string | undefined;
  loading: boolean;
  reload: () => void;
  /** Patches the data on screen, e.g. with what a mutation returned. */
  update: (change: (data: TResult) => TResult) => void;
};

/**
 * Runs a query now and again whenever its variables change, keeping the previous data on
 * screen while the next answer loads; an answer that arrives after a newer request is dropped.
 */
export function useQuery<TResult, TVariables>(
  document: Operation<TResult, TVariables>,
  ...[variables]: VariablesArg<TVariables>
): QueryState<TResult> {
  const { expired } = useSession();
  const key = JSON.stringify(variables ?? null);
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ data?: TResult; error?: string; loading: boolean }>({ loading: true });

  useEffect(() => {
    let current = true;
    setState((previous) => ({ data: previous.data, loading: true }));
    const args = (key === 'null' ? [] : [JSON.parse(key)]) as VariablesArg<TVariables>;
    execute(document, ...args).then(
      (data) => current && setState({ data, loading: false }),
      (failure: unknown) => {
        if (!current) return;
        if (failure instanceof UnauthorizedError) expired();
        setState((previous) => ({ data: previous.data, error: (failure as Error).message, loading: false }));
      },
    );
    return () => {
      current = false;
    };
  }, [document, key, version, expired]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const update = useCallback(
    (change: (data: TResult) => TResult) =>
      setState((previous) => (previous.data === undefined ? previous : { ...previous, data: change(previous.data) })),
    [],
  );
  return { data: state.data, error: state.error, loading: state.loading, reload, update };
}

/** execute() for event handlers (mutations, "Carregar mais"): a 401 also ends the session. */
export function useExecute(): typeof execute {
  const { expired } = useSession();
  return useCallback(
    async (document, ...variables) => {
      try {
        return await execute(document, ...variables);
      } catch (failure) {
        if (failure instanceof UnauthorizedError) expired();
        throw failure;
      }
    },
    [expired],
  ) as typeof execute;
}

export type UserError = { field?: readonly string[] | null; code: string; message: string };

/** A mutation's errors, split into those a form shows next to a field and the rest. */
export type FormErrors = { fields: Record<string, string>; general: string[] };

export const NO_ERRORS: FormErrors = { fields: {}, general: [] };

/**
 * Places each error by its path without the leading "input" ("address.postalCode"); paths the
 * form has no field for, and errors without a path, go to `general`.
 */
export function formErrors(errors: readonly UserError[], fields: readonly string[]): FormErrors {
  const result: FormErrors = { fields: {}, general: [] };
  for (const error of errors) {
    const path = (error.field ?? []).filter((part, index) => !(index === 0 && part === 'input')).join('.');
    if (path && fields.includes(path)) {
      result.fields[path] = result.fields[path] ? `${result.fields[path]} ${error.message}` : error.message;
    } else {
      result.general.push(error.message);
    }
  }
  return result;
}

export function hasErrors(errors: FormErrors): boolean {
  return errors.general.length > 0 || Object.keys(errors.fields).length > 0;
}

/**
 * A random key for one composed message (hex, 128 bits). getRandomValues also works on plain
 * http, where crypto.randomUUID does not exist.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A form value by an error's path: "address.postalCode" is the form's postalCode. */
function valueAt(values: Readonly<Record<string, unknown>>, path: string): unknown {
  return path in values ? values[path] : values[path.slice(path.lastIndexOf('.') + 1)];
}

/**
 * The errors still worth showing: a field's error goes as soon as its value differs from the one
 * it was about (for forms that keep their errors themselves; useMutationForm does this too).
 */
export function useErrorsOfValues(errors: FormErrors, values: Readonly<Record<string, unknown>>): FormErrors {
  const [then, setThen] = useState({ errors, values });
  let before = then.values;
  if (then.errors !== errors) {
    setThen({ errors, values }); // new errors: about the values on screen now
    before = values;
  }
  return withoutChanged(errors, before, values);
}

function withoutChanged(
  errors: FormErrors,
  then: Readonly<Record<string, unknown>>,
  now: Readonly<Record<string, unknown>>,
): FormErrors {
  const same = (path: string) => JSON.stringify(valueAt(now, path)) === JSON.stringify(valueAt(then, path));
  const kept = Object.entries(errors.fields).filter(([path]) => same(path));
  if (kept.length === Object.keys(errors.fields).length) return errors;
  return { general: errors.general, fields: Object.fromEntries(kept) };
}

/**
 * The state of a form that runs one mutation: `submit(call)` runs it once at a time and returns
 * the payload when its `errors` list is empty, else null with the errors placed by field.
 *
 * Given the form's `values`, a field's error clears as soon as its value changes (or the form is
 * reset to other values): the message was about what was typed before.
 */
export function useMutationForm(fields: readonly string[], values?: Readonly<Record<string, unknown>>) {
  const [state, setState] = useState<{ errors: FormErrors; values?: Readonly<Record<string, unknown>> }>({
    errors: NO_ERRORS,
  });
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);
  const latest = useRef(values);
  useEffect(() => {
    latest.current = values;
  });

  const setErrors = useCallback((errors: FormErrors) => setState({ errors, values: latest.current }), []);

  const submit = useCallback(
    async <TPayload extends { errors: readonly UserError[] }>(
      call: () => Promise<TPayload>,
    ): Promise<TPayload | null> => {
      if (busy.current) return null;
      busy.current = true;
      setSaving(true);
      setErrors(NO_ERRORS);
      try {
        const payload = await call();
        if (payload.errors.length === 0) return payload;
        setErrors(formErrors(payload.errors, fields));
        return null;
      } catch (failure) {
        setErrors({ fields: {}, general: [(failure as Error).message] });
        return null;
      } finally {
        busy.current = false;
        setSaving(false);
      }
    },
    [fields, setErrors],
  );

  const { errors, values: then } = state;
  const shown = values && then ? withoutChanged(errors, then, values) : errors;

  return { errors: shown, setErrors, saving, submit };
}

export type Connection<TEdge> = {
  edges: readonly TEdge[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
};

/**
 * "Carregar mais" under a list whose first page came with a query: the next pages are appended
 * until that first page is replaced (a new search, a reload), when they are dropped.
 */
export function useMorePages<TEdge>(
  first: Connection<TEdge> | undefined,
  fetchPage: (after: string) => Promise<Connection<TEdge>>,
) {
  const [more, setMore] = useState<{
    base: Connection<TEdge>;
    edges: TEdge[];
    pageInfo: Connection<TEdge>['pageInfo'];
  } | null>(null);
  const [state, setState] = useState<{ loading: boolean; error?: string }>({ loading: false });
  const extra = more && more.base === first ? more : null;
  const pageInfo = extra?.pageInfo ?? first?.pageInfo;

  async function loadMore() {
    const after = pageInfo?.endCursor;
    if (!first || !after || state.loading) return;
    setState({ loading: true });
    try {
      const page = await fetchPage(after);
      setMore((current) => ({
        base: first,
        edges: [...(current?.base === first ? current.edges : []), ...page.edges],
        pageInfo: page.pageInfo,
      }));
      setState({ loading: false });
    } catch (failure) {
      setState({ loading: false, error: (failure as Error).message });
    }
  }

  return {
    edges: first ? [...first.edges, ...(extra?.edges ?? [])] : [],
    hasMore: Boolean(pageInfo?.hasNextPage && pageInfo.endCursor),
    loading: state.loading,
    error: state.error,
    loadMore,
  };
}
