import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import { currentSession, hasRole, onSessionChange, resumeSession, signOut } from './api.js';
import { onLiveStatus, startLive, stopLive } from './live.js';
import { AuditHome, AuditArticle } from './views/Audit.jsx';
import { ArticleEditor, NewArticle } from './views/Editor.jsx';
import { SignIn } from './views/SignIn.jsx';
import { WorkList } from './views/WorkList.jsx';
import './styles.css';

function useHashRoute() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const changed = () => setHash(location.hash);
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  const path = hash.replace(/^#/, '') || '/';
  const [route, query = ''] = path.split('?');
  return { parts: route.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(query) };
}

function useSession() {
  const [session, setSession] = useState(currentSession());
  useEffect(() => {
    const stop = onSessionChange(setSession);
    resumeSession();
    return stop;
  }, []);
  return session;
}

function LiveBadge() {
  const [status, setStatus] = useState('off');
  useEffect(() => onLiveStatus(setStatus), []);
  const label = { live: 'Live', reconnecting: 'Reconnecting…', off: 'Not live' }[status];
  return <span class={`live live-${status}`} title="Screens refresh when someone changes an article">{label}</span>;
}

function Shell({ session, children }) {
  const writes = hasRole('reporter', 'editor');
  return (
    <>
      <header class="top">
        <a class="brand" href="#/">Newsroom</a>
        <nav>
          {writes && <a href="#/">Work list</a>}
          {writes && <a href="#/new">New article</a>}
          {hasRole('auditor') && <a href="#/audit">Audit</a>}
        </nav>
        <div class="who">
          <LiveBadge />
          <span class="user" data-testid="signed-in-as">{session.name}</span>
          <span class="roles">{session.roles.join(', ')}</span>
          <button class="link" onClick={() => signOut()}>Sign out</button>
        </div>
      </header>
      <main>{children}</main>
    </>
  );
}

function Forbidden({ what }) {
  return <section class="panel"><h1>Not for your role</h1><p>{what}</p></section>;
}

function Home() {
  if (hasRole('reporter', 'editor')) return <WorkList />;
  if (hasRole('auditor')) return <AuditHome />;
  return (
    <section class="panel">
      <h1>Nothing to edit here</h1>
      <p>Integrators use the feed and webhooks: see <code>docs/integrations.md</code> and <a href="/swagger-ui.html">the API
        reference</a>.</p>
    </section>
  );
}

function App() {
  const session = useSession();
  const { parts, query } = useHashRoute();

  useEffect(() => {
    if (session && hasRole('reporter', 'editor', 'auditor')) startLive();
    else stopLive();
    return stopLive;
  }, [session?.user]);

  if (!session) return <SignIn />;

  let screen;
  const [first, second] = parts;
  if (!first) {
    screen = <Home />;
  } else if (first === 'new') {
    screen = hasRole('reporter', 'editor') ? <NewArticle /> : <Forbidden what="Reporters and editors draft articles." />;
  } else if (first === 'articles' && second) {
    screen = hasRole('reporter', 'editor') ? <ArticleEditor key={second} id={second} atLeast={Number(query.get('atLeast')) || 0} />
      : <Forbidden what="Reporters and editors edit articles; auditors read them in the audit trail." />;
  } else if (first === 'audit') {
    if (!hasRole('auditor')) screen = <Forbidden what="The audit trail is for auditors." />;
    else screen = second ? <AuditArticle key={second} id={second} /> : <AuditHome />;
  } else {
    screen = <section class="panel"><h1>Not found</h1><p><a href="#/">Back to the start</a></p></section>;
  }
  return <Shell session={session}>{screen}</Shell>;
}

render(<App />, document.getElementById('app'));
