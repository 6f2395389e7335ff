import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export type SmtpBehaviour = 'accept' | 'refuse_4xx' | 'refuse_5xx' | 'drop';

/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) that the test can tell to accept,
 * refuse with 4xx or 5xx, or drop the connection in the middle of DATA.
 */
export async function startSmtpServer(options: { user?: string; password?: string } = {}) {
  const received: ReceivedMail[] = [];
  const state = { behaviour: 'accept' as SmtpBehaviour, attempts: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        state.attempts += 1;
        if (state.behaviour === 'drop') {
          for (const connection of (server as unknown as { connections: Set<{ _socket: Socket }> }).connections) connection._socket.destroy();
          return;
        }
        if (state.behaviour === 'refuse_4xx' || state.behaviour === 'refuse_5xx') {
          const error = Object.assign(new Error(state.behaviour === 'refuse_4xx' ? 'Try again later' : 'Mailbox unavailable'), {
            responseCode: state.behaviour === 'refuse_4xx' ? 451 : 550,
          });
          callback(error);
          return;
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
