/**
 * A tiny local HTTP server for provider fakes: listens on 127.0.0.1 with a random port and hands
 * each request (with its raw body) to a handler.
 * @module
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A received request as the fakes see it. */
export interface FakeRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

/** The handler's answer. */
export interface FakeResponse {
  status: number;
  json: unknown;
}

/** A running fake. */
export interface RunningFake {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  close(): Promise<void>;
}

/** Starts a server on a free local port. */
export async function startFakeHttp(handle: (req: FakeRequest) => FakeResponse): Promise<RunningFake> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let out: FakeResponse;
      try {
        out = handle({
          method: req.method ?? 'GET',
          url: new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`),
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      } catch (err) {
        out = { status: 500, json: { error: String(err) } };
      }
      res.writeHead(out.status, { 'content-type': 'application/json;charset=utf-8' });
      res.end(JSON.stringify(out.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
