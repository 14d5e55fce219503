import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import { authApi, type Captcha } from '../api/auth';

/** One captcha image and its id; refresh() fetches a new one (after every failed attempt). */
export function useCaptcha() {
  const [captcha, setCaptcha] = useState<Captcha | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const next = await authApi.captcha();
      if (ticket !== latest.current) return;
      setCaptcha(next);
      setError(null);
    } catch (e) {
      if (ticket !== latest.current) return;
      setError(errorMessage(e));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { captcha, loading, error, refresh };
}

export type CaptchaState = ReturnType<typeof useCaptcha>;
