/**
 * Configuration is read once at start-up from the environment, validated, and injected.
 * A missing or malformed setting stops the process with a message naming it (STYLE §6).
 */
export interface AppConfig {
  /** External PostgreSQL; when absent the embedded PGlite is used (trial use only). */
  databaseUrl: string | null;
  /** Schema holding the event store and read models. */
  databaseSchema: string;
  port: number;
  host: string;
  dataDir: string;
  jwtSecret: string;
  jwtTtlSeconds: number;
  /**
   * Seed the synthetic demo district at start-up. Defaults to true only on the embedded database;
   * demo accounts are created once per database and never again (libs/identity seed log).
   */
  seedDemo: boolean;
  /** Run the projection worker inside the API process (the default for `npm start`). */
  inlineWorker: boolean;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** The transparency log (issue 8): its signing key, name, checkpoint cadence and trusted witnesses. */
  ledger: LedgerConfig;
}

export interface LedgerConfig {
  /** LEDGER_KEY_FILE: the log's Ed25519 private key (PEM or seed); null = generated into DATA_DIR on first start. */
  keyFile: string | null;
  /** LEDGER_LOG_NAME: the checkpoint origin and the key name of the log's signatures. */
  logName: string;
  /** LEDGER_CHECKPOINT_EVENTS: sign a checkpoint once the log grew by this many events. */
  checkpointEvents: number;
  /** LEDGER_CHECKPOINT_SECONDS: or once this many seconds passed and the log grew at all. */
  checkpointSeconds: number;
  /** LEDGER_WITNESS_KEYS (name=base64,...): witnesses whose cosignatures the log accepts. */
  witnesses: Array<{ name: string; publicKey: Uint8Array }>;
}

export const DEFAULT_LEDGER_LOG_NAME = 'casework.xincheng.example/ledger';

