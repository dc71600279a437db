import { createSocket, type RemoteInfo } from 'node:dgram';
import dnsPacket, { type Answer, type Question } from 'dns-packet';

/** What one name holds. A CNAME is followed in the answer, as a recursive resolver does. */
export interface DnsEntry {
  A?: string[];
  AAAA?: string[];
  CNAME?: string;
  TXT?: string[];
  MX?: { priority: number; exchange: string }[];
  /** Never answer queries for this name (a resolver that times out). */
  silent?: boolean;
}

const nxdomain = 3;

/**
 * A real DNS server over UDP on 127.0.0.1, answering A, AAAA, CNAME, TXT and MX from a table the
 * test sets and may change while it runs (to play DNS rebinding). Unknown names get NXDOMAIN.
 */
export async function startDnsServer(initial: Record<string, DnsEntry> = {}) {
  const table = new Map<string, DnsEntry>();
  const set = (name: string, entry: DnsEntry) => table.set(name.toLowerCase().replace(/\.$/, ''), entry);
  for (const [name, entry] of Object.entries(initial)) set(name, entry);
  const queries: Question[] = [];
  const socket = createSocket('udp4');

  const answersFor = (name: string, type: Question['type'], depth = 0): Answer[] | undefined => {
    const entry = table.get(name.toLowerCase());
    if (entry === undefined || depth > 8) return undefined;
    const record = (t: 'A' | 'AAAA' | 'CNAME', data: string): Answer => ({ type: t, name, ttl: 1, class: 'IN', data });
    if (entry.CNAME !== undefined && type !== 'CNAME')
      return [record('CNAME', entry.CNAME), ...(answersFor(entry.CNAME, type, depth + 1) ?? [])];
    switch (type) {
      case 'A':
        return (entry.A ?? []).map((a) => record('A', a));
      case 'AAAA':
        return (entry.AAAA ?? []).map((a) => record('AAAA', a));
      case 'CNAME':
        return entry.CNAME === undefined ? [] : [record('CNAME', entry.CNAME)];
      case 'TXT':
        return (entry.TXT ?? []).map((text) => ({ type: 'TXT', name, ttl: 1, class: 'IN', data: text }));
      case 'MX':
        return (entry.MX ?? []).map((mx) => ({
          type: 'MX',
          name,
          ttl: 1,
          class: 'IN',
          data: { preference: mx.priority, exchange: mx.exchange },
        }));
      default:
        return [];
    }
  };

  const reply = (message: Buffer, from: RemoteInfo) => {
    let query: dnsPacket.DecodedPacket;
    try {
      query = dnsPacket.decode(message);
    } catch {
      return;
    }
    const question = query.questions?.[0];
    if (question === undefined) return;
    queries.push(question);
    if (table.get(question.name.toLowerCase())?.silent === true) return;
    const answers = answersFor(question.name, question.type);
    const flags = dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (answers === undefined ? nxdomain : 0);
    const response = dnsPacket.encode({ type: 'response', id: query.id ?? 0, flags, questions: [question], answers: answers ?? [] });
    socket.send(response, from.port, from.address);
  };
  socket.on('message', reply);

  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    /** `127.0.0.1:port`, as AVISO_DNS_SERVERS takes it. */
    address: `127.0.0.1:${socket.address().port}`,
    set,
    queries,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

export type DnsServer = Awaited<ReturnType<typeof startDnsServer>>;
