import type { Settings } from '../../shared/domain';
import { useSlice, useStores } from '../hooks/useStores';

const themes: { id: Settings['theme']; label: string }[] = [
  { id: 'system', label: 'System' },
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
];

export function AppearanceSettings() {
  const stores = useStores();
  const theme = useSlice((s) => s.settings, (s) => s.settings.theme);
  return (
    <section className="settings-section" aria-labelledby="settings-appearance">
      <h3 id="settings-appearance">Appearance</h3>
      <fieldset className="radio-group">
        <legend>Theme</legend>
        {themes.map((t) => (
          <label key={t.id} className="check">
            <input type="radio" name="theme" value={t.id} checked={theme === t.id} onChange={() => void stores.settings.getState().save({ theme: t.id })} />
            {t.label}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
