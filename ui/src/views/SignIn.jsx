import { useState } from 'preact/hooks';

import { signIn } from '../api.js';

export function SignIn() {
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(() => {
    const reason = sessionStorage.getItem('newsroom.signed-out');
    sessionStorage.removeItem('newsroom.signed-out');
    return reason;
  });
  const [busy, setBusy] = useState(false);

  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(user.trim(), password);
    } catch (failure) {
      // a 429 says how long to wait, in its own words
      setError(failure.status === 401 ? 'The user name or password is not valid.' : failure.message);
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <main class="sign-in">
      <form class="panel" onSubmit={submit}>
        <h1>Newsroom</h1>
        <p class="hint">Sign in with your newsroom account.</p>
        <label>User name
          <input name="username" autocomplete="username" required value={user}
                 onInput={(e) => setUser(e.currentTarget.value)} />
        </label>
        <label>Password
          <input name="password" type="password" autocomplete="current-password" required value={password}
                 onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        {error && <p class="error" role="alert">{error}</p>}
        <button class="primary" disabled={busy}>Sign in</button>
      </form>
    </main>
  );
}
