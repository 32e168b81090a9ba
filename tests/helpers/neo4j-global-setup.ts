// Vitest global setup: one real Neo4j per test run, handed to test files with provide/inject.
// Source, in order: testcontainers (when a Docker engine is reachable), the local launcher on a free port
// with a fresh temp data dir, else NEO4J_TEST_URI. Whatever was started is stopped in teardown.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j } from '../../server/db/local-neo4j.ts';
import { freePort } from './net.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUsername: string;
    /** Empty when the server runs without auth. */
    neo4jPassword: string;
    /** Where the database came from: 'testcontainers', 'local' or 'env'. */
    neo4jSource: string;
  }
}

interface Provided {
  uri: string;
  username: string;
  password: string;
  source: 'testcontainers' | 'local' | 'env';
  stop: () => Promise<void>;
}

async function fromTestcontainers(): Promise<Provided | undefined> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
  } catch {
    return undefined; // no Docker engine: rejects within milliseconds
  }
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const container = await new Neo4jContainer('neo4j:5.26-community')
    .withPassword('dongxi-test')
    .withEnvironment({ NEO4J_db_transaction_monitor_check_interval: '100ms' })
    .start();
  return {
    uri: container.getBoltUri(),
    username: container.getUsername(),
    password: container.getPassword(),
    source: 'testcontainers',
    stop: async () => {
      await container.stop();
    },
  };
}

async function fromLocalLauncher(): Promise<Provided | undefined> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dongxi-neo4j-test-'));
  try {
    const local = await startLocalNeo4j({ port: await freePort(), dataDir, heap: '768m' });
    return {
      uri: local.uri,
      username: 'neo4j',
      password: '',
      source: 'local',
      stop: async () => {
        await local.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    if (!process.env.NEO4J_TEST_URI) throw err;
    console.warn(`neo4j-global-setup: local launcher failed, using NEO4J_TEST_URI: ${String(err)}`);
    return undefined;
  }
}

function fromEnv(): Provided | undefined {
  const uri = process.env.NEO4J_TEST_URI;
  if (!uri) return undefined;
  return {
    uri,
    username: process.env.NEO4J_TEST_USERNAME ?? 'neo4j',
    password: process.env.NEO4J_TEST_PASSWORD ?? '',
    source: 'env',
    stop: async () => {},
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const db = (await fromTestcontainers()) ?? (await fromLocalLauncher()) ?? fromEnv();
  if (!db) throw new Error('neo4j-global-setup: no Docker engine, no local launcher and no NEO4J_TEST_URI');
  console.log(
    `neo4j-global-setup: ${db.source} Neo4j at ${db.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  project.provide('neo4jUri', db.uri);
  project.provide('neo4jUsername', db.username);
  project.provide('neo4jPassword', db.password);
  project.provide('neo4jSource', db.source);
  return async () => {
    await db.stop();
  };
}
