import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FormBodyError, parseBracketForm } from './bracket-body.ts';

test('a Statuspage incident form becomes the nested object a JSON client would send', () => {
  const body =
    'incident[name]=Database+down&incident[status]=investigating&incident[components][abc123def456]=major_outage' +
    '&incident[component_ids][]=abc123def456&incident[component_ids][]=zzz123def456&incident[metadata][jira][issue]=OPS-1';
  assert.deepEqual(parseBracketForm(body), {
    incident: {
      name: 'Database down',
      status: 'investigating',
      components: { abc123def456: 'major_outage' },
      component_ids: ['abc123def456', 'zzz123def456'],
      metadata: { jira: { issue: 'OPS-1' } },
    },
  });
});

test('plain keys, encoded brackets and lists of objects are understood', () => {
  assert.deepEqual(parseBracketForm('name=a%20b&page%5Bname%5D=Mine'), { name: 'a b', page: { name: 'Mine' } });
  assert.deepEqual(parseBracketForm('list[][a]=1&list[][a]=2'), { list: [{ a: '1' }, { a: '2' }] });
  assert.deepEqual(parseBracketForm(''), {});
});

test('a later value for the same key wins, as in Rack', () => {
  assert.deepEqual(parseBracketForm('a[b]=1&a[b]=2'), { a: { b: '2' } });
});

test('prototype keys, malformed keys and mixed list/object keys are refused', () => {
  assert.throws(() => parseBracketForm('__proto__[polluted]=1'), FormBodyError);
  assert.throws(() => parseBracketForm('a[constructor][prototype]=1'), FormBodyError);
  assert.throws(() => parseBracketForm('a[b=1'), FormBodyError);
  assert.throws(() => parseBracketForm('a[]=1&a[x]=2'), FormBodyError);
  assert.throws(() => parseBracketForm('a[b][c][d][e][f][g][h][i]=1'), FormBodyError);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});
