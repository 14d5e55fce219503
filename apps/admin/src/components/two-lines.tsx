/** A value with a smaller grey line under it (who + when). */
export function TwoLines({ top, bottom }: { top: string; bottom: string }) {
  return (
    <div className="nowrap">
      <div>{top}</div>
      <div className="muted" style={{ fontSize: 12 }}>
        {bottom}
      </div>
    </div>
  );
}
