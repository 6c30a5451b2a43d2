/**
 * A small HTTP client for the test process: keeps cookies like a browser and sends the CSRF
 * double-submit header, so the journey talks to the API exactly as the web app does.
 */
export class ApiClient {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Sends a request; throws with the server's error body on a non-2xx answer. */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.send<T>(
      method,
      path,
      body === undefined ? undefined : { data: JSON.stringify(body), contentType: 'application/json' },
    );
  }

  /** Sends a file (or other bytes) as the body, as an upload without multipart does. */
  async upload<T>(path: string, data: string | Uint8Array, contentType: string): Promise<T> {
    return this.send<T>('POST', path, { data, contentType });
  }

  private async send<T>(
    method: string,
    path: string,
    body?: { data: string | Uint8Array; contentType: string },
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': 'zh-CN' };
    if (method !== 'GET') {
      if (!this.cookies.has('tianfu_csrf')) await this.request('GET', '/api/auth/csrf');
      headers['x-csrf-token'] = decodeURIComponent(this.cookies.get('tianfu_csrf') ?? '');
    }
    if (body !== undefined) headers['content-type'] = body.contentType;
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body?.data });
    this.remember(res);
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
