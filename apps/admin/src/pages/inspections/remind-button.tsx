import { App, Button, Popconfirm } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/client';
import { inspectionKeys, inspectionsApi } from '../../api/inspections';

interface Props {
  inspectionId: string;
  /** The organisation whose unconfirmed base unions (itself included) are reminded. */
  orgId: string;
  orgName: string;
  /** How many base unions under it have not confirmed. */
  pending: number;
  /** A base or joint union: the reminder goes to it alone. */
  isBase?: boolean;
  /** The toolbar button ("催办未确认单位") or the link in a row ("催办"). */
  variant: 'toolbar' | 'row';
}

/** 催办: reminds every unconfirmed base union under one organisation. */
export function RemindButton({ inspectionId, orgId, orgName, pending, isBase, variant }: Props) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const remind = useMutation({
    mutationFn: () => inspectionsApi.remind(inspectionId, orgId),
    onSuccess: ({ reminded }) => {
      if (reminded > 0) message.success(`已催办 ${reminded} 个基层工会`);
      else message.info('没有需要催办的基层工会');
      void queryClient.invalidateQueries({ queryKey: inspectionKeys.progressOf(inspectionId) });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const disabled = pending <= 0;
  const button =
    variant === 'toolbar' ? (
      <Button icon={<BellOutlined />} disabled={disabled} loading={remind.isPending}>
        催办未确认单位
      </Button>
    ) : (
      <Button type="link" size="small" disabled={disabled} loading={remind.isPending} onClick={(e) => e.stopPropagation()}>
        催办
      </Button>
    );

  if (disabled) return button;
  return (
    <Popconfirm
      title="催办未确认单位"
      description={
        <div style={{ maxWidth: 280 }}>
          {isBase ? `将向“${orgName}”发出催办提醒。确定催办？` : `将向“${orgName}”下 ${pending} 个尚未确认的基层工会发出催办提醒。确定催办？`}
        </div>
      }
      okText="催办"
      cancelText="取消"
      onConfirm={() => remind.mutateAsync().catch(() => undefined)}
      onPopupClick={(e) => e.stopPropagation()}
    >
      {button}
    </Popconfirm>
  );
}
