import { Alert, Button, Card, Descriptions, Space, Tag } from 'antd';
import { EditOutlined, KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { ru } from '../i18n/ru';
import { PageHeader } from '../components/common';
import { useCurrentUser } from '../components/MeContext';
import { formatPhone } from '../lib/phone';
import { keycloakAction, logout } from '../lib/session';

/** Профиль: who I am; name, e-mail, phone and password are changed on Keycloak's pages (the account lives there). */
export default function ProfilePage() {
  const me = useCurrentUser();
  const p = ru.profile;
  return (
    <div className="page profile-page" data-testid="profile">
      <PageHeader left={<h1 className="page-title">{p.title}</h1>} />
      <div className="page-body narrow">
        <Card size="small">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={p.name}>{me.name}</Descriptions.Item>
            <Descriptions.Item label={p.username}>{me.username}</Descriptions.Item>
            <Descriptions.Item label={p.email}>{me.email ? <a href={`mailto:${me.email}`}>{me.email}</a> : ru.app.notSet}</Descriptions.Item>
            <Descriptions.Item label={p.phone}>
              <Space size={4} wrap>
                {me.phone
                  ? <a href={`tel:${me.phone}`} data-testid="profile-phone">{formatPhone(me.phone)}</a>
                  : <span className="muted" data-testid="profile-phone">{p.phoneMissing}</span>}
                <Button size="small" type="link" icon={<EditOutlined />} onClick={() => keycloakAction('UPDATE_PROFILE')} title={p.editPhoneHint} data-testid="edit-phone">
                  {p.editPhone}
                </Button>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={p.groups}>{me.groups.length ? me.groups.join(', ') : ru.app.none}</Descriptions.Item>
            <Descriptions.Item label={p.roles}>
              <Space size={[4, 4]} wrap>{me.roles.filter((r) => ru.roles[r]).map((r) => <Tag key={r}>{ru.roles[r]}</Tag>)}</Space>
            </Descriptions.Item>
          </Descriptions>
          <Space style={{ marginTop: 16 }} wrap>
            <Button icon={<EditOutlined />} onClick={() => keycloakAction('UPDATE_PROFILE')} data-testid="edit-profile">{p.editProfile}</Button>
            <Button type="primary" icon={<KeyOutlined />} onClick={() => keycloakAction('UPDATE_PASSWORD')} data-testid="change-password">{p.changePassword}</Button>
            <Button icon={<LogoutOutlined />} onClick={logout}>{p.logout}</Button>
          </Space>
          <p className="muted small" style={{ marginTop: 12 }}>{p.passwordHint}</p>
        </Card>
        <Card size="small" title={p.notifications} style={{ marginTop: 16 }}>
          <Alert type="info" showIcon message={p.notificationsSoon} />
        </Card>
      </div>
    </div>
  );
}
