import { Select } from 'antd';
import { assignableUsers, useUsers } from '../api/hooks';
import { useCurrentUser } from './MeContext';

/** Choose a person: only those the current user may hand records to (head — own groups, admin — all). */
export function UserSelect({ value, onChange, placeholder, allowClear, style, everyone, id, size }: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  everyone?: boolean;
  id?: string;
  size?: 'small' | 'middle';
}) {
  const me = useCurrentUser();
  const users = useUsers();
  const list = everyone ? users.data ?? [] : assignableUsers(me, users.data);
  return (
    <Select
      id={id}
      size={size}
      showSearch
      value={value}
      onChange={(v) => onChange?.(v)}
      allowClear={allowClear}
      placeholder={placeholder}
      style={style}
      loading={users.isPending}
      optionFilterProp="label"
      options={list.map((u) => ({ value: u.id, label: u.name || u.username || u.id }))}
    />
  );
}
