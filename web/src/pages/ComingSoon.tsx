import { Navigate } from 'react-router-dom';
import { Result } from 'antd';
import { ru } from '../i18n/ru';
import { hasSection } from '../api/hooks';
import { useCurrentUser } from '../components/MeContext';

/** Почта, Аналитика, Настройки arrive with their own issues; without the section the page is not there at all. */
export default function ComingSoon({ section }: { section: 'mail' | 'analytics' | 'settings' }) {
  const me = useCurrentUser();
  if (!hasSection(me, section)) return <Navigate to="/" replace />;
  return <Result status="info" title={ru.nav[section]} subTitle={ru.app.comingSoon(ru.nav[section])} />;
}
