// THE table of Terraform's built-in functions (developer.hashicorp.com/terraform/language/functions):
// each one's parameters with the types Terraform converts arguments to, its variadic
// parameter, what null / Unknown each accepts, and its implementation. `try` and `can` are not
// here: the evaluator evaluates their arguments lazily itself.
import * as collections from './collections';
import * as conversion from './conversion';
import * as datetime from './datetime';
import * as encoding from './encoding';
import * as filesystem from './filesystem';
import { format, formatlist } from './format';
import * as hash from './hash';
import * as ipnet from './ipnet';
import * as lists from './lists';
import * as numeric from './numeric';
import * as regex from './regex';
import { ANY, BOOL, type FunctionSpec, type Impl, NUMBER, type Param, STRING, listOf, mapOf, param, setOf } from './spec';
import * as strings from './strings';
import * as yaml from './yaml';

const str = (name: string): Param => param(name, STRING);
const num = (name: string): Param => param(name, NUMBER);
/** Any value, Unknown (or partly known) included: the implementation keeps what is known. */
const partial = (name: string): Param => param(name, ANY, { allowUnknown: true });
/** Any value, null and Unknown included. */
const anything = (name: string): Param => param(name, ANY, { allowNull: true, allowUnknown: true });

const fn = (params: Param[], impl: Impl, variadic?: Param): FunctionSpec => (variadic ? { params, impl, variadic } : { params, impl });
const onString = (impl: Impl): FunctionSpec => fn([str('str')], impl);

