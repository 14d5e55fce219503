import { Button } from 'antd-mobile';
import { CloseOutline } from 'antd-mobile-icons';
import { BrowserQRCodeReader, type IScannerControls } from '@zxing/browser';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';

/** Why the camera could not start, in words a shop assistant can act on. */
function cameraMessage(e: unknown): string {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return '没有摄像头权限：请在浏览器或微信的设置中允许本页面使用摄像头，或改用输入券码。';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return '没有找到可用的摄像头，请改用输入券码。';
  if (name === 'NotReadableError' || name === 'AbortError') return '摄像头被其他应用占用，请关闭其他使用摄像头的应用后重试，或改用输入券码。';
  return '摄像头无法启动，请重试或改用输入券码。';
}

/**
 * 扫码核销: the phone's rear camera, decoded continuously by ZXing until a QR code is read; the
 * code goes to the preview (never into the URL). This page is its own chunk, the only one that
 * loads the scanner library.
 */
export default function ScanPage() {
  const navigate = useNavigate();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setError(null);
    setStarting(true);
    // Browsers offer the camera only on HTTPS pages (and localhost).
    if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
      setError('当前页面不是安全连接（HTTPS），浏览器不允许使用摄像头，请改用输入券码。');
      setStarting(false);
      return;
    }
    let controls: IScannerControls | undefined;
    let done = false;
    let unmounted = false;
    const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 150 });
    reader
      .decodeFromConstraints({ video: { facingMode: { ideal: 'environment' } }, audio: false }, video.current!, (result, _err, c) => {
        if (!result || done) return;
        done = true;
        c.stop();
        navigator.vibrate?.(60);
        navigate('/preview', { replace: true, state: { token: result.getText() } });
      })
      .then((c) => {
        if (unmounted) c.stop();
        else {
          controls = c;
          setStarting(false);
        }
      })
      .catch((e: unknown) => {
        if (unmounted) return;
        setError(cameraMessage(e));
        setStarting(false);
      });
    return () => {
      unmounted = true;
      controls?.stop();
    };
  }, [attempt, navigate]);

  return (
    <div className="scan-page" data-testid="scan-page">
      <video ref={video} className="scan-video" muted playsInline aria-label="摄像头画面" />
      <header className="scan-top">
        <button type="button" className="scan-close" onClick={() => navigate('/', { replace: true })} aria-label="关闭">
          <CloseOutline />
        </button>
        <span>扫码核销</span>
        <span className="scan-close" aria-hidden="true" />
      </header>
      {error ? (
        <div className="scan-error" role="alert" data-testid="scan-error">
          <p>{error}</p>
          <Button color="primary" onClick={() => setAttempt((n) => n + 1)}>
            重试
          </Button>
        </div>
      ) : (
        <div className="scan-frame" aria-hidden="true">
          <i className="c tl" />
          <i className="c tr" />
          <i className="c bl" />
          <i className="c br" />
          {!starting && <i className="scan-line" />}
        </div>
      )}
      <footer className="scan-bottom">
        <p>{starting && !error ? '正在打开摄像头…' : '将会员“我的券”中的二维码放入框内，即可自动识别'}</p>
        <Button fill="outline" className="scan-code-button" onClick={() => navigate('/code', { replace: true })} data-testid="scan-to-code">
          二维码无法识别？输入券码
        </Button>
      </footer>
    </div>
  );
}
