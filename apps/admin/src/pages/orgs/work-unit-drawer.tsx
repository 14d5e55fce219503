import { DrawerForm } from '@ant-design/pro-components';
import { App, Button, Form } from 'antd';
import { useState } from 'react';
import type { WorkUnit } from '@gonghui/contracts';
import { ApiError } from '../../api/client';
import { orgsApi, type CreateWorkUnitBody, type UpdateWorkUnitBody } from '../../api/orgs';
import { FormAlert } from '../../components/form-alert';
import { applyFormError } from '../../utils/form-errors';
import { changedFields, nullifyEmpty } from '../../utils/diff';
import { WorkUnitFields } from './work-unit-fields';

interface Props {
  orgId: string;
  /** null: a new unit. */
  unit: WorkUnit | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: (unit: WorkUnit) => void;
  /** Reload the list after a conflict, returning the unit as it now is. */
  onReload: () => Promise<WorkUnit | undefined>;
}

function formValues(unit: WorkUnit | null) {
  if (!unit) return {};
  const { id: _id, orgId: _orgId, version: _v, usccCheckFailed: _u, ...fields } = unit;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v ?? undefined]));
}

/** 新增/编辑单位; mounted afresh (new key) for every opening. */
export function WorkUnitDrawer({ orgId, unit, open, onOpenChange, onSaved, onReload }: Props) {
  const [form] = Form.useForm();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [version, setVersion] = useState(unit?.version ?? 1);
  const { message } = App.useApp();

  const reload = async () => {
    const fresh = await onReload();
    if (!fresh) return;
    form.resetFields();
    form.setFieldsValue(formValues(fresh));
    setVersion(fresh.version);
    setConflict(false);
    setFormError(null);
    message.info('已载入最新数据，请重新修改');
  };

  return (
    <DrawerForm
      title={unit ? `编辑单位：${unit.name}` : '新增单位'}
      form={form}
      name="work-unit"
      open={open}
      onOpenChange={onOpenChange}
      initialValues={formValues(unit)}
      width={640}
      layout="vertical"
      drawerProps={{ maskClosable: false, destroyOnHidden: true }}
      submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
      onFinish={async (values) => {
        setFormError(null);
        const body = unit
          ? changedFields(values as Record<string, unknown>, formValues(unit))
          : nullifyEmpty(values as Record<string, unknown>);
        if (unit && Object.keys(body).length === 0) {
          message.info('未作任何修改');
          return true;
        }
        try {
          const saved = unit
            ? await orgsApi.updateWorkUnit(unit.id, { ...body, version } as UpdateWorkUnitBody)
            : await orgsApi.createWorkUnit(orgId, body as CreateWorkUnitBody);
          message.success('已保存');
          onSaved(saved);
          return true;
        } catch (error) {
          if (error instanceof ApiError && error.code === 'CONFLICT') {
            setConflict(true);
            setFormError('数据已被他人修改，请刷新后重试');
          } else {
            setFormError(applyFormError(form, error));
          }
          return false;
        }
      }}
    >
      <FormAlert
        message={formError}
        action={
          conflict && unit ? (
            <Button size="small" onClick={() => void reload()}>
              刷新数据
            </Button>
          ) : undefined
        }
      />
      <WorkUnitFields />
    </DrawerForm>
  );
}
