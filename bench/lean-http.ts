import net from 'node:net';

/**
 * A lean HTTP/1.1 keep-alive connection for load generation: one socket, one request at a time, requests
 * written as one buffer and answers read by Content-Length. The load generator shares the cores with the
 * server and PostgreSQL, so it should take as little of them as it can (Node's http client with its agent
 * took about a quarter of a millisecond per request here).
 */
export class LeanConnection {
  private socket: net.Socket;
  private buffered: Buffer = Buffer.alloc(0);
  private pending: { resolve: (r: { status: number; body: string }) => void; reject: (e: Error) => void } | null = null;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('error', (err) => this.fail(err));
    this.socket.on('close', () => this.fail(new Error('connection closed')));
  }

  /** POST a JSON body; resolves with the status and the body text. */
  post(path: string, headers: Record<string, string>, json: string): Promise<{ status: number; body: string }> {
    const body = Buffer.from(json);
    return this.send(
      `POST ${path} HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n`,
      headers,
      body,
    );
  }

  /** GET a path; resolves with the status and the body text. */
  get(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
    return this.send(`GET ${path} HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\n`, headers, Buffer.alloc(0));
  }

  private send(
    start: string,
    headers: Record<string, string>,
    body: Buffer,
  ): Promise<{ status: number; body: string }> {
    if (this.pending) return Promise.reject(new Error('one request at a time'));
    let head = start;
    for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(Buffer.concat([Buffer.from(`${head}\r\n`), body]));
    });
  }

  close() {
    this.socket.destroy();
  }

  private onData(chunk: Buffer) {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    const end = this.buffered.indexOf('\r\n\r\n');
    if (end < 0 || !this.pending) return;
    const head = this.buffered.subarray(0, end).toString('latin1');
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (!length) return this.fail(new Error(`answer without content-length: ${head.split('\r\n')[0]}`));
    const total = end + 4 + Number(length[1]);
    if (this.buffered.length < total) return;
    const body = this.buffered.subarray(end + 4, total).toString('utf8');
    this.buffered = this.buffered.subarray(total);
    const { resolve } = this.pending;
    this.pending = null;
    resolve({ status: Number(head.slice(9, 12)), body });
  }

  private fail(err: Error) {
    const p = this.pending;
    this.pending = null;
    p?.reject(err);
  }
}
