// How the screens write states, event types, times and versions.

export const STATES = ['DRAFT', 'IN_REVIEW', 'PUBLISHED', 'UNPUBLISHED', 'KILLED'];

const STATE_LABELS = {
  DRAFT: 'Draft', IN_REVIEW: 'In review', PUBLISHED: 'Published', UNPUBLISHED: 'Unpublished', KILLED: 'Killed',
};

export function stateLabel(state) {
  return STATE_LABELS[state] ?? state;
}

const EVENT_LABELS = {
  ArticleDrafted: 'Drafted', ArticleRevised: 'Revised', PhotoAttached: 'Photo attached', PhotoUpdated: 'Photo updated',
  PhotoDetached: 'Photo detached', BylineAssigned: 'Byline assigned', ArticleSubmittedForReview: 'Submitted for review',
  ChangesRequested: 'Changes requested', ArticlePublished: 'Published', ArticleUnpublished: 'Unpublished',
  ArticleKilled: 'Killed', CommentAdded: 'Comment', PublicationScheduled: 'Publication scheduled',
  ScheduledPublicationCancelled: 'Scheduled publication cancelled', EmbargoSet: 'Embargo set', EmbargoLifted: 'Embargo lifted',
};

export function eventLabel(type) {
  return EVENT_LABELS[type] ?? type;
}

/** news.article.photo-attached.v1 → Photo attached */
export function cloudEventLabel(type) {
  const name = /^news\.article\.([a-z-]+)\.v\d+$/.exec(type ?? '')?.[1];
  if (!name) return type;
  const pascal = name.split('-').map((part) => part[0].toUpperCase() + part.slice(1)).join('');
  return eventLabel(`Article${pascal}`) !== `Article${pascal}` ? eventLabel(`Article${pascal}`) : eventLabel(pascal);
}

const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function formatTime(instant) {
  if (!instant) return '';
  return absolute.format(new Date(instant));
}

export function ago(instant, now = Date.now()) {
  if (!instant) return '';
  const seconds = Math.round((now - new Date(instant).getTime()) / 1000);
  if (seconds < 45) return 'just now';
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)} h ago`;
  return formatTime(instant);
}

/** The value of a datetime-local input (the user's local time) as an ISO instant. */
export function localInputToInstant(value) {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function instantToLocalInput(instant) {
  const date = new Date(instant);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:`
    + `${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
