import { Button, ErrorBlock } from 'antd-mobile';
import { errorMessage } from '../api/client';

/** A failed load, in Chinese, with 重试. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <ErrorBlock status="default" title="加载失败" description={errorMessage(error)} style={{ padding: '48px 16px' }}>
      {onRetry && (
        <Button color="primary" fill="outline" onClick={onRetry} style={{ minWidth: 120 }}>
          重试
        </Button>
      )}
    </ErrorBlock>
  );
}
