import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ru } from '../i18n/ru';
import { partyApi } from '../api/endpoints';
import type { PartyType } from '../api/types';
import { useDebounced } from '../lib/useDebounced';
import { formatPhone } from '../lib/phone';

/** Finds an existing contact or company by name, phone, e-mail or INN (server search). */
export function PartyPicker({ type, value, onChange, initialLabel, id, autoFocus, exclude }: {
  type: PartyType;
  value?: string;
  onChange?: (id: string | undefined, name?: string) => void;
  initialLabel?: string;
  id?: string;
  autoFocus?: boolean;
  /** Records not to offer (the card itself, those already linked). */
  exclude?: readonly string[];
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const found = useQuery({
    queryKey: ['party-search', type, q],
    queryFn: ({ signal }) => partyApi.list(type, { q: q || undefined, size: 20, sort: 'updatedAt', direction: 'desc' }, signal),
    staleTime: 10_000,
  });
  const options = (found.data?.items ?? []).filter((p) => !exclude?.includes(p.id)).map((p) => ({
    value: p.id,
    label: p.name,
    hint: [p.card.phones[0] ? formatPhone(p.card.phones[0]) : null, p.card.inn ? `${ru.create.inn} ${p.card.inn}` : null, p.owner?.name]
      .filter(Boolean).join(' · '),
  }));
  if (value && initialLabel && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: initialLabel, hint: '' });
  }
  return (
    <Select
      id={id}
      autoFocus={autoFocus}
      showSearch
      allowClear
      value={value}
      filterOption={false}
      onSearch={setSearch}
      onChange={(v, option) => onChange?.(v, (option as { label?: string } | undefined)?.label)}
      placeholder={type === 'contact' ? ru.create.searchContact : ru.create.searchCompany}
      loading={found.isFetching}
      notFoundContent={found.isFetching ? ru.app.loading : ru.create.nothingFound}
      options={options}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          {option.data.hint && <div className="muted small">{option.data.hint}</div>}
        </div>
      )}
    />
  );
}
