// Where an endpoint is written, for the endpoint rules: an `aws_vpc_endpoint` block, or the entry
// of a vpc-endpoints module call's `endpoints` map that the module makes an endpoint from. Rules
// speak of the resource's arguments (`vpc_endpoint_type`, `subnet_ids`); the site says what they
// are called where the endpoint is written (`service_type` in an entry), finds them, and builds
// the edits, so one rule checks both and its fix edits what the user wrote.
// docs/rules.md, "Endpoints of a vpc-endpoints module call".
import type { EvaluatedModule } from '../../analysis';
import { removeAttribute, setAttribute } from '../../fixes/edits';
import { objectItem, removeObjectItem, setObjectItem, type ObjectExpr } from '../../fixes/objectEdits';
import type { EndpointView, ModuleEntry } from '../../model/endpoints';
import type { ModuleCall } from '../../model/module';
import { VPC_ENDPOINTS_MODULE } from '../../model/registryModules/sources';
import { isUnknown, type Value } from '../../model/values';
import { argumentState, mayBeNull, type ArgumentState } from '../../model/viewHelpers';
import type { Attribute, Block, Expr, HclFile } from '../../parse/ast';
import { findAttribute } from '../../parse/ast';
import type { Range, TextEdit } from '../../types';
import { fileOf } from '../moduleFiles';
import { containerOf } from './literalSites';

/** An argument as written: an attribute of the block, or an item of the entry. */
interface Written {
  range: Range;
  expr: Expr;
}

export interface EndpointSite {
  kind: 'resource' | 'module entry';
  /** The file findings go to and fixes edit. */
  file: HclFile;
  /** Where a finding about a missing argument goes: the block's header, or the entry's key. */
  header: Range;
  /** What the resource argument is called where the endpoint is written. */
  name(argument: string): string;
  /** The argument as written (a null value too); undefined when it is not written or cannot be seen. */
  written(argument: string): Written | undefined;
  /** Whether the argument is set: null is not; a value that cannot be known and may be null is 'unknown'. */
  state(argument: string): ArgumentState;
  /** A nested block (`dns_options`); entries have none. */
  nested(type: string): Block | undefined;
  /** Sets or adds the argument; undefined where the endpoint is not written as a literal that can be edited. */
  set(argument: string, value: string): TextEdit | undefined;
  /** Removes a written argument (attribute, nested block or entry item). */
  remove(argument: string): TextEdit | undefined;
  /** The top-level block new blocks (a security group, a data source) are written after. */
  anchor: { file: HclFile; block: Block };
  /** A name to derive new resources' names from: the resource's name, or the module call's. */
  baseName: string;
  /** Inputs every endpoint of the module call shares (`subnet_ids` beside `endpoints`); entries only. */
  shared?: SharedInputs;
}

/** The module call's own arguments, which the module merges into every entry. */
interface SharedInputs {
  /** `module.endpoints`. */
  what: string;
  written(input: string): Attribute | undefined;
  /** The input's value for this instance of the call; undefined when not written or null. */
  value(input: string): Value | undefined;
  set(input: string, value: string): TextEdit;
}

/** The argument or, when it is not written, the header. */
export function argumentOrHeader(site: EndpointSite, argument: string): Range {
  return site.written(argument)?.range ?? site.header;
}

const sites = new WeakMap<EndpointView, EndpointSite | null>();

/** Where the endpoint is written, found once per analysis: every endpoint rule asks for every instance. */
export function siteOf(module: EvaluatedModule, view: EndpointView): EndpointSite | undefined {
  let site = sites.get(view);
  if (site === undefined) sites.set(view, (site = (view.entry ? entrySite(module, view, view.entry) : resourceSite(module, view)) ?? null));
  return site ?? undefined;
}

function resourceSite(module: EvaluatedModule, view: EndpointView): EndpointSite | undefined {
  const file = fileOf(module, view.file);
  if (!file) return undefined;
  const block = view.resource.block;
  const attribute = (name: string) => findAttribute(block.body, name);
  const nested = (type: string) => block.body.blocks.find((b) => b.type === type);
  return {
    kind: 'resource',
    file,
    header: block.headerRange,
    name: (argument) => argument,
    written: attribute,
    state: (argument) => argumentState(module.evaluator, view.instance, argument),
    nested,
    set: (argument, value) => setAttribute(file, block, argument, value),
    remove: (argument) => {
      const written = attribute(argument) ?? nested(argument);
      return written ? removeArgument(file, block, written) : undefined;
    },
    anchor: { file, block },
    baseName: view.resource.name,
  };
}

