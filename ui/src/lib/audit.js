// The audit trail's field changes as a person reads them: "Caption of photo 2" rather than photos.<uuid>.caption, the
// notes of an event (a reason, a public notice…) as notes rather than "old → new".

const NAMES = {
  state: 'State', headline: 'Headline', standfirst: 'Standfirst', body: 'Body', language: 'Language',
  photoOrder: 'Order of the photos', bylines: 'Bylines', publicationNumber: 'Publication number',
  slug: 'Public address', 'live.publicationNumber': 'Live publication', 'live.changeKind': 'Kind of change',
  'live.note': 'Public note', note: 'Note', reason: 'Reason', notice: 'Notice to readers',
  comment: 'Comment', publishedWithoutReview: 'Published without review, because', scheduledFor: 'Was scheduled for',
  lateness: 'Late by', schedule: 'Scheduled publication', 'schedule.at': 'Scheduled for',
  'schedule.changeKind': 'Kind of the scheduled change', 'schedule.note': 'Public note of the scheduled publication',
  'schedule.withoutReview': 'Scheduled without review, because', 'embargo.until': 'Embargo until',
};
const PHOTO_FIELDS = { uri: 'Address', caption: 'Caption', credit: 'Credit', altText: 'Alt text' };

/** The fields that hold what one event said (its note, reason, notice), not a state that lasts. */
export const NOTE_FIELDS = new Set(['note', 'reason', 'notice', 'live.note', 'comment', 'publishedWithoutReview',
  'schedule.note', 'schedule.withoutReview']);

// instants, shown as times
const TIME_FIELDS = new Set(['scheduledFor', 'schedule.at', 'embargo.until']);

const PHOTO_FIELD = /^photos\.([^.]+)\.(\w+)$/;

/**
 * The number a person knows each photo by, at each entry of a timeline: a Map from version to a function
 * photoId → number (1 = the lead photo), from the order after the entry (or before it, for a photo it removed).
 */
export function photoNumbering(entries) {
  const numbering = new Map();
  let order = [];
  for (const entry of entries) {
    const before = order;
    const change = entry.changes?.find((c) => c.field === 'photoOrder');
    if (change) order = Array.isArray(change.to) ? change.to : [];
    const after = order;
    numbering.set(entry.version, (photoId) => {
      const at = after.indexOf(photoId);
      if (at >= 0) return at + 1;
      const was = before.indexOf(photoId);
      return was >= 0 ? was + 1 : null;
    });
  }
  return numbering;
}

/** A field's name in words: "Headline", "Caption of photo 2", "Public note". */
export function fieldLabel(field, numberOf = () => null) {
  const photo = PHOTO_FIELD.exec(field);
  if (photo) {
    const number = numberOf(photo[1]);
    return `${PHOTO_FIELDS[photo[2]] ?? photo[2]} of ${number ? `photo ${number}` : 'a photo'}`;
  }
  return NAMES[field] ?? field;
}

/**
 * One recorded change, ready to show: {field, label, kind: 'note' | 'body' | 'photos' | 'time' | 'value', text?,
 * from?, to?}, or null for a change there is nothing to say about (a note that belonged to the event before).
 */
export function describeChange(change, numberOf = () => null) {
  const label = fieldLabel(change.field, numberOf);
  if (NOTE_FIELDS.has(change.field)) {
    return change.to == null ? null : { field: change.field, label, kind: 'note', text: String(change.to) };
  }
  if (change.field === 'body') return { field: change.field, label, kind: 'body' };
  if (change.field === 'schedule' && change.to == null) {
    return { field: change.field, label, kind: 'photos', text: 'cancelled' };
  }
  if (TIME_FIELDS.has(change.field)) return { field: change.field, label, kind: 'time', from: change.from, to: change.to };
  if (change.field === 'photoOrder') {
    const from = Array.isArray(change.from) ? change.from : [];
    const to = Array.isArray(change.to) ? change.to : [];
    let text;
    if (to.length > from.length) text = `photo ${to.length} added`;
    else if (to.length < from.length) text = to.length ? `a photo removed, ${to.length} left` : 'the last photo removed';
    else text = `reordered: ${to.map((id) => `photo ${from.indexOf(id) + 1}`).join(', ')}`;
    return { field: change.field, label, kind: 'photos', text };
  }
  return { field: change.field, label, kind: 'value', from: change.from, to: change.to };
}
