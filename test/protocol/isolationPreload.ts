// Loaded into the server process by isolation.test.ts: every way to reach the network or run
// a program records its use on stderr (and fails), so the test can assert none happened.
/* eslint-disable @typescript-eslint/no-require-imports */
import childProcess from 'node:child_process';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

function forbid(target: object, name: string, label: string): void {
  Object.defineProperty(target, name, {
    configurable: true,
    value: () => {
      process.stderr.write(`ISOLATION-VIOLATION ${label}.${name}\n`);
      throw new Error(`vpce-lens must not call ${label}.${name}`);
    },
  });
}

for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) forbid(childProcess, name, 'child_process');
for (const name of ['request', 'get']) {
  forbid(http, name, 'http');
  forbid(https, name, 'https');
}
for (const name of ['connect', 'createConnection']) forbid(net, name, 'net');
forbid(dns, 'lookup', 'dns');
forbid(globalThis, 'fetch', 'globalThis');