function ledgerConfig(env: NodeJS.ProcessEnv): LedgerConfig {
  const logName = env.LEDGER_LOG_NAME?.trim() || DEFAULT_LEDGER_LOG_NAME;
  if (/[\s+]/u.test(logName) || [...logName].some((c) => c.charCodeAt(0) < 0x20))
    throw new ConfigError('LEDGER_LOG_NAME', `must be one word without spaces or "+", got "${logName}"`);
  const witnesses: LedgerConfig['witnesses'] = [];
  for (const entry of (env.LEDGER_WITNESS_KEYS ?? '').split(',').map((e) => e.trim())) {
    if (entry === '') continue;
    const match = /^([^\s=+]+)=([A-Za-z0-9+/]+={0,2})$/.exec(entry);
    const key = match?.[2] ? Buffer.from(match[2], 'base64') : null;
    if (!match?.[1] || !key || key.length !== 32 || key.toString('base64') !== match[2])
      throw new ConfigError(
        'LEDGER_WITNESS_KEYS',
        `见证人公钥应为 名称=32 字节公钥的 base64，以逗号分隔。must be name=<base64 of a 32-byte Ed25519 public key>,..., got "${entry}"`,
      );
    witnesses.push({ name: match[1], publicKey: new Uint8Array(key) });
  }
  return {
    keyFile: env.LEDGER_KEY_FILE?.trim() || null,
    logName,
    checkpointEvents: int(env, 'LEDGER_CHECKPOINT_EVENTS', 1000, 1, 10_000_000),
    checkpointSeconds: int(env, 'LEDGER_CHECKPOINT_SECONDS', 600, 1, 7 * 24 * 3600),
    witnesses,
  };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`配置错误 Configuration error: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

function int(env: NodeJS.ProcessEnv, name: string, dflt: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, dflt: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

export const DEV_JWT_SECRET = 'casework-embedded-trial-secret-change-me-0000';

/** The least entropy a JWT_SECRET must have outside the embedded trial mode. */
export const MIN_SECRET_BITS = 128;

/**
 * A simple estimate of a secret's entropy in bits, the smaller of two measures:
 * - length × log2(size of the character classes it uses: lower, upper, digits, punctuation, other);
 * - twice length × the Shannon entropy of its observed characters (a short random string shows
 *   only part of its alphabet, hence the factor; repetition still drives it to 0).
 * 32 × 'a' scores 0 and 'abab…' 64; `openssl rand -hex 16` and `openssl rand -base64 32` pass.
 */
export function estimateSecretBits(secret: string): number {
  const chars = [...secret];
  if (chars.length === 0) return 0;
  let alphabet = 0;
  if (chars.some((c) => c >= 'a' && c <= 'z')) alphabet += 26;
  if (chars.some((c) => c >= 'A' && c <= 'Z')) alphabet += 26;
  if (chars.some((c) => c >= '0' && c <= '9')) alphabet += 10;
  if (chars.some((c) => c < '0' || (c > '9' && c < 'A') || (c > 'Z' && c < 'a') || (c > 'z' && c <= '~')))
    alphabet += 33;
  if (chars.some((c) => c > '~')) alphabet += 1000;
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let shannon = 0;
  for (const n of counts.values()) shannon -= (n / chars.length) * Math.log2(n / chars.length);
  const byClasses = chars.length * Math.log2(Math.max(alphabet, 1));
  const byShannon = chars.length * shannon * 2;
  return Math.floor(Math.min(byClasses, byShannon));
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/i;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// or postgresql://');
  }
  const schema = env.DATABASE_SCHEMA?.trim() || 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new ConfigError('DATABASE_SCHEMA', `must be a lower-case SQL identifier, got "${schema}"`);
  const jwtSecret = env.JWT_SECRET?.trim() || (databaseUrl ? '' : DEV_JWT_SECRET);
  if (!jwtSecret)
    throw new ConfigError(
      'JWT_SECRET',
      '未设置：使用 DATABASE_URL 时必须提供（至少 128 位熵，例如 `openssl rand -base64 32`）。is required when DATABASE_URL is set (at least 128 bits of entropy, e.g. `openssl rand -base64 32`)',
    );
  if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  if (databaseUrl) {
    if (jwtSecret === DEV_JWT_SECRET)
      throw new ConfigError(
        'JWT_SECRET',
        '不得使用内置的试用密钥。must not be the built-in trial secret; generate one, e.g. `openssl rand -base64 32`',
      );
    const bits = estimateSecretBits(jwtSecret);
    if (bits < MIN_SECRET_BITS)
      throw new ConfigError(
        'JWT_SECRET',
        `熵太低（估计约 ${bits} 位，至少需要 ${MIN_SECRET_BITS} 位）。has too little entropy (about ${bits} bits by a simple estimate, at least ${MIN_SECRET_BITS} needed); generate one, e.g. \`openssl rand -base64 32\``,
      );
  }
  const host = env.HOST?.trim() || '127.0.0.1';
  if (!databaseUrl && !LOOPBACK.test(host))
    throw new ConfigError(
      'HOST',
      `在内置数据库（试用）模式下只能是本机回环地址（127.0.0.1、::1 或 localhost），当前为 "${host}"；对外提供服务请设置 DATABASE_URL。must be a loopback address in the embedded (trial) mode, got "${host}"; set DATABASE_URL to serve others`,
    );
  const logLevel = (env.LOG_LEVEL?.trim() || 'log') as AppConfig['logLevel'];
  if (!['error', 'warn', 'log', 'debug'].includes(logLevel))
    throw new ConfigError('LOG_LEVEL', 'must be one of error, warn, log, debug');
  return {
    databaseUrl,
    databaseSchema: schema,
    port: int(env, 'PORT', 3000, 0, 65535),
    host,
    dataDir: env.DATA_DIR?.trim() || './data',
    jwtSecret,
    jwtTtlSeconds: int(env, 'JWT_TTL_SECONDS', 8 * 3600, 60, 7 * 24 * 3600),
    seedDemo: bool(env, 'SEED_DEMO', !databaseUrl),
    inlineWorker: bool(env, 'INLINE_WORKER', true),
    logLevel,
    ledger: ledgerConfig(env),
  };
}

/** For entry points: the validated configuration, or a message naming the bad setting and exit code 2. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
}
