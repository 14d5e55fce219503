import { Spin } from 'antd';

/** Shown while a lazily loaded page's code arrives: a spinner in the middle of the space it will fill. */
export function PageLoading() {
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', minHeight: '60vh' }}>
      <Spin size="large" />
    </div>
  );
}
