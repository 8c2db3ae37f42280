// DynamoDB JSON (`{"S": "x"}`) to plain JSON, as a person reads an item. Numbers that a JavaScript number cannot
// hold exactly stay strings; binary stays base64; sets become arrays.

export function plainValue(value) {
  const [type, inner] = Object.entries(value || {})[0] || [];
  switch (type) {
    case 'S': return inner;
    case 'N': return plainNumber(inner);
    case 'B': return inner;
    case 'BOOL': return inner;
    case 'NULL': return null;
    case 'L': return inner.map(plainValue);
    case 'M': return plainItem(inner);
    case 'SS': return [...inner];
    case 'NS': return inner.map(plainNumber);
    case 'BS': return [...inner];
    default: return value;
  }
}

export function plainItem(item) {
  const out = {};
  for (const [name, value] of Object.entries(item || {})) out[name] = plainValue(value);
  return out;
}

function plainNumber(text) {
  const number = Number(text);
  return Number.isFinite(number) && String(number) === text.replace(/^(-?)0+(?=\d)/, '$1') ? number : text;
}

/** A short text of one attribute for a table cell. */
export function cellText(value, limit = 60) {
  const plain = plainValue(value);
  const text = typeof plain === 'string' ? plain : JSON.stringify(plain);
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

/** The item's key: its key attributes only, as DynamoDB JSON. */
export function keyOf(item, keySchema) {
  const key = {};
  for (const { AttributeName } of keySchema) key[AttributeName] = item[AttributeName];
  return key;
}
