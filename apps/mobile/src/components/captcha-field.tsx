import { Input } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { authApi } from '../api/endpoints';

/** A captcha for one form: the image (tap for a new one) and its id; refresh() after every use. */
export function useCaptcha(scope: string) {
  const q = useQuery({ queryKey: ['captcha', scope], queryFn: authApi.captcha, staleTime: Infinity, gcTime: 0, retry: 1 });
  return { id: q.data?.captchaId ?? null, svg: q.data?.svg ?? null, loading: q.isFetching, error: q.isError, refresh: () => q.refetch() };
}
export type CaptchaState = ReturnType<typeof useCaptcha>;

/** The answer input with the image beside it; tapping the image fetches another. */
export function CaptchaInput({ id, value, onChange, captcha }: { id?: string; value?: string; onChange?: (v: string) => void; captcha: CaptchaState }) {
  const refresh = () => {
    onChange?.('');
    void captcha.refresh();
  };
  return (
    <div className="input-with-extra">
      <Input id={id} value={value} onChange={onChange} placeholder="图中字符" maxLength={10} autoComplete="off" />
      <button type="button" data-testid="captcha" className="captcha-box" onClick={refresh} aria-label="看不清？点击换一张">
        {captcha.svg && !captcha.error ? (
          <span className="captcha-svg" dangerouslySetInnerHTML={{ __html: captcha.svg }} />
        ) : (
          <span className="captcha-hint">{captcha.loading ? '加载中…' : '点击重试'}</span>
        )}
      </button>
    </div>
  );
}
