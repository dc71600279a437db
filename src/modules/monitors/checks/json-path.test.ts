import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJsonPath, selectJsonPath } from './json-path.ts';

const steps = (path: string) => {
  const parsed = parseJsonPath(path);
  assert.ok(parsed.ok, `${path}: ${parsed.ok ? '' : parsed.problem}`);
  return parsed.steps;
};
const problem = (path: string) => {
  const parsed = parseJsonPath(path);
  assert.ok(!parsed.ok, `${path} is refused`);
  return parsed.problem;
};

test('a path walks down by names, quoted names and indexes', () => {
  assert.deepEqual(steps('$'), []);
  assert.deepEqual(steps('$.status.indicator'), [{ name: 'status' }, { name: 'indicator' }]);
  assert.deepEqual(steps('$.components[0].status'), [{ name: 'components' }, { index: 0 }, { name: 'status' }]);
  assert.deepEqual(steps(`$['a b']["c.d"][12]`), [{ name: 'a b' }, { name: 'c.d' }, { index: 12 }]);
  assert.deepEqual(steps(`$['it\\'s']["back\\\\slash"]`), [{ name: "it's" }, { name: 'back\\slash' }]);
  assert.deepEqual(steps('$.größe._x1'), [{ name: 'größe' }, { name: '_x1' }]);
});

test('anything beyond names and indexes is refused, saying where: no filters, wildcards or scripts', () => {
  assert.match(problem('status.indicator'), /^must start with \$/);
  assert.match(problem('$.'), /needs a name at character 2/);
  assert.match(problem('$..status'), /descendant step/);
  assert.match(problem('$.components[*]'), /neither a quoted name nor an index from 0 at character 13/);
  assert.match(problem('$.components[-1]'), /neither a quoted name nor an index/);
  assert.match(problem('$.components[01]'), /neither a quoted name nor an index/);
  assert.match(problem('$.components[?(@.status=="up")]'), /neither a quoted name nor an index/);
  assert.match(problem("$['a'"), /not closed/);
  assert.match(problem("$['a\\x']"), /not closed/);
  assert.match(problem('$.a b'), /has " " at character 4/);
  assert.match(problem('$.constructor()'), /has "\(" at character 14/);
  assert.match(problem(`$${'.a'.repeat(51)}`), /more than 50 steps/);
});

test('selecting finds own values only, and nothing where a step has nothing to walk into', () => {
  const document = JSON.parse('{"status":{"indicator":"none"},"components":[{"status":"up"}],"n":null,"__proto__":{"x":1}}') as unknown;
  assert.deepEqual(selectJsonPath(document, steps('$.status.indicator')), { found: true, value: 'none' });
  assert.deepEqual(selectJsonPath(document, steps('$.components[0].status')), { found: true, value: 'up' });
  assert.deepEqual(selectJsonPath(document, steps('$.n')), { found: true, value: null });
  assert.deepEqual(selectJsonPath(document, steps("$['__proto__'].x")), { found: true, value: 1 }, 'a key of the answer, not a prototype');
  for (const missing of ['$.components[1]', '$.status[0]', '$.components.status', '$.n.x', '$.constructor', '$.status.toString'])
    assert.deepEqual(selectJsonPath(document, steps(missing)), { found: false }, missing);
});
