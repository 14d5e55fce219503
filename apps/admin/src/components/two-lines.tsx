import { Tooltip } from 'antd';
import type { ReactNode } from 'react';

/**
 * A value with a smaller grey line under it (who + when, name + address). `cut`: each line ends
 * in an ellipsis when the column is narrower than it (a long name), and `tooltip`, if given,
 * shows the whole on hover. `testId` marks the first line (journeys check it is not cut).
 */
export function TwoLines({ top, bottom, cut = false, tooltip, testId }: { top: ReactNode; bottom: ReactNode; cut?: boolean; tooltip?: string; testId?: string }) {
  const lines = (
    <div className={cut ? 'ellipsis-lines' : 'nowrap'}>
      <div data-testid={testId}>{top}</div>
      <div className="muted" style={{ fontSize: 12 }}>
        {bottom}
      </div>
    </div>
  );
  return tooltip ? (
    <Tooltip title={tooltip} placement="topLeft">
      {lines}
    </Tooltip>
  ) : (
    lines
  );
}
