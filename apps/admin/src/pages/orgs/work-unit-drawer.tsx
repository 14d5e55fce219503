import { Form } from 'antd';
import type { WorkUnit } from '@gonghui/contracts';
import { orgsApi, type CreateWorkUnitBody, type UpdateWorkUnitBody } from '../../api/orgs';
import { FormDrawer } from './form-drawer';
import { useVersionedSave } from './use-versioned-save';
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

function formValues(unit: WorkUnit) {
  const { id: _id, orgId: _orgId, version: _v, usccCheckFailed: _u, ...fields } = unit;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v ?? undefined]));
}

/** 新增/编辑单位; mounted afresh (new key) for every opening. */
export function WorkUnitDrawer({ orgId, unit, open, onOpenChange, onSaved, onReload }: Props) {
  const [form] = Form.useForm();
  const save = useVersionedSave({
    form,
    record: unit,
    toFormValues: formValues,
    send: (body) =>
      unit
        ? orgsApi.updateWorkUnit(unit.id, body as UpdateWorkUnitBody)
        : orgsApi.createWorkUnit(orgId, body as CreateWorkUnitBody),
    reload: onReload,
    onSaved,
  });

  return (
    <FormDrawer
      title={unit ? `编辑单位：${unit.name}` : '新增单位'}
      form={form}
      name="work-unit"
      open={open}
      onOpenChange={onOpenChange}
      initialValues={unit ? formValues(unit) : {}}
      onFinish={save.onFinish}
    >
      {save.alert}
      <WorkUnitFields />
    </FormDrawer>
  );
}
