// The one union-find (src/util/disjoint-sets.ts): union, merge, add and groups on small sets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DisjointSets } from '../src/util/disjoint-sets.ts';

test('union joins two sets under their smallest member', () => {
  const sets = new DisjointSets(5);
  sets.union(4, 2);
  sets.union(3, 4);
  assert.equal(sets.find(3), 2);
  assert.equal(sets.find(4), 2);
  assert.equal(sets.find(0), 0);
  sets.union(1, 3);
  assert.deepEqual(
    [0, 1, 2, 3, 4].map((x) => sets.find(x)),
    [0, 1, 1, 1, 1],
  );
});

test('merge keeps the root of the set named first', () => {
  const sets = new DisjointSets(4);
  sets.merge(3, 1);
  assert.equal(sets.find(1), 3);
  sets.union(0, 2);
  sets.merge(1, 2);
  assert.deepEqual(
    [0, 1, 2, 3].map((x) => sets.find(x)),
    [3, 3, 3, 3],
  );
  sets.merge(0, 3);
  assert.equal(sets.find(2), 3);
});

test('add makes the next member, alone in its set', () => {
  const sets = new DisjointSets();
  assert.deepEqual(sets.groups(), []);
  assert.equal(sets.add(), 0);
  assert.equal(sets.add(), 1);
  assert.equal(sets.find(1), 1);
  sets.union(0, 1);
  assert.equal(sets.add(), 2);
  assert.deepEqual(sets.groups(), [[0, 1], [2]]);
});

test('groups lists every set, members ascending, in the order of their smallest members', () => {
  const sets = new DisjointSets(7);
  sets.merge(6, 0);
  sets.merge(5, 2);
  sets.union(3, 5);
  assert.deepEqual(sets.groups(), [[0, 6], [1], [2, 3, 5], [4]]);
});