/** Removes an argument (attribute or nested block) with its lines, or only its text when it shares a line with the block's braces. */
function removeArgument(file: HclFile, block: Block, argument: Attribute | Block): TextEdit {
  const sharesLine = argument.range.start.line === block.range.start.line || argument.range.end.line === block.range.end.line;
  if (sharesLine) return { file: file.path, range: argument.range, newText: '' };
  if ('name' in argument) return removeAttribute(file, argument);
  return { file: file.path, range: { start: { line: argument.range.start.line, character: 0 }, end: { line: argument.range.end.line + 1, character: 0 } }, newText: '' };
}

const ENTRY = VPC_ENDPOINTS_MODULE.entry;
/** Resource arguments whose entry key differs; `service_name` is the first of these written. */
const ENTRY_NAMES: Record<string, readonly string[]> = {
  vpc_endpoint_type: [ENTRY.serviceType],
  service_name: [...ENTRY.fullServiceName, ENTRY.shortServiceName],
};
/** Resource arguments the module takes from its own inputs, not from the entry. */
const CALL_INPUTS: Record<string, string> = { vpc_id: VPC_ENDPOINTS_MODULE.vpcIdInput };

function entrySite(module: EvaluatedModule, view: EndpointView, entry: ModuleEntry): EndpointSite | undefined {
  const callFile = fileOf(module, entry.call.file);
  if (!callFile) return undefined;
  const literal = entryLiteral(module, entry);
  const names = (argument: string) => ENTRY_NAMES[argument] ?? [argument];
  const name = (argument: string) => {
    const candidates = names(argument);
    return candidates.find((n) => entry.value.has(n)) ?? candidates[0]!;
  };
  const item = (argument: string) => (literal ? objectItem(literal.object, name(argument)) : undefined);
  const input = (argument: string) => {
    const inputName = CALL_INPUTS[argument];
    return inputName === undefined ? undefined : entry.call.inputs.get(inputName);
  };
  const shared = sharedInputs(module, view, callFile, entry.call);
  return {
    kind: 'module entry',
    file: literal?.file ?? callFile,
    header: literal?.key ?? entry.call.inputs.get(VPC_ENDPOINTS_MODULE.endpointsInput)?.range ?? entry.call.block.headerRange,
    name: (argument) => CALL_INPUTS[argument] ?? name(argument),
    written: (argument) => {
      const found = input(argument) ?? item(argument);
      return found ? { range: found.range, expr: 'expr' in found ? found.expr : found.value } : undefined;
    },
    state: (argument) => {
      const inputAttribute = input(argument);
      if (inputAttribute) return argumentStateOf(module.evaluator.evaluate(inputAttribute.expr, view.instance.scope), inputAttribute.expr);
      return argumentStateOf(entry.value.get(name(argument)), item(argument)?.value);
    },
    nested: () => undefined,
    set: (argument, value) => {
      if (CALL_INPUTS[argument] !== undefined) return shared.set(CALL_INPUTS[argument]!, value);
      return literal ? setObjectItem(literal.file, literal.object, name(argument), value, literal.key.start.character) : undefined;
    },
    remove: (argument) => {
      const found = item(argument);
      return literal && found ? removeObjectItem(literal.file, literal.object, found) : undefined;
    },
    anchor: { file: callFile, block: entry.call.block },
    baseName: entry.call.name,
    shared,
  };
}

/** An entry's value: absent or null is not set; Unknown may be null unless its expression never is. */
function argumentStateOf(value: Value | undefined, expr: Expr | undefined): ArgumentState {
  if (value === undefined || value === null) return 'unset';
  if (isUnknown(value)) return expr === undefined || mayBeNull(expr) ? 'unknown' : 'set';
  return 'set';
}

function sharedInputs(module: EvaluatedModule, view: EndpointView, file: HclFile, call: ModuleCall): SharedInputs {
  return {
    what: `module.${call.name}`,
    written: (input) => call.inputs.get(input),
    value: (input) => {
      const attribute = call.inputs.get(input);
      const value = attribute ? module.evaluator.evaluate(attribute.expr, view.instance.scope) : undefined;
      return value === null ? undefined : value;
    },
    set: (input, value) => setAttribute(file, call.block, input, value),
  };
}

/** The entry written as an object literal (`kms = { ... }`), where its origin can be followed to one. */
function entryLiteral(module: EvaluatedModule, entry: ModuleEntry): { file: HclFile; key: Range; object: ObjectExpr } | undefined {
  const file = entry.origin ? fileOf(module, entry.origin.file) : undefined;
  const found = file && entry.origin ? containerOf(file, entry.origin.range) : undefined;
  if (!file || found?.container.kind !== 'object') return undefined;
  const item = found.container.items[found.index]!;
  return item.value.kind === 'object' ? { file, key: item.key.range, object: item.value } : undefined;
}
