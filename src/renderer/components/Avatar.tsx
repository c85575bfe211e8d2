import { useState } from 'react';
import { initials } from '../lib/format';

const safeImage = (url: string | null): url is string => !!url && /^https?:\/\//iu.test(url);

export function Avatar({ name, url, size = 'md' }: { name: string; url: string | null; size?: 'sm' | 'md' | 'lg' }) {
  const [failed, setFailed] = useState(false);
  if (safeImage(url) && !failed) {
    return <img className={`avatar avatar-${size}`} src={url} alt="" referrerPolicy="no-referrer" onError={() => setFailed(true)} />;
  }
  return (
    <span className={`avatar avatar-${size} avatar-initials`} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
