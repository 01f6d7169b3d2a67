import { useState } from 'react';
import { Button, Select, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ru } from '../i18n/ru';
import { useTagPresets } from '../api/hooks';

/** "#" + the words as typed, single spaces — as the services spell tags ("#склад Подольск" stays so). */
export function normalizeTag(raw: string): string {
  const text = raw.trim().replace(/^#+/, '').trim().replace(/\s+/g, ' ');
  return text ? `#${text}` : '';
}

/** Two spellings that differ only in case are one tag (the services compare them so too). */
export function sameTag(a: string, b: string): boolean {
  return normalizeTag(a).toLocaleLowerCase('ru-RU') === normalizeTag(b).toLocaleLowerCase('ru-RU');
}

/** Tags on a card: chips with ×, and a picker with the predefined objections plus free text. */
export function TagsEditor({ tags, onAdd, onRemove, disabled }: {
  tags: string[];
  onAdd: (tag: string) => Promise<unknown>;
  onRemove: (tag: string) => Promise<unknown>;
  disabled?: boolean;
}) {
  const presets = useTagPresets();
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [search, setSearch] = useState('');

  const options = [...(presets.data ?? []), ...(search.trim() ? [normalizeTag(search)] : [])]
    .filter((t, i, all) => t && all.findIndex((o) => sameTag(o, t)) === i && !tags.some((present) => sameTag(present, t)))
    .map((t) => ({ value: t, label: t }));

  const add = async (value: string) => {
    const tag = normalizeTag(value);
    if (!tag) return;
    setBusy(tag);
    try {
      await onAdd(tag);
      setAdding(false);
      setSearch('');
    } finally {
      setBusy(null);
    }
  };

  const remove = async (tag: string) => {
    setBusy(tag);
    try {
      await onRemove(tag);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space size={[4, 6]} wrap className="tags-editor" data-testid="tags-editor">
      {tags.map((t) => (
        <Tag
          key={t}
          closable={!disabled && busy !== t}
          onClose={(e) => {
            e.preventDefault();
            void remove(t);
          }}
          className="tag-chip"
        >
          {t}
        </Tag>
      ))}
      {!disabled && (adding ? (
        <Select
          autoFocus
          open
          showSearch
          size="small"
          style={{ minWidth: 240 }}
          placeholder={ru.card.tagPlaceholder}
          searchValue={search}
          onSearch={setSearch}
          options={options}
          loading={presets.isPending || !!busy}
          onSelect={(v: string) => void add(v)}
          onBlur={() => {
            setAdding(false);
            setSearch('');
          }}
          onInputKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setAdding(false);
            }
          }}
          notFoundContent={null}
          aria-label={ru.card.addTag}
        />
      ) : (
        <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => setAdding(true)}>{ru.card.addTag}</Button>
      ))}
    </Space>
  );
}

/** A multiple tag picker (filters and bulk): presets plus anything typed. */
export function TagsSelect({ value, onChange, placeholder, style, id }: {
  value?: string[];
  onChange?: (tags: string[]) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
}) {
  const presets = useTagPresets();
  return (
    <Select
      id={id}
      mode="tags"
      value={value}
      onChange={(tags: string[]) => onChange?.([...new Set(tags.map(normalizeTag).filter(Boolean))])}
      options={(presets.data ?? []).map((t) => ({ value: t, label: t }))}
      placeholder={placeholder}
      style={style}
      tokenSeparators={[',']}
      loading={presets.isPending}
      allowClear
    />
  );
}
