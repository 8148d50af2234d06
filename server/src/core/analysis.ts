// The analysis of a module as the rules, pricing and features read it: the modules evaluated
// (the root and the modules it calls) and what was found. Types only, below the orchestrator
// (analyzer.ts), so that what reads an analysis does not import what makes one.
import type { Evaluator } from './model/evaluator';
import type { ModuleCall } from './model/module';
import type { EndpointView } from './model/endpoints';
import type { NetworkView } from './model/network';
import type { RegistryResources } from './model/registryModules/types';
import type { HclFile } from './parse/ast';
import type { UsageFile } from './pricing/usage';
import type { AnalysisSettings } from './settings';
import type { Finding } from './types';

/** One module evaluated: the root, or a local child module under its address prefix. */
export interface EvaluatedModule {
  prefix: string;
  evaluator: Evaluator;
  endpoints: EndpointView[];
  network: NetworkView;
  /** The module's key in the `terraform init` cache: '' at the root, `vpc`, `vpc.endpoints`. */
  key: string;
  /**
   * Endpoints and NAT gateways of registry module calls whose code is not downloaded
   * (terraform-aws-modules vpc, vpc-endpoints), from the built-in models.
   */
  registry: RegistryResources;
  children: EvaluatedModule[];
  /** Module call instances whose code cannot be read and that no built-in model covers. */
  unreadModules: UnreadModule[];
  /** For a called module: the call in its caller, and whether its code is downloaded (`terraform init`), not the user's own. */
  origin?: ModuleOrigin;
}

export interface ModuleOrigin {
  call: ModuleCall;
  /** Read from `.terraform/modules` (or a local module inside such code): findings do not go there. */
  downloaded: boolean;
}

export interface UnreadModule {
  /** `module.ep["ssm"]`, with the caller's prefix. */
  address: string;
  call: ModuleCall;
  reason: string;
}

export interface ModuleAnalysis {
  dir: string;
  /** The root module's files (child modules' files are in `modules`). */
  files: HclFile[];
  root: EvaluatedModule;
  /** The root and every local child module, depth first. */
  modules: EvaluatedModule[];
  /** Every endpoint instance in the root and its local child modules. */
  endpoints: EndpointView[];
  findings: Finding[];
  /** Problems reading inputs (an unreadable var file), as findings on those files. */
  inputProblems: Finding[];
  settings: AnalysisSettings;
  /** The usage file read (vpceLens.usageFile, else infracost-usage.yml in the module), if any. */
  usage?: UsageFile;
}
