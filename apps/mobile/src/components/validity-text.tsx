import { dateTime } from '../utils/format';

/** "2026-11-24 09:30 至 2026-12-01 18:00", wrapping only between its two halves on a narrow phone. */
export function ValidityText({ from, to }: { from: string; to: string }) {
  return (
    <>
      <span className="keep-together">{dateTime(from)} 至</span> <span className="keep-together">{dateTime(to)}</span>
    </>
  );
}
