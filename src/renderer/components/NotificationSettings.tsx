import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Settings } from '../../shared/domain';
import { useNow } from '../hooks/useNow';
import { useSlice, useStores } from '../hooks/useStores';

export function parseLadder(text: string): number[] | string {
  const parts = text.split(/[\s,]+/u).filter(Boolean);
  if (parts.length > 10) return 'At most 10 reminders.';
  const nums = parts.map(Number);
  if (nums.some((n) => !Number.isInteger(n) || n < 1 || n > 2_160)) return 'Each reminder is a whole number of minutes from 1 to 2160.';
  return [...new Set(nums)].sort((a, b) => b - a);
}

function ChannelMutes() {
  const stores = useStores();
  const channels = useSlice(
    (s) => s.channels,
    useShallow((s) => Object.values(s.byKey).sort((a, b) => a.name.localeCompare(b.name))),
  );
  if (channels.length === 0) return null;
  return (
    <fieldset className="mute-list">
      <legend>Mute channels</legend>
      {channels.map((c) => (
        <label key={`${c.accountId}/${c.channelId}`} className="check">
          <input
            type="checkbox"
            checked={c.muted}
            onChange={(e) => void stores.channels.getState().setMuted({ accountId: c.accountId, channelId: c.channelId }, e.target.checked)}
          />
          Mute {c.name}
        </label>
      ))}
    </fieldset>
  );
}

export function NotificationSettings() {
  const stores = useStores();
  const settings = useSlice((s) => s.settings, (s) => s.settings);
  const now = useNow(30_000);
  const [ladder, setLadder] = useState(settings.reminderLadderMinutes.join(', '));
  const [quiet, setQuiet] = useState(settings.quietHours ?? { start: '22:00', end: '07:00' });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const save = async (change: Partial<Settings>, done: string): Promise<void> => {
    const r = await stores.settings.getState().save(change);
    setMessage(r.ok ? { ok: true, text: done } : { ok: false, text: r.error.message });
  };
  const saveLadder = (): void => {
    const parsed = parseLadder(ladder);
    if (typeof parsed === 'string') return setMessage({ ok: false, text: parsed });
    void save({ reminderLadderMinutes: parsed }, 'Reminders saved.');
  };
  const paused = settings.notificationsPausedUntil && settings.notificationsPausedUntil > now;

  return (
    <section className="settings-section" aria-labelledby="settings-notifications">
      <h3 id="settings-notifications">Notifications</h3>
      <div className="form-row">
        <label htmlFor="reminder-ladder">Remind me before a review expires (minutes)</label>
        <div className="inline-form">
          <input id="reminder-ladder" value={ladder} onChange={(e) => setLadder(e.target.value)} aria-describedby="ladder-note" />
          <button type="button" className="btn" onClick={saveLadder}>
            Apply reminders
          </button>
        </div>
        <p id="ladder-note" className="field-note">
          Comma-separated, e.g. 60, 15, 5. Each reminder is louder than the last.
        </p>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.quietHours !== null}
          onChange={(e) => void save({ quietHours: e.target.checked ? quiet : null }, e.target.checked ? 'Quiet hours on.' : 'Quiet hours off.')}
        />
        Quiet hours (only critical reminders)
      </label>
      {settings.quietHours && (
        <div className="inline-form">
          <label htmlFor="quiet-start">From</label>
          <input id="quiet-start" type="time" value={quiet.start} onChange={(e) => setQuiet({ ...quiet, start: e.target.value })} />
          <label htmlFor="quiet-end">to</label>
          <input id="quiet-end" type="time" value={quiet.end} onChange={(e) => setQuiet({ ...quiet, end: e.target.value })} />
          <button type="button" className="btn" onClick={() => void save({ quietHours: quiet }, 'Quiet hours saved.')}>
            Apply quiet hours
          </button>
        </div>
      )}
      <label className="check">
        <input type="checkbox" checked={settings.sound} onChange={(e) => void save({ sound: e.target.checked }, e.target.checked ? 'Sound on.' : 'Sound off.')} />
        Play a sound with notifications
      </label>
      <div className="inline-form">
        {paused ? (
          <>
            <span>Notifications paused until {new Date(settings.notificationsPausedUntil ?? 0).toLocaleTimeString()}</span>
            <button type="button" className="btn" onClick={() => void save({ notificationsPausedUntil: null }, 'Notifications resumed.')}>
              Resume notifications
            </button>
          </>
        ) : (
          <button type="button" className="btn" onClick={() => void save({ notificationsPausedUntil: Date.now() + 3_600_000 }, 'Notifications paused for 1 hour.')}>
            Pause notifications for 1 hour
          </button>
        )}
      </div>
      <ChannelMutes />
      {message && (
        <p className={message.ok ? 'ok-text' : 'error-text'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
