import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * A carrier stand-in on 127.0.0.1 for end-to-end tests: reads the whole request body, then lets
 * the test answer in the carrier's own format. Listens on a free port.
 */
export async function listenOnLoopback(answer: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => answer(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** Answers a loopback request with a JSON body, as the carriers' APIs do. */
export function replyJson(res: ServerResponse, status: number, payload: unknown, contentType = 'application/json'): void {
  res.writeHead(status, { 'content-type': contentType });
  res.end(JSON.stringify(payload));
}