export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  // Numeric
  abs: fn([num('num')], numeric.abs),
  ceil: fn([num('num')], numeric.ceil),
  floor: fn([num('num')], numeric.floor),
  log: fn([num('num'), num('base')], numeric.log),
  max: fn([], numeric.max, num('numbers')),
  min: fn([], numeric.min, num('numbers')),
  parseint: fn([param('number', ANY), num('base')], numeric.parseint),
  pow: fn([num('num'), num('power')], numeric.pow),
  signum: fn([num('num')], numeric.signum),

  // String
  chomp: onString(strings.chomp),
  endswith: fn([str('str'), str('suffix')], strings.endswith),
  format: fn([str('format')], format, param('args', ANY, { allowNull: true })),
  formatlist: fn([str('format')], formatlist, anything('args')),
  indent: fn([num('spaces'), str('str')], strings.indent),
  join: fn([str('separator')], strings.join, param('lists', listOf(STRING))),
  lower: onString(strings.lower),
  regex: fn([str('pattern'), str('string')], regex.regex),
  regexall: fn([str('pattern'), str('string')], regex.regexall),
  replace: fn([str('str'), str('substr'), str('replace')], regex.replace),
  split: fn([str('separator'), str('str')], strings.split),
  startswith: fn([str('str'), str('prefix')], strings.startswith),
  strcontains: fn([str('str'), str('substr')], strings.strcontains),
  strrev: onString(strings.strrev),
  substr: fn([str('str'), num('offset'), num('length')], strings.substr),
  title: onString(strings.title),
  trim: fn([str('str'), str('cutset')], strings.trim),
  trimprefix: fn([str('str'), str('prefix')], strings.trimprefix),
  trimsuffix: fn([str('str'), str('suffix')], strings.trimsuffix),
  trimspace: onString(strings.trimspace),
  upper: onString(strings.upper),

  // Collection
  alltrue: fn([param('list', listOf(BOOL), { allowUnknown: true })], collections.alltrue),
  anytrue: fn([param('list', listOf(BOOL), { allowUnknown: true })], collections.anytrue),
  chunklist: fn([param('list', listOf(ANY), { allowUnknown: true }), num('size')], lists.chunklist),
  coalesce: fn([], collections.coalesce, anything('vals')),
  coalescelist: fn([], lists.coalescelist, partial('vals')),
  compact: fn([param('list', listOf(STRING))], lists.compact),
  concat: fn([], lists.concat, partial('seqs')),
  contains: fn([partial('list'), partial('value')], lists.contains),
  distinct: fn([param('list', listOf(ANY), { allowUnknown: true })], lists.distinct),
  element: fn([partial('list'), num('index')], lists.element),
  flatten: fn([partial('list')], lists.flatten),
  index: fn([partial('list'), partial('value')], lists.index),
  keys: fn([partial('inputMap')], collections.keys),
  length: fn([partial('value')], lists.length),
  lookup: fn([partial('inputMap'), str('key'), param('default', ANY, { allowNull: true, allowUnknown: true, optional: true })], collections.lookup),
  matchkeys: fn([param('values', listOf(ANY), { allowUnknown: true }), param('keys', listOf(ANY)), param('searchset', listOf(ANY))], collections.matchkeys),
  merge: fn([], collections.merge, anything('maps')),
  one: fn([partial('list')], lists.one),
  range: fn([], lists.range, num('params')),
  reverse: fn([partial('list')], lists.reverse),
  setintersection: fn([param('first_set', setOf(ANY))], collections.setintersection, param('other_sets', setOf(ANY))),
  setproduct: fn([], collections.setproduct, partial('sets')),
  setsubtract: fn([param('a', setOf(ANY)), param('b', setOf(ANY))], collections.setsubtract),
  setunion: fn([param('first_set', setOf(ANY))], collections.setunion, param('other_sets', setOf(ANY))),
  slice: fn([partial('list'), num('start_index'), num('end_index')], lists.slice),
  sort: fn([param('list', listOf(STRING))], lists.sort),
  sum: fn([param('list', ANY)], lists.sum),
  transpose: fn([param('values', mapOf(listOf(STRING)))], collections.transpose),
  values: fn([partial('mapping')], collections.values),
  zipmap: fn([param('keys', listOf(STRING)), partial('values')], collections.zipmap),

  // Encoding
  base64decode: onString(encoding.base64decode),
  base64encode: onString(encoding.base64encode),
  base64gzip: onString(encoding.base64gzip),
  csvdecode: onString(encoding.csvdecode),
  jsondecode: onString(encoding.jsondecode),
  jsonencode: fn([param('val', ANY, { allowNull: true })], encoding.jsonencode),
  textdecodebase64: fn([str('source'), str('encoding')], encoding.textdecodebase64),
  textencodebase64: fn([str('string'), str('encoding')], encoding.textencodebase64),
  urlencode: onString(encoding.urlencode),
  yamldecode: onString(yaml.yamldecode),
  yamlencode: fn([param('value', ANY, { allowNull: true })], yaml.yamlencode),

  // Hash and crypto
  base64sha256: onString(hash.base64sha256),
  base64sha512: onString(hash.base64sha512),
  bcrypt: fn([str('str')], hash.bcrypt, num('cost')),
  md5: onString(hash.md5),
  sha1: onString(hash.sha1),
  sha256: onString(hash.sha256),
  sha512: onString(hash.sha512),
  uuid: fn([], hash.uuid),
  uuidv5: fn([str('namespace'), str('name')], hash.uuidv5),

  // IP network
  cidrhost: fn([str('prefix'), num('hostnum')], ipnet.cidrhost),
  cidrnetmask: fn([str('prefix')], ipnet.cidrnetmask),
  cidrsubnet: fn([str('prefix'), num('newbits'), num('netnum')], ipnet.cidrsubnet),
  cidrsubnets: fn([str('prefix')], ipnet.cidrsubnets, num('newbits')),

  // Type conversion (and value marks, which vpce-lens does not track)
  ephemeralasnull: fn([anything('value')], conversion.ephemeralasnull),
  issensitive: fn([anything('value')], conversion.issensitive),
  nonsensitive: fn([anything('value')], conversion.nonsensitive),
  sensitive: fn([anything('value')], conversion.sensitive),
  tobool: fn([anything('v')], conversion.tobool),
  tolist: fn([anything('v')], conversion.tolist),
  tomap: fn([anything('v')], conversion.tomap),
  tonumber: fn([anything('v')], conversion.tonumber),
  toset: fn([anything('v')], conversion.toset),
  tostring: fn([anything('v')], conversion.tostring),

  // Date and time
  formatdate: fn([str('format'), str('time')], datetime.formatdate),
  plantimestamp: fn([], datetime.plantimestamp),
  timeadd: fn([str('timestamp'), str('duration')], datetime.timeadd),
  timecmp: fn([str('timestamp_a'), str('timestamp_b')], datetime.timecmp),
  timestamp: fn([], datetime.timestamp),

  // Filesystem
  abspath: fn([str('path')], filesystem.abspath),
  basename: fn([str('path')], filesystem.basename),
  dirname: fn([str('path')], filesystem.dirname),
  file: fn([str('path')], filesystem.file),
  filebase64: fn([str('path')], filesystem.filebase64),
  filebase64sha256: fn([str('path')], filesystem.filebase64sha256),
  filebase64sha512: fn([str('path')], filesystem.filebase64sha512),
  fileexists: fn([str('path')], filesystem.fileexists),
  filemd5: fn([str('path')], filesystem.filemd5),
  fileset: fn([str('path'), str('pattern')], filesystem.fileset),
  filesha1: fn([str('path')], filesystem.filesha1),
  filesha256: fn([str('path')], filesystem.filesha256),
  filesha512: fn([str('path')], filesystem.filesha512),
  pathexpand: fn([str('path')], filesystem.pathexpand),
  templatefile: fn([str('path'), anything('vars')], filesystem.templatefile),
  templatestring: fn([str('template'), anything('vars')], filesystem.templatestring),
};
