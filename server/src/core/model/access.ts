// Index and attribute access on values, as HCL does them (hcl.Index and hcl.GetAttr in
// hashicorp/hcl ops.go): a list takes a whole, non-negative, in-range number (a string of digits
// converts); a map or object takes a string (a number or bool converts); a set, a primitive or
// null has no elements; a missing key or attribute is an error. What cannot be known yet is
// Unknown, keeping the identity of an unknown value (`aws_subnet.a[0].id`).
import {
  type Unknown, type Value, asNumber, asString, evalError, isError, isInstance, isList, isMap, isSet, isUnknown, typeName, unknown,
} from './values';

/** `collection[key]`. */
export function indexValue(collection: Value, key: Value): Value {
  if (isError(collection)) return collection;
  if (isError(key)) return key;
  if (collection === null) return evalError('an index on a null value');
  if (key === null) return evalError('a null index key');
  if (isUnknown(key)) return unknown('an index that cannot be known');
  if (isUnknown(collection)) return unknownStep(collection, `[${JSON.stringify(key)}]`);
  if (isList(key) || isMap(key) || isInstance(key)) return evalError(`a ${typeName(key)} used as an index key`);
  if (isInstance(collection)) {
    // A resource without count or for_each is one object: `aws_vpc.main[0]` is an error.
    if (typeof key === 'number') return evalError(`${collection.address} is a single object, not a list: it has no index ${key}`);
    return collection.get(asString(key)!);
  }
  if (isMap(collection)) return mapElement(collection, asString(key)!);
  if (isSet(collection)) return evalError('elements of a set have no index (use a for expression or a splat)');
  if (isList(collection)) {
    const index = asNumber(key);
    if (index === undefined) return evalError(`a list index that is not a number: ${JSON.stringify(key)}`);
    if (!Number.isInteger(index)) return evalError(`a list index with a fractional part: ${index}`);
    if (index < 0) return evalError(`a negative list index: ${index}`);
    return index < collection.length ? collection[index]! : evalError(`index ${index} out of range for a list of ${collection.length}`);
  }
  return evalError(`a ${typeName(collection)} value has no index`);
}

/** `value.name`. */
export function attributeValue(value: Value, name: string): Value {
  if (isError(value)) return value;
  if (value === null) return evalError(`attribute "${name}" of a null value`);
  if (isUnknown(value)) return unknownStep(value, `.${name}`);
  if (isInstance(value)) return value.get(name);
  if (isMap(value)) return mapElement(value, name);
  return evalError(`a ${typeName(value)} value has no attribute "${name}"${isList(value) ? ' (use [*] or a for expression for its elements)' : ''}`);
}

function mapElement(map: Map<string, Value>, key: string): Value {
  return map.has(key) ? map.get(key)! : evalError(`no key or attribute "${key}"`);
}

function unknownStep(value: Unknown, step: string): Value {
  return unknown(value.reason, value.identity === undefined ? undefined : `${value.identity}${step}`);
}
