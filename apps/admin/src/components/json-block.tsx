import { Typography } from 'antd';

/** A titled, scrollable JSON dump (audit before/after). */
export function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <div className="json-block">
      <Typography.Text strong>{title}</Typography.Text>
      <pre>{value === null || value === undefined ? '（无）' : JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}
