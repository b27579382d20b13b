import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { databaseUnavailableReason } from './unavailable.ts';

/** An error as pg builds it for an error response of the server (a `DatabaseError` with its SQLSTATE). */
function serverError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** An error as Node builds it for a failed socket. */
function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });
}

describe('databaseUnavailableReason', () => {
  it('names the reason for pg’s timeouts and lost connections', () => {
    for (const message of [
      'Query read timeout',
      'timeout exceeded when trying to connect',
      'Connection terminated due to connection timeout',
      'Connection terminated unexpectedly',
      'Client has encountered a connection error and is not queryable',
    ]) {
      assert.equal(databaseUnavailableReason(new Error(message)), message);
    }
  });

  it('names socket errors, also inside an AggregateError (every address refused) or as a cause', () => {
    assert.equal(databaseUnavailableReason(socketError('ECONNREFUSED')), 'ECONNREFUSED');
    const refused = new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')], '');
    assert.equal(databaseUnavailableReason(refused), 'ECONNREFUSED');
    const wrapped = new Error('Connection terminated due to something', { cause: socketError('ECONNRESET') });
    assert.equal(databaseUnavailableReason(wrapped), 'ECONNRESET');
  });

  it('names the SQLSTATEs of a server that cannot take the query now', () => {
    assert.equal(
      databaseUnavailableReason(serverError('57014', 'canceling statement due to statement timeout')),
      '57014',
    );
    assert.equal(
      databaseUnavailableReason(serverError('57P01', 'terminating connection due to administrator command')),
      '57P01',
    );
    assert.equal(databaseUnavailableReason(serverError('57P03', 'the database system is starting up')), '57P03');
    assert.equal(databaseUnavailableReason(serverError('53300', 'sorry, too many clients already')), '53300');
    assert.equal(databaseUnavailableReason(serverError('08006', 'connection failure')), '08006');
  });

  it('says nothing about errors of the query or the code', () => {
    assert.equal(databaseUnavailableReason(serverError('42601', 'syntax error at or near "selec"')), undefined);
    assert.equal(
      databaseUnavailableReason(serverError('23505', 'duplicate key value violates unique constraint')),
      undefined,
    );
    assert.equal(
      databaseUnavailableReason(new TypeError("Cannot read properties of undefined (reading 'id')")),
      undefined,
    );
    assert.equal(databaseUnavailableReason('Query read timeout'), undefined, 'not an Error');
    assert.equal(databaseUnavailableReason(undefined), undefined);
  });
});
