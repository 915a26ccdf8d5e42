/**
 * Puts `value` in `map` under `key` as the most recent entry (Maps keep insertion order), dropping the
 * least recent entries past `limit`: the searcher's caches of searches and query words, and the
 * highlighter's of compiled queries.
 */
export function keepRecent<K, V>(map: Map<K, V>, key: K, value: V, limit: number): V {
	map.delete(key);
	map.set(key, value);
	while (map.size > limit) map.delete(map.keys().next().value!);
	return value;
}
