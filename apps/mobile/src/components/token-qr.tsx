import { Button, Skeleton } from 'antd-mobile';
import { useQuery, type QueryKey } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import QRCode from 'qrcode';

/** A short-lived signed token as the server hands it out (member card, e-coupon). */
export interface SignedToken {
  token: string;
  /** The server's time when it signed the token: with `expiresAt`, its true lifetime whatever the phone's clock says. */
  issuedAt: string;
  expiresAt: string;
}

/** A new token is fetched this long before the shown one lapses, so the code on screen always scans. */
const REFRESH_MARGIN_MS = 20_000;

const lifetime = (t: SignedToken, maxTtlMs: number) => Math.min(maxTtlMs, Math.max(0, new Date(t.expiresAt).getTime() - new Date(t.issuedAt).getTime()));

/**
 * Seconds the shown QR code stays valid. The phone's clock may be off from the server's, so the
 * lifetime comes from the server's own two times (signed, expires) and is counted down from the
 * moment the token arrived.
 */
function useSecondsLeft(t: SignedToken | undefined, receivedAt: number, maxTtlMs: number) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!t) return 0;
  return Math.max(0, Math.ceil((lifetime(t, maxTtlMs) - Math.max(0, now - receivedAt)) / 1000));
}

/**
 * A signed token fetched when the page opens and again before it lapses, for as long as the page
 * stays open (never cached: a closed page keeps no code). `maxTtlMs` caps the countdown at the
 * lifetime the server promises.
 */
export function useRefreshingToken<T extends SignedToken>(queryKey: QueryKey, fetchToken: () => Promise<T>, maxTtlMs: number, enabled = true) {
  const query = useQuery({
    queryKey,
    enabled,
    queryFn: async () => ({ value: await fetchToken(), receivedAt: Date.now() }),
    refetchInterval: (q) => (q.state.data ? Math.max(5_000, lifetime(q.state.data.value, maxTtlMs) - REFRESH_MARGIN_MS) : false),
    staleTime: 0,
    gcTime: 0,
  });
  const secondsLeft = useSecondsLeft(query.data?.value, query.data?.receivedAt ?? 0, maxTtlMs);
  return { query, secondsLeft };
}

/** The QR panel's width in CSS pixels; the code is drawn at a whole number of pixels per module within it. */
const QR_BOX = 220;
const QR_MARGIN = 2;

/**
 * The token as a QR code. Each module is a whole number of CSS pixels (drawn at twice that for
 * sharp phone screens): a code scaled by a fraction of a pixel per module blurs module edges,
 * and a camera then misreads dense codes.
 */
export function QrImage({ token, alt, testId }: { token: string; alt: string; testId: string }) {
  const [img, setImg] = useState<{ src: string; size: number } | null>(null);
  useEffect(() => {
    let live = true;
    const modules = QRCode.create(token, { errorCorrectionLevel: 'M' }).modules.size + 2 * QR_MARGIN;
    const cssPerModule = Math.max(2, Math.floor(QR_BOX / modules));
    QRCode.toDataURL(token, { errorCorrectionLevel: 'M', margin: QR_MARGIN, scale: cssPerModule * 2, color: { dark: '#1a1a1a', light: '#ffffff' } }).then(
      (src) => live && setImg({ src, size: modules * cssPerModule }),
    );
    return () => {
      live = false;
    };
  }, [token]);
  return img ? (
    <img className="qr-img" src={img.src} alt={alt} data-testid={testId} style={{ width: img.size, height: img.size }} />
  ) : (
    <Skeleton animated className="qr-img" />
  );
}

/** The QR panel: title, code, countdown, 刷新二维码 and a note; `children` go under the code. */
export function TokenQrPanel({ title, token, secondsLeft, refreshing, onRefresh, note, testIdPrefix, alt, children }: { title: string; token: string; secondsLeft: number; refreshing: boolean; onRefresh: () => void; note: ReactNode; testIdPrefix: string; alt: string; children?: ReactNode }) {
  return (
    <section className="qr-panel">
      <div className="qr-title">{title}</div>
      <div className="qr-frame">
        <QrImage token={token} alt={alt} testId={`${testIdPrefix}-qr`} />
      </div>
      {children}
      <div className="qr-meta" data-testid={`${testIdPrefix}-countdown`}>
        {secondsLeft > 0 ? (
          <>
            <b>{secondsLeft}</b> 秒后失效，页面打开时自动刷新
          </>
        ) : (
          '二维码已失效'
        )}
      </div>
      <Button size="small" fill="outline" color="primary" loading={refreshing} onClick={onRefresh} data-testid={`${testIdPrefix}-refresh`}>
        刷新二维码
      </Button>
      <p className="muted qr-note">{note}</p>
    </section>
  );
}
