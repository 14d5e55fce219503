import { Skeleton } from 'antd-mobile';

/** What a page shows while its data is on the way (slow networks): the shape, not a spinner. */
export function PageSkeleton({ title = true }: { title?: boolean }) {
  return (
    <div className="page-pad" aria-busy="true" aria-label="加载中">
      {title && <Skeleton.Title animated />}
      <Skeleton.Paragraph lineCount={5} animated />
      <Skeleton animated style={{ '--height': '120px', '--border-radius': '12px', marginTop: 16 } as React.CSSProperties} />
    </div>
  );
}
