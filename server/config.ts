// Application configuration: the environment parsed once with zod at start-up. Nothing else reads process.env
// for settings; a wrong value throws a ConfigError whose message names the variable.
import { availableParallelism } from 'node:os';
import { z } from 'zod';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`config: ${variable} ${message}`);
  }
}

const NEO4J_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

const neo4jUri = optionalText.refine(
  (v) => v === undefined || NEO4J_SCHEMES.some((s) => v.startsWith(`${s}://`)),
  { message: `must start with one of ${NEO4J_SCHEMES.map((s) => `${s}://`).join(', ')}` },
);

/** Environment variable → field. The keys are the variable names, so errors can name them. */
const EnvSchema = z.object({
  PORT: port(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_URI: neo4jUri,
  NEO4J_USERNAME: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: optionalText,
  NEO4J_DATABASE: optionalText,
  NEO4J_LOCAL_PORT: port(7687),
  NEO4J_LOCAL_DATA: z.string().min(1).default('.data/neo4j'),
  NEO4J_LOCAL_PASSWORD: optionalText,
  NEO4J_LOCAL_HEAP: z
    .string()
    .regex(/^\d+[mg]$/i, 'must be a JVM size like 512m or 1g')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CYPHER_TIMEOUT_MS: positiveInt(10_000),
  CYPHER_MAX_ROWS: positiveInt(1000),
  CYPHER_MAX_QUERY_CHARS: positiveInt(20_000),
  /** Path searches run at once; more wait their turn (each can keep a database core busy). */
  PATHS_CONCURRENCY: positiveInt(4 * availableParallelism()),
  API_TOKEN: optionalText,
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    ),
  SEEDS_DIR: z.string().min(1).default('seeds'),
});

export type LogLevel = z.infer<typeof EnvSchema>['LOG_LEVEL'];

export interface AppConfig {
  port: number;
  host: string;
  neo4jUri: string | undefined;
  neo4jUsername: string;
  neo4jPassword: string | undefined;
  neo4jDatabase: string | undefined;
  localPort: number;
  localData: string;
  localPassword: string | undefined;
  /** JVM heap of the local launcher (extra to the shared interface, optional for literals). */
  localHeap?: string | undefined;
  logLevel: LogLevel;
  cypherTimeoutMs: number;
  cypherMaxRows: number;
  cypherMaxQueryChars: number;
  pathsConcurrency: number;
  apiToken: string | undefined;
  corsOrigins: string[];
  seedsDir: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    const value = env[variable];
    throw new ConfigError(variable, `${issue?.message ?? 'is invalid'} (got ${JSON.stringify(value)})`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    neo4jUri: e.NEO4J_URI,
    neo4jUsername: e.NEO4J_USERNAME,
    neo4jPassword: e.NEO4J_PASSWORD,
    neo4jDatabase: e.NEO4J_DATABASE,
    localPort: e.NEO4J_LOCAL_PORT,
    localData: e.NEO4J_LOCAL_DATA,
    localPassword: e.NEO4J_LOCAL_PASSWORD,
    localHeap: e.NEO4J_LOCAL_HEAP,
    logLevel: e.LOG_LEVEL,
    cypherTimeoutMs: e.CYPHER_TIMEOUT_MS,
    cypherMaxRows: e.CYPHER_MAX_ROWS,
    cypherMaxQueryChars: e.CYPHER_MAX_QUERY_CHARS,
    pathsConcurrency: e.PATHS_CONCURRENCY,
    apiToken: e.API_TOKEN,
    corsOrigins: e.CORS_ORIGINS,
    seedsDir: e.SEEDS_DIR,
  };
}
