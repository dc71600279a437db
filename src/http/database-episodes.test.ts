import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import pino from 'pino';
import { describeDatabaseFailure } from '../storage/database-failures.ts';
import { DatabaseEpisodes } from './database-episodes.ts';

function capture(): { log: pino.Logger; lines: () => { level: number; msg: string; code?: string; cause?: string }[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return {
    log: pino({ level: 'info' }, stream),
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
  };
}

const refused = Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:5432'), { code: 'ECONNREFUSED' });
const request = { id: 'r1', method: 'POST', url: '/api/v1/components' };

describe('a database outage in the log', () => {
  it('is one line when it starts, naming the cause, and one when a change succeeds again, however many requests failed', () => {
    const { log, lines } = capture();
    const episodes = new DatabaseEpisodes(log);
    const failure = describeDatabaseFailure(refused);
    assert.ok(failure !== undefined);
    for (let i = 0; i < 500; i++) episodes.failed(failure, request);
    episodes.succeeded();
    episodes.succeeded();
    const logged = lines();
    assert.equal(logged.length, 2, JSON.stringify(logged));
    assert.equal(logged[0]?.code, 'database_unavailable');
    assert.match(logged[0]?.cause ?? '', /ECONNREFUSED/, 'the operator sees the driver’s words');
    assert.match(logged[1]?.msg ?? '', /accepts changes again/);
    assert.equal((logged[1] as unknown as { refused: number }).refused, 500);
  });
});

describe('what a client is told about a failing database', () => {
  it('names the cause in plain words, never an address, and leaves other errors alone', () => {
    const unreachable = describeDatabaseFailure(refused);
    assert.equal(unreachable?.code, 'database_unavailable');
    assert.equal(unreachable?.status, 503);
    assert.match(unreachable?.message ?? '', /cannot be reached: the connection was refused/);
    assert.doesNotMatch(unreachable?.message ?? '', /10\.1\.2\.3|5432/);
    assert.equal(describeDatabaseFailure(new Error('Connection terminated unexpectedly'))?.code, 'database_unavailable');
    assert.equal(describeDatabaseFailure(Object.assign(new Error('x'), { code: '57P01' }))?.code, 'database_unavailable');
    assert.equal(
      describeDatabaseFailure(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))?.code,
      'database_full',
    );
    assert.equal(describeDatabaseFailure(Object.assign(new Error('x'), { code: '53100' }))?.code, 'database_full');
    assert.equal(
      describeDatabaseFailure(Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }))?.code,
      'database_read_only',
    );
    assert.equal(describeDatabaseFailure(Object.assign(new Error('duplicate key'), { code: '23505' })), undefined);
    assert.equal(describeDatabaseFailure(new Error('a bug')), undefined);
  });
});
