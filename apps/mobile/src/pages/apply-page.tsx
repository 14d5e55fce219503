import { Button, Form, Input, List, SearchBar, Selector, TextArea, Toast, DotLoading } from 'antd-mobile';
import { CheckCircleFill } from 'antd-mobile-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { applicationBodySchema, applicationKindLabels, type ApplicationKind, type IdType } from '@gonghui/contracts';
import { errorMessage } from '../api/client';
import { memberApi, type UnionHit } from '../api/endpoints';
import { FormError } from '../components/form-error';
import { IdDocumentFields, pickedIdType } from '../components/id-document-fields';
import { NavPage } from '../components/nav-page';
import { parseInto, showFieldIssues } from '../hooks/form-errors';
import { useVerification } from '../hooks/session';

function useDebounced<T>(value: T, ms: number) {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

interface Values {
  kind: ApplicationKind[];
  name: string;
  idType: IdType[];
  idNumber: string;
  phone: string;
  workUnitName: string;
  reason: string;
}

/** Apply to join or transfer: find the union by name (no district needed), then the form. */
export default function ApplyPage() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const verification = useVerification();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 350);
  const [target, setTarget] = useState<UnionHit | null>(null);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const hits = useQuery({ queryKey: ['union-search', q], queryFn: () => memberApi.searchUnions(q), enabled: q.length >= 2 && !target, staleTime: 5 * 60_000 });
  const verified = verification.data?.status === 'approved';

  const apply = useMutation({
    mutationFn: memberApi.apply,
    onSuccess: () => {
      Toast.show({ icon: 'success', content: '申请已提交' });
      void qc.invalidateQueries({ queryKey: ['applications'] });
      navigate('/applications', { replace: true });
    },
    onError: (e) => {
      if (!showFieldIssues(form, e)) setError(errorMessage(e));
    },
  });

  const submit = () => {
    setError(null);
    const v = form.getFieldsValue();
    const body = parseInto(form, applicationBodySchema, { ...v, kind: v.kind?.[0], idType: pickedIdType(v.idType), targetOrgId: target?.id, reason: v.reason || undefined });
    if (body) apply.mutate(body);
  };

  return (
    <NavPage title="申请入会 / 转会" back="/applications">
      <div className="search-wrap">
        {target ? (
          <div className="picked-union" data-testid="picked-union">
            <CheckCircleFill className="picked-icon" />
            <div className="picked-text">
              <b>{target.name}</b>
              <span className="muted">{target.path.join(' / ')}</span>
            </div>
            <Button size="mini" fill="none" color="primary" onClick={() => setTarget(null)}>
              更换
            </Button>
          </div>
        ) : (
          <SearchBar placeholder="输入工会名称，如“泉城软件”" value={text} onChange={setText} clearable style={{ '--height': '40px' } as React.CSSProperties} />
        )}
      </div>

      {!target && (
        <div className="search-results">
          {q.length < 2 ? (
            <p className="muted center-pad">请输入至少2个字搜索要加入的工会</p>
          ) : hits.isFetching && !hits.data ? (
            <div className="center-pad">
              <DotLoading color="primary" />
            </div>
          ) : hits.isError ? (
            <p className="center-pad">{errorMessage(hits.error)}</p>
          ) : hits.data?.items.length === 0 ? (
            <p className="muted center-pad">没有找到名称含“{q}”的工会，换个关键词试试</p>
          ) : (
            <List>
              {hits.data?.items.map((u) => (
                <List.Item key={u.id} description={u.path.join(' / ')} onClick={() => setTarget(u)} data-testid="union-hit" arrowIcon>
                  {u.name}
                </List.Item>
              ))}
            </List>
          )}
        </div>
      )}

      {target && (
        <>
          <FormError message={error} />
          <Form
            form={form}
            layout="horizontal"
            footer={null}
            requiredMarkStyle="none"
            className="plain-form"
            initialValues={{ kind: ['transfer'], name: verified ? (verification.data?.name ?? '') : '' }}
          >
            <Form.Header>申请信息</Form.Header>
            <Form.Item name="kind" label="申请类型">
              <Selector
                columns={2}
                options={(['join', 'transfer'] as const).map((k) => ({ label: applicationKindLabels[k], value: k, description: k === 'join' ? '首次加入工会' : '从原工会转入' }))}
              />
            </Form.Item>
            <Form.Item name="name" label="姓名">
              <Input placeholder="与证件一致" maxLength={50} clearable />
            </Form.Item>
            <IdDocumentFields form={form} />
            <Form.Item name="phone" label="联系手机">
              <Input placeholder="11位手机号" inputMode="tel" maxLength={11} clearable />
            </Form.Item>
            <Form.Item name="workUnitName" label="工作单位">
              <Input placeholder="现工作单位全称" maxLength={100} clearable />
            </Form.Item>
            <Form.Item name="reason" label="申请说明" layout="vertical">
              <TextArea placeholder="如：调入本单位工作（选填）" maxLength={200} rows={2} showCount />
            </Form.Item>
          </Form>
          <div className="page-pad">
            <Button block color="primary" size="large" loading={apply.isPending} onClick={submit} className="primary-cta" data-testid="apply-submit">
              提交申请
            </Button>
            <p className="muted small-note">提交后由「{target.name}」审核，可在“入会转会”中查看进度。</p>
          </div>
        </>
      )}
    </NavPage>
  );
}
