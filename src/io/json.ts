/**
 * JSON for results. The text is checked before it is written: a NaN or infinity in a result is a
 * bug upstream (divergence must be reported as an outcome), so it is refused loudly rather than
 * written as null or NaN. Typed arrays are written as plain arrays.
 */

export function assertFiniteDeep(value: unknown, path = "result"): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`non-finite number at ${path}; refusing to print it`);
  } else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const arr = value as unknown as ArrayLike<number>;
    for (let i = 0; i < arr.length; i++) assertFiniteDeep(arr[i], `${path}[${i}]`);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) assertFiniteDeep(value[i], `${path}[${i}]`);
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) assertFiniteDeep(v, `${path}.${k}`);
  }
}

/** JSON with typed arrays written as plain arrays. */
export function toJson(value: unknown, indent?: number): string {
  assertFiniteDeep(value);
  return JSON.stringify(
    value,
    (_key, v) =>
      ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v,
    indent,
  );
}
