import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, ApiMethod, ApiRequest, ApiResponse } from '../../shared/api/contract';
import { api, onEvent } from '../api/client';
import { toApiError } from '../lib/errors';

interface Loaded<M extends ApiMethod> {
  key: string;
  data: ApiResponse<M> | undefined;
  error: ApiError | null;
}

export interface ApiQuery<M extends ApiMethod> {
  /** The last response received, kept while a new request runs so tables do not flash empty. */
  data: ApiResponse<M> | undefined;
  error: ApiError | null;
  /** True until the response for the current request has arrived. */
  loading: boolean;
  refetch: () => void;
}

/**
 * Calls a read method whenever its request changes, and again when the backend reports a
 * change to one of `refreshOn` tables (an empty list means any table).
 */
export function useApiQuery<M extends ApiMethod>(method: M, request: ApiRequest<M>, refreshOn?: readonly string[]): ApiQuery<M> {
  const key = `${method} ${JSON.stringify(request)}`;
  const [loaded, setLoaded] = useState<Loaded<M>>({ key: '', data: undefined, error: null });
  const [revision, setRevision] = useState(0);
  const requestRef = useRef(request);
  requestRef.current = request;

  useEffect(() => {
    let current = true;
    const call = api[method] as (req: ApiRequest<M>) => Promise<ApiResponse<M>>;
    call(requestRef.current).then(
      (data) => current && setLoaded({ key, data, error: null }),
      (error: unknown) => current && setLoaded((previous) => ({ key, data: previous.data, error: toApiError(error) })),
    );
    return () => {
      current = false;
    };
  }, [method, key, revision]);

  const tables = refreshOn?.join(',');
  useEffect(() => {
    if (tables === undefined) return undefined;
    const wanted = tables === '' ? null : tables.split(',');
    return onEvent('db:changed', (payload) => {
      if (!wanted || payload.tables.some((table) => wanted.includes(table))) setRevision((value) => value + 1);
    });
  }, [tables]);

  const refetch = useCallback(() => setRevision((value) => value + 1), []);
  return { data: loaded.data, error: loaded.error, loading: loaded.key !== key, refetch };
}
