// Times as an editor reads them: schedules and embargoes in the user's own time zone, 24-hour clock.

const clock = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

// the calendar day of an instant in a zone, as 2026-12-03
function dayOf(date, timeZone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

function nextDay(day, days) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * An instant as short as is clear: "14:00" today, "tomorrow 14:00", "yesterday 14:00", else "Thu, Dec 3, 14:00" (with
 * the year when it is not this year's), in the time zone `timeZone` (the browser's by default), on a 24-hour clock.
 */
export function whenLabel(instant, now = new Date(), locale = undefined, timeZone = undefined) {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  const time = new Intl.DateTimeFormat(locale, { ...clock, timeZone }).format(date);
  const [day, today] = [dayOf(date, timeZone), dayOf(now, timeZone)];
  if (day === today) return time;
  if (day === nextDay(today, 1)) return `tomorrow ${time}`;
  if (day === nextDay(today, -1)) return `yesterday ${time}`;
  const withYear = day.slice(0, 4) !== today.slice(0, 4) ? { year: 'numeric' } : {};
  return new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', ...withYear, ...clock, timeZone })
    .format(date);
}

/** The browser's time zone, as the date-time inputs say it ("Europe/Paris"). */
export function timeZoneName() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'local time';
}
