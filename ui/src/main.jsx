import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import { currentSession, hasRole, onSessionChange, resumeSession, signOut } from './api.js';
import { confirmLeave, hasUnsaved } from './guard.js';
import { dropUserCopies } from './lib/localCopy.js';
import { parseHash } from './lib/route.js';
import { onLiveStatus, startLive, stopLive } from './live.js';
import { useTitle } from './views/common.jsx';
import { ArticleEditor, NewArticle } from './views/Editor.jsx';
import { Incoming } from './views/Incoming.jsx';
import { SignIn } from './views/SignIn.jsx';
import { lastWorkListHash, WorkList } from './views/WorkList.jsx';
import './styles.css';

// An in-app link away from unsaved edits asks first (before the hash changes, so nothing needs undoing).
document.addEventListener('click', (event) => {
  const link = event.target.closest?.('a[href^="#/"]');
  if (!link || link.target || event.defaultPrevented || link.getAttribute('href') === location.hash) return;
  if (hasUnsaved() && !confirmLeave()) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);

// The audit screens (and their diff code) are loaded when an auditor first needs them: reporters and editors never do.
let audit = null;

function Audit({ screen, ...props }) {
  const [module, setModule] = useState(null);
  const [failed, setFailed] = useState(null);
  useEffect(() => {
    audit ??= import('./views/Audit.jsx');
    audit.then(setModule, (error) => {
      audit = null;
      setFailed(error);
    });
  }, []);
  if (failed) return <section class="panel"><h1>The audit screens could not be loaded</h1><p>Reload the page.</p></section>;
  if (!module) return <section class="panel" aria-busy="true"><p>Loading…</p></section>;
  const Screen = module[screen];
  return <Screen {...props} />;
}

function useHashRoute() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    let current = location.href;
    const changed = () => {
      // the back and forward buttons: the URL has already changed; staying puts the previous one back
      if (hasUnsaved() && !confirmLeave()) {
        history.replaceState(history.state, '', current);
        return;
      }
      current = location.href;
      setHash(location.hash);
    };
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return parseHash(hash);
}

// until the server has said whether this tab's cookie holds a session, neither the sign-in form nor the app shows
function useSession() {
  const [session, setSession] = useState(currentSession());
  const [resumed, setResumed] = useState(!!currentSession());
  useEffect(() => {
    const stop = onSessionChange(setSession);
    resumeSession().finally(() => setResumed(true));
    return stop;
  }, []);
  return { session, resumed };
}

function LiveBadge() {
  const [status, setStatus] = useState('off');
  useEffect(() => onLiveStatus(setStatus), []);
  const label = { live: 'Live', reconnecting: 'Reconnecting…', off: 'Not live' }[status];
  return <span class={`live live-${status}`} title="Screens refresh when someone changes an article">{label}</span>;
}

// signing out on purpose: this user's local copies of unsaved edits go too (a session that ends keeps them)
function signOutOnPurpose(user) {
  if (!confirmLeave()) return;
  try {
    dropUserCopies(localStorage, user);
  } catch {
    // no localStorage: nothing kept
  }
  signOut();
}

function skipToContent(event) {
  event.preventDefault();
  const main = document.getElementById('main');
  main.focus();
  main.scrollIntoView();
}

function Shell({ session, children }) {
  const writes = hasRole('reporter', 'editor');
  return (
    <>
      <a class="skip" href="#main" onClick={skipToContent}>Skip to content</a>
      <header class="top">
        <a class="brand" href="#/">Newsroom</a>
        <nav>
          {writes && <a href={lastWorkListHash()}>Work list</a>}
          {writes && <a href="#/new">New article</a>}
          {hasRole('editor') && <a href="#/incoming">Incoming</a>}
          {hasRole('auditor') && <a href="#/audit">Audit</a>}
        </nav>
        <div class="who">
          <LiveBadge />
          <span class="user" data-testid="signed-in-as">{session.name}</span>
          <span class="roles">{session.roles.join(', ')}</span>
          <button class="link" onClick={() => signOutOnPurpose(session.user)}>Sign out</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}

function Forbidden({ what }) {
  useTitle('Not for your role');
  return <section class="panel"><h1>Not for your role</h1><p>{what}</p></section>;
}

function NotFound() {
  useTitle('Not found');
  return <section class="panel"><h1>Not found</h1><p><a href="#/">Back to the start</a></p></section>;
}

function Integrators() {
  useTitle('Newsroom');
  return (
    <section class="panel">
      <h1>Nothing to edit here</h1>
      <p>Integrators use the feed and webhooks: see <code>docs/integrations.md</code> and <a href="/swagger-ui.html">the API
        reference</a>.</p>
    </section>
  );
}

function Home({ query }) {
  if (hasRole('reporter', 'editor')) return <WorkList query={query} />;
  if (hasRole('auditor')) return <Audit screen="AuditHome" query={query} />;
  return <Integrators />;
}

function SignInScreen() {
  useTitle('Sign in');
  return <SignIn />;
}

function App() {
  const { session, resumed } = useSession();
  const { parts, query } = useHashRoute();

  useEffect(() => {
    if (session && hasRole('reporter', 'editor', 'auditor')) startLive();
    else stopLive();
    return stopLive;
  }, [session?.user]);

  if (!session) return resumed ? <SignInScreen /> : <p class="hint" role="status">Signing in…</p>;

  let screen;
  const [first, second] = parts;
  if (!first) {
    screen = <Home key={query.toString()} query={query} />;
  } else if (first === 'new') {
    screen = hasRole('reporter', 'editor') ? <NewArticle /> : <Forbidden what="Reporters and editors draft articles." />;
  } else if (first === 'articles' && second) {
    screen = hasRole('reporter', 'editor') ? <ArticleEditor key={second} id={second} atLeast={Number(query.get('atLeast')) || 0} />
      : <Forbidden what="Reporters and editors edit articles; auditors read them in the audit trail." />;
  } else if (first === 'incoming') {
    screen = hasRole('editor') ? <Incoming /> : <Forbidden what="Editors take in the agencies' copy." />;
  } else if (first === 'audit') {
    if (!hasRole('auditor')) screen = <Forbidden what="The audit trail is for auditors." />;
    else if (second) screen = <Audit screen="AuditArticle" key={second} id={second} query={query} />;
    else screen = <Audit screen="AuditHome" key={query.toString()} query={query} />;
  } else {
    screen = <NotFound />;
  }
  return <Shell session={session}>{screen}</Shell>;
}

render(<App />, document.getElementById('app'));
