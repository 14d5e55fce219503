import { Empty, Select, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { UnionHit } from '@gonghui/contracts';
import { transfersApi } from '../api/transfers';

interface Props {
  value?: string;
  onChange?: (id: string | undefined, hit?: UnionHit) => void;
  /** A union that may not be chosen (the member's own). */
  excludeId?: string;
  placeholder?: string;
}

/** Waits this long after the last key before asking the server. */
const DEBOUNCE_MS = 300;

/** A base union anywhere in the city, found by name (at least 2 characters), with its place in the tree. */
export function UnionSelect({ value, onChange, excludeId, placeholder = '输入工会名称中的至少2个字' }: Props) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(typed.trim()), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [typed]);
  const search = useQuery({ queryKey: ['union-search', q], queryFn: () => transfersApi.searchUnions(q), enabled: q.length >= 2, staleTime: 60_000 });
  const hits = (search.data?.items ?? []).filter((h) => h.id !== excludeId);

  return (
    <Select<string>
      showSearch
      allowClear
      value={value}
      placeholder={placeholder}
      filterOption={false}
      onSearch={setTyped}
      onChange={(id) => onChange?.(id, hits.find((h) => h.id === id))}
      notFoundContent={
        search.isFetching ? (
          <Spin size="small" />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={q.length < 2 ? '请输入至少2个字' : search.error ? (search.error as Error).message : '没有找到该名称的基层工会'} />
        )
      }
      options={hits.map((h) => ({
        value: h.id,
        label: h.name,
        title: [...h.path, h.name].join(' / '),
        hit: h,
      }))}
      optionRender={(o) => {
        const hit = (o.data as { hit: UnionHit }).hit;
        return (
          <div>
            <div>{hit.name}</div>
            <div className="muted" style={{ fontSize: 12, whiteSpace: 'normal' }}>
              {hit.path.join(' / ')}
            </div>
          </div>
        );
      }}
      data-testid="union-select"
    />
  );
}
