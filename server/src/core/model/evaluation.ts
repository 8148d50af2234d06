// What the model's readers need of an evaluation: evaluate an expression in a scope, the module
// it belongs to, and its references' options and cache. The Evaluator (evaluator.ts) is the one
// implementation; the readers it calls itself (references, data sources, regions, known modules,
// argument helpers) name this interface instead of the class, so that nothing imports back the
// evaluator that imports it (no import cycle, checked by dependency-cruiser in npm test).
import type { Expr } from '../parse/ast';
import type { Assumption } from './assumptions';
import type { ModuleCall, TerraformModule } from './module';
import type { Instance, Scope } from './scope';
import type { Value } from './values';

export interface Evaluation {
  readonly module: TerraformModule;
  readonly refs: ReferenceReader;
  evaluate(expr: Expr, scope: Scope): Value;
  /** What `compute` returns, with the assumptions the values it read rest on. */
  withAssumptions<T>(compute: () => T): { value: T; assumptions: readonly Assumption[] };
}

/** What readers use of References (references.ts). */
interface ReferenceReader {
  readonly options: ReferenceOptions;
  /** `compute()` once per key for this module's evaluation. */
  cached(key: string, compute: () => Value): Value;
}

type RegionSource = 'resource' | 'provider' | 'variable' | 'setting' | 'default';

export interface RegionResolution {
  region: string;
  source: RegionSource;
  /** A readable account of where the region came from. */
  detail: string;
}

export interface ReferenceOptions {
  /** Prefix of every address in this module: '' at the root, `module.net.` in a child. */
  addressPrefix: string;
  /** The `vpceLens.region` setting (or `--region`), used when no provider says, and its name for messages. */
  regionSetting?: { region: string; label: string };
  /** A calling module's provider regions, for a child module's resources. */
  inheritedProviderRegion?: (providerKey: string) => RegionResolution | undefined;
  /**
   * A reusable module opened alone (no provider configuration of its own): a variable left at a
   * `""` default is a placeholder its callers fill, so it is Unknown rather than an empty string.
   */
  placeholderDefaults?: boolean;
  /**
   * Reads and evaluates one instance of a child module (a local source, or one `terraform init`
   * downloaded), with that instance's inputs; undefined when its code cannot be read.
   */
  loadChildModule?: (call: ModuleCall, caller: Evaluation, instance: Instance) => Evaluation | undefined;
  /** The root module's directory: Terraform's working directory, which `path.module` and file paths are relative to. */
  rootDir?: string;
  /** Reads a file for the file functions: its bytes, 'missing', or undefined when it cannot be read. */
  readFile?: (absolutePath: string) => Uint8Array | 'missing' | undefined;
  /** The regular files under a directory (absolute paths), for fileset(). */
  listFiles?: (absoluteDir: string) => readonly string[] | undefined;
  /** What the calling module assumed to compute each input (module.variableValues) it gives. */
  inputAssumptions?: ReadonlyMap<string, ReadonlySet<Assumption>>;
}
