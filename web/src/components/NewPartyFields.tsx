import { Alert, Button, Form, Input, Space, type FormInstance } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ru } from '../i18n/ru';
import { partyApi } from '../api/endpoints';
import { managesOthers } from '../api/hooks';
import type { DuplicateMatch, PartyType } from '../api/types';
import { useDebounced } from '../lib/useDebounced';
import { emailLooksComplete, innLooksComplete, phoneLooksComplete } from '../lib/phone';
import { useCurrentUser } from './MeContext';

/** Who already holds this phone, e-mail or INN — asked while the person types (rule 5). */
export function useDuplicates(phone?: string, email?: string, inn?: string) {
  const query = useDebounced(
    {
      phone: phone && phoneLooksComplete(phone) ? phone.trim() : undefined,
      email: email && emailLooksComplete(email) ? email.trim() : undefined,
      inn: inn && innLooksComplete(inn) ? inn.replace(/\D/g, '') : undefined,
    },
    350,
  );
  const any = !!(query.phone || query.email || query.inn);
  return useQuery({
    queryKey: ['duplicates', query],
    queryFn: ({ signal }) => partyApi.duplicates(query, signal),
    enabled: any,
    staleTime: 5_000,
    retry: false,
  });
}

export function DuplicateWarning({ matches, onUse }: { matches: DuplicateMatch[]; onUse?: (match: DuplicateMatch) => void }) {
  const me = useCurrentUser();
  if (!matches.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="duplicate-warning"
      message={ru.create.duplicateFound}
      description={
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          {matches.map((m) => {
            const mine = m.owner?.id === me.id || managesOthers(me);
            return (
              <div key={`${m.partyId}-${m.matchedOn}`} className="duplicate-row">
                <span>{ru.create.duplicateOf(m.name, m.owner?.name || m.owner?.username || ru.app.notSet, ru.create.matchedOn[m.matchedOn] ?? m.matchedOn)}</span>
                {mine && onUse ? (
                  <Button size="small" type="link" onClick={() => onUse(m)}>{ru.create.duplicateUse}</Button>
                ) : (
                  !mine && <div className="muted small">{ru.create.duplicateForeign}</div>
                )}
              </div>
            );
          })}
        </Space>
      }
    />
  );
}

/** Fields of a new contact or company inside a larger form, under `prefix`, with the duplicate warning while typing. */
export function NewPartyFields({ type, prefix, form, onUseExisting }: {
  type: PartyType;
  prefix: string;
  form: FormInstance;
  onUseExisting?: (match: DuplicateMatch) => void;
}) {
  const phone = Form.useWatch([prefix, 'phone'], form) as string | undefined;
  const email = Form.useWatch([prefix, 'email'], form) as string | undefined;
  const inn = Form.useWatch([prefix, 'inn'], form) as string | undefined;
  const duplicates = useDuplicates(phone, email, type === 'company' ? inn : undefined);
  return (
    <div className="new-party" data-testid={`new-${type}`}>
      <Form.Item
        name={[prefix, 'name']}
        label={type === 'company' ? ru.create.companyName : ru.create.name}
        rules={[{ required: true, whitespace: true, message: ru.create.nameRequired }]}
      >
        <Input maxLength={300} autoComplete="off" />
      </Form.Item>
      <Space.Compact block style={{ gap: 8 }}>
        <Form.Item name={[prefix, 'phone']} label={ru.create.phone} style={{ flex: 1 }}>
          <Input maxLength={40} autoComplete="off" inputMode="tel" placeholder="+7 900 000-00-00" />
        </Form.Item>
        <Form.Item name={[prefix, 'email']} label={ru.create.email} style={{ flex: 1 }} rules={[{ type: 'email', message: 'Некорректный e-mail' }]}>
          <Input maxLength={200} autoComplete="off" inputMode="email" />
        </Form.Item>
      </Space.Compact>
      {type === 'company' ? (
        <Form.Item name={[prefix, 'inn']} label={ru.create.inn} rules={[{ pattern: /^\s*(\d{10}|\d{12})\s*$/, message: '10 или 12 цифр' }]}>
          <Input maxLength={12} autoComplete="off" inputMode="numeric" />
        </Form.Item>
      ) : (
        <Form.Item name={[prefix, 'position']} label={ru.create.position}>
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
      )}
      <DuplicateWarning matches={duplicates.data ?? []} onUse={onUseExisting} />
    </div>
  );
}
