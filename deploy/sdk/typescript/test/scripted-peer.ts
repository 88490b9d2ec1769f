import { createServer, IncomingHttpHeaders, Server } from "node:http";
import { AddressInfo } from "node:net";

export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Destroy the connection without answering, as a dying peer does. */
  drop?: boolean;
}

/** A real HTTP server on a free local port answering each request with the next scripted answer. */
export class ScriptedPeer {
  readonly received: Received[] = [];
  private readonly script: Answer[] = [];
  private readonly server: Server;

  private constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        this.received.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        const answer = this.script.shift() ?? { status: 500, body: "{\"unscripted\":true}" };
        if (answer.drop) {
          req.socket.destroy();
          return;
        }
        res.writeHead(answer.status ?? 200, answer.headers ?? { "Content-Type": "application/json" });
        res.end(answer.body ?? "");
      });
    });
  }

  static async start(): Promise<ScriptedPeer> {
    const peer = new ScriptedPeer();
    await new Promise<void>((resolve) => peer.server.listen(0, "127.0.0.1", resolve));
    return peer;
  }

  next(answer: Answer): this {
    this.script.push(answer);
    return this;
  }

  url(path = ""): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export function problem(status: number, body: object, headers: Record<string, string> = {}): Answer {
  return { status, headers: { "Content-Type": "application/problem+json", ...headers }, body: JSON.stringify(body) };
}
