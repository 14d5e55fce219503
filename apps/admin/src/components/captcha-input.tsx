import { Input, Spin, Tooltip } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { CaptchaState } from '../hooks/use-captcha';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  captcha: CaptchaState;
}

/** The captcha answer input with its image; clicking the image fetches a new one. */
export function CaptchaInput({ id, value, onChange, captcha }: Props) {
  const refresh = () => {
    onChange?.('');
    void captcha.refresh();
  };
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'stretch' }}>
      <Input
        id={id}
        value={value}
        onChange={(e) => onChange?.(e.target.value)}
        placeholder="请输入图中字符"
        autoComplete="off"
        maxLength={10}
        size="large"
        style={{ flex: 1 }}
      />
      <Tooltip title="看不清？点击换一张">
        <div
          data-testid="captcha"
          role="button"
          tabIndex={0}
          aria-label="看不清？点击换一张图片"
          className="captcha-box"
          onClick={refresh}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              refresh();
            }
          }}
        >
          {captcha.captcha && !captcha.error ? (
            <span className="captcha-svg" dangerouslySetInnerHTML={{ __html: captcha.captcha.svg }} />
          ) : captcha.loading ? (
            <Spin size="small" />
          ) : (
            <span className="captcha-error">
              <ReloadOutlined /> 加载失败，点击重试
            </span>
          )}
        </div>
      </Tooltip>
    </div>
  );
}
