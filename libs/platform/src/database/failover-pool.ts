import { Client, Pool, type ClientConfig, type PoolConfig } from 'pg';

/**
 * DATABASE_URL may name several hosts, as libpq allows
 * (`postgres://u:p@primary:5432,standby:5432/casework?target_session_attrs=read-write`); node-postgres
 * reads only one. A pool made by createPool then connects to the first host that accepts writes,
 * and after a connection error asks again, so after a failover (standby promoted) the app
 * reconnects by itself: requests in flight at the crash fail, the next ones reach the new primary.
 */
export interface DatabaseHosts {
  /** The URL with only the first host and without target_session_attrs: what pg and TypeORM can parse. */
  primaryUrl: string;
  /** Each host with the URL that names only it. */
  hosts: { host: string; port: number; url: string }[];
  /** 'read-write' (default when several hosts are given) or 'any'. */
  targetSessionAttrs: 'read-write' | 'any';
}

type Host = DatabaseHosts['hosts'][number];

const URL_SHAPE = /^(postgres(?:ql)?:\/\/)([^@/]*@)?([^/?#]*)(.*)$/;

export function parseDatabaseHosts(url: string): DatabaseHosts {
  const m = URL_SHAPE.exec(url);
  if (!m) throw new Error('DATABASE_URL must be a postgres:// URL');
  const [, scheme, auth = '', hostList = '', rest = ''] = m;
  const [path = '', query = ''] = rest.split('?', 2);
  const params = new URLSearchParams(query);
  const attrs = params.get('target_session_attrs') ?? (hostList.includes(',') ? 'read-write' : 'any');
  if (attrs !== 'read-write' && attrs !== 'any') {
    throw new Error('DATABASE_URL: target_session_attrs must be read-write or any');
  }
  params.delete('target_session_attrs');
  const q = params.toString();
  const hosts = hostList.split(',').map((h) => {
    const at = h.lastIndexOf(':');
    const host = at > 0 && !h.endsWith(']') ? h.slice(0, at) : h;
    const port = at > 0 && !h.endsWith(']') ? Number(h.slice(at + 1)) : 5432;
    if (!host || !Number.isInteger(port) || port <= 0 || port > 65535) {
      throw new Error(`DATABASE_URL: "${h}" is not host:port`);
    }
    return { host, port, url: `${scheme}${auth}${host}:${port}${path}${q ? `?${q}` : ''}` };
  });
  return {
    primaryUrl: hosts[0]!.url,
    hosts,
    targetSessionAttrs: attrs,
  };
}

/** Remembers which host takes writes; probes the list again after any connection failure. */
export class PrimarySelector {
  private current: Host | null = null;
  private probing: Promise<Host> | null = null;

  constructor(
    private readonly hosts: DatabaseHosts,
    private readonly base: ClientConfig,
  ) {}

  invalidate(): void {
    this.current = null;
  }

  async primary(): Promise<Host> {
    if (this.current) return this.current;
    this.probing ??= this.probe().finally(() => (this.probing = null));
    return this.probing;
  }

  private async probe(): Promise<Host> {
    const failures: string[] = [];
    for (const h of this.hosts.hosts) {
      const client = new Client({ ...this.base, connectionString: h.url, connectionTimeoutMillis: 3000 });
      client.on('error', () => undefined);
      try {
        await client.connect();
        if (this.hosts.targetSessionAttrs === 'read-write') {
          const { rows } = await client.query<{ transaction_read_only: string }>('show transaction_read_only');
          if (rows[0]?.transaction_read_only !== 'off') {
            failures.push(`${h.host}:${h.port} is read-only`);
            continue;
          }
        }
        this.current = h;
        return h;
      } catch (err) {
        failures.push(`${h.host}:${h.port}: ${(err as Error).message}`);
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    throw new Error(`no database host accepts writes (${failures.join('; ')})`);
  }
}

/** A pg Client that connects to whichever host the selector names, and reports failures to it. */
function failoverClientClass(selector: PrimarySelector): typeof Client {
  return class FailoverClient extends Client {
    constructor(config?: string | ClientConfig) {
      super(config);
      this.on('error', () => selector.invalidate());
    }

    override connect(): Promise<Client>;
    override connect(callback: (err: Error) => void): void;
    override connect(callback?: (err: Error) => void): Promise<Client> | void {
      const connecting = selector.primary().then(async (h) => {
        const self = this as unknown as {
          host: string;
          port: number;
          connectionParameters: { host: string; port: number };
        };
        self.host = h.host;
        self.port = h.port;
        self.connectionParameters.host = h.host;
        self.connectionParameters.port = h.port;
        try {
          return await super.connect();
        } catch (err) {
          selector.invalidate();
          throw err;
        }
      });
      if (!callback) return connecting;
      connecting.then(
        () => callback(undefined as unknown as Error),
        (err: Error) => callback(err),
      );
    }
  };
}

/**
 * A pg Pool for DATABASE_URL: a plain Pool for one host, a failover Pool for several. Also used as
 * TypeORM's driver Pool (createDataSource), so both see the same primary.
 */
export function createPool(url: string, config: Omit<PoolConfig, 'connectionString'> = {}): Pool {
  const hosts = parseDatabaseHosts(url);
  if (hosts.hosts.length === 1 && hosts.targetSessionAttrs === 'any') {
    return new Pool({ ...config, connectionString: url });
  }
  return new Pool({ ...config, connectionString: hosts.primaryUrl, Client: failoverClientFor(hosts, config) });
}

/** The Client class for a multi-host URL, for pools made elsewhere (TypeORM's). */
export function failoverClientFor(hosts: DatabaseHosts, config: ClientConfig = {}): typeof Client {
  return failoverClientClass(new PrimarySelector(hosts, config));
}

/** A Pool class whose clients are of the given Client class, whatever options it is made with. */
export function failoverPoolClass(client: typeof Client): typeof Pool {
  return class FailoverPool extends Pool {
    constructor(config?: PoolConfig) {
      super({ ...config, Client: client });
    }
  };
}
