import { Link } from 'react-router-dom';
import { Result } from 'antd';
import { ru } from '../i18n/ru';

export default function NotFound() {
  return <Result status="404" title={ru.app.notFoundTitle} subTitle={ru.app.notFoundText} extra={<Link to="/">{ru.app.toHome}</Link>} />;
}
