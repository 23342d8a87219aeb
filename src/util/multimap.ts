// Maps from a key to a list, grown in place (spreading a copy per insert is quadratic on big groups).

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
