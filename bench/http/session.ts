// Signing in over HTTP as the browser does, through next-auth's credentials flow: the CSRF token and
// its cookie, then the callback with the user's name and password; the session cookie is kept.
import { BENCH_PASSWORD } from "../data/generate";

/** The `name=value` pairs a response sets, without their attributes. */
function cookiesOf(response: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";", 1)[0] ?? "";
    const at = pair.indexOf("=");
    if (at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return jar;
}

const header = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs `username` in on the server at `base`; returns the Cookie header that carries the session. */
export async function signIn(base: string, username: string, password = BENCH_PASSWORD): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = cookiesOf(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, username, password, callbackUrl: `${base}/`, json: "true" });
  const callback = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: header(jar), Origin: base },
    body,
  });
  await callback.arrayBuffer();
  for (const [k, v] of cookiesOf(callback)) jar.set(k, v);
  const session = jar.get("next-auth.session-token");
  if (!session) throw new Error(`Signing in as ${username} failed (HTTP ${callback.status}, no session cookie)`);
  return `next-auth.session-token=${session}`;
}

/** Signs users in once each, a few at a time (each sign-in costs the server one argon2 verification). */
export class Sessions {
  private readonly cookies = new Map<string, Promise<string>>();

  constructor(private readonly base: string) {}

  get(username: string): Promise<string> {
    let cookie = this.cookies.get(username);
    if (!cookie) {
      cookie = signIn(this.base, username);
      this.cookies.set(username, cookie);
    }
    return cookie;
  }

  async all(usernames: string[], parallel = 4): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    const queue = [...new Set(usernames)];
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        for (let name = queue.shift(); name !== undefined; name = queue.shift()) result.set(name, await this.get(name));
      }),
    );
    return result;
  }
}
