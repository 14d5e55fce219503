import { useCallback, useRef, useState } from 'react';
import { newIdempotencyKey } from '@gonghui/contracts';
import { ApiError } from '../api/client';

/** No answer reached us (network) or the server failed: the request may have been carried out. */
const outcomeUnknown = (e: unknown) => !(e instanceof ApiError) || e.status === 0 || e.status >= 500;

/**
 * A write that must happen at most once per intent (领取 a prize, 确认核销 a coupon). Each intent
 * gets an Idempotency-Key when first tapped; a second tap while the first is on its way does
 * nothing, and a retry after a lost answer reuses the key, so the server replays its first answer
 * instead of acting twice. Once the server has answered (success or refusal), the next tap is a
 * new intent with a new key.
 */
export function useIdempotentSubmit<A, R>(send: (args: A, idempotencyKey: string) => Promise<R>) {
  const keys = useRef(new Map<string, string>());
  const inFlight = useRef(false);
  const [pendingIntent, setPendingIntent] = useState<string | null>(null);

  const submit = useCallback(
    async (intent: string, args: A): Promise<{ ok: true; value: R } | { ok: false; error: unknown } | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      setPendingIntent(intent);
      let key = keys.current.get(intent);
      if (!key) {
        key = newIdempotencyKey();
        keys.current.set(intent, key);
      }
      try {
        const value = await send(args, key);
        keys.current.delete(intent);
        return { ok: true, value };
      } catch (error) {
        if (!outcomeUnknown(error)) keys.current.delete(intent);
        return { ok: false, error };
      } finally {
        inFlight.current = false;
        setPendingIntent(null);
      }
    },
    [send],
  );
  return { submit, pendingIntent };
}
