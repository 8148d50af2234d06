// The core's entry point: a module directory (its files, as the caller sees them) -> the model,
// the typed views, findings and costs. Pure apart from what `ModuleFiles` reads.
import { basename, join } from 'node:path';
import type { HclFile } from './parse/ast';
import { HclParser } from './parse/parseFile';
import { ParseThread } from './parse/parallel';
import { SharedParsing, type SharedParseResult } from './parse/sharedParsing';
import type { ParseWorkerData } from './parseWorker';
import { convertEagerly } from './model/analysedTypes';
import type { Assumption } from './model/assumptions';
import { Evaluator } from './model/evaluator';
import type { Evaluation, ReferenceOptions } from './model/evaluation';
import { buildModule, type ModuleCall, type TerraformModule } from './model/module';
import { endpointViews } from './model/endpoints';
import { networkView } from './model/network';
import { providerRegion } from './model/region';
import { providersArgument } from './model/moduleProviders';
import { registryModuleResources } from './model/registryModules/index';
import { locateModule, moduleKey, ModuleManifest } from './model/moduleSources';
import { registryModuleKind } from './model/registryModules/sources';
import type { Instance } from './model/scope';
import { isVarFileName, valuesFromHclVarFile, valuesFromJsonVarFile, varFileOrder } from './model/tfvars';
import type { Value } from './model/values';
import type { AnalysisSettings } from './settings';
import type { ModuleFiles, SourceText } from './workspace';
import type { Finding } from './types';
import { runRules } from './rules/run';
import { readUsageFile } from './pricing/usage';
import type { EvaluatedModule, ModuleAnalysis, ModuleOrigin, UnreadModule } from './analysis';

/** What the evaluation of one analysis shares across its modules. */
interface EvaluationContext {
  settings: AnalysisSettings;
  files: ModuleFiles;
  manifest: ModuleManifest;
  /** The root module's folder: `path.root`, and where file functions' relative paths start. */
  rootDir: string;
}


const MAX_MODULE_DEPTH = 8;

export class Analyzer {
  private constructor(readonly parser: HclParser, private readonly shared: SharedParsing | undefined) {}

  /**
   * `parseBudgetMs` bounds the parse of one file (the server sets it; the CLI waits).
   * `parseThread` starts a second thread that shares the parsing of cold modules (`prepare`);
   * `log` hears why it could not start or stopped (results never depend on it).
   */
  static async create(options: { parseBudgetMs?: number; parseThread?: boolean; log?: (message: string) => void } = {}): Promise<Analyzer> {
    const workerData: ParseWorkerData = options.parseBudgetMs === undefined ? {} : { parseBudgetMs: options.parseBudgetMs };
    const [parser, thread] = await Promise.all([
      HclParser.create(convertEagerly, options.parseBudgetMs),
      options.parseThread ? ParseThread.start(join(__dirname, 'parseWorker.js'), workerData, options.log) : undefined,
    ]);
    return new Analyzer(parser, thread && new SharedParsing(parser, thread, convertEagerly));
  }

  parse(source: SourceText): HclFile {
    return this.parser.parse(source.path, source.text, source.version);
  }

  /**
   * Parses the files of `dirs` not parsed yet on two threads (parse/sharedParsing.ts); `analyze`
   * then finds them parsed. Open buffers (with a version) are left to `analyze`, which keeps
   * their trees for incremental re-parsing. Without a parse thread this does nothing: `analyze`
   * parses whatever it needs.
   */
  async prepare(dirs: readonly string[], files: ModuleFiles): Promise<SharedParseResult> {
    if (!this.shared?.usable) return { here: 0, onThread: 0 };
    const pending = dirs.flatMap((dir) => files.list(dir).tf)
      .map((path) => files.read(path))
      .filter((s): s is SourceText => s !== undefined && s.version === undefined && !this.parser.has(s.path, s.text));
    return this.shared.parse(pending);
  }

  /** `prepare` then `analyze`. */
  async analyzeAsync(dir: string, files: ModuleFiles, settings: AnalysisSettings): Promise<ModuleAnalysis> {
    await this.prepare([dir], files);
    return this.analyze(dir, files, settings);
  }

  analyze(dir: string, files: ModuleFiles, settings: AnalysisSettings): ModuleAnalysis {
    const listing = files.list(dir);
    const hclFiles = listing.tf.map((p) => files.read(p)).filter((s): s is SourceText => s !== undefined).map((s) => this.parse(s));
    const inputProblems: Finding[] = [];
    const variableValues = this.readVariableValues(listing.varFiles, settings.varFiles, files, inputProblems);
    const usage = readUsageFile(dir, listing.usageFile, settings.usageFile, files);
    inputProblems.push(...usage.problems);
    const module = buildModule(dir, hclFiles, variableValues);
    const manifest = ModuleManifest.read(dir, files);
    if (manifest.problem) inputProblems.push(inputProblem(dir, manifest.problem));
    const root = this.evaluateModule(module, '', '', { settings, files, manifest, rootDir: dir }, undefined, 0);
    const modules = flatten(root);
    const analysis: ModuleAnalysis = {
      dir, files: hclFiles, root, modules,
      endpoints: modules.flatMap((m) => m.endpoints),
      findings: [], inputProblems, settings,
      ...(usage.file ? { usage: usage.file } : {}),
    };
    analysis.findings = [...inputProblems, ...runRules(analysis)];
    return analysis;
  }

  private evaluateModule(
    module: TerraformModule, prefix: string, key: string, context: EvaluationContext,
    inherited: ((key: string) => ReturnType<typeof providerRegion> | undefined) | undefined, depth: number,
    inputAssumptions?: ReadonlyMap<string, ReadonlySet<Assumption>>, origin?: ModuleOrigin,
  ): EvaluatedModule {
    const children: EvaluatedModule[] = [];
    const unreadModules: UnreadModule[] = [];
    const evaluator: Evaluator = new Evaluator(module, {
      addressPrefix: prefix,
      rootDir: context.rootDir,
      ...fileAccess(context.files),
      ...(depth === 0 && module.providers.size === 0 ? { placeholderDefaults: true } : {}),
      ...(context.settings.region ? { regionSetting: { region: context.settings.region, label: context.settings.labels.region } } : {}),
      ...(inherited ? { inheritedProviderRegion: inherited } : {}),
      ...(inputAssumptions ? { inputAssumptions } : {}),
      loadChildModule: (call, caller, instance) => {
        const child = this.loadChild(call, caller, instance, key, context, depth, origin?.downloaded === true);
        if ('reason' in child) {
          if (!registryModuleKind(call)) unreadModules.push({ address: instance.address, call, reason: child.reason });
          return undefined;
        }
        children.push(child);
        return child.evaluator;
      },
    });
    // Child modules are evaluated on first reference; make sure every instance of every call is visited.
    for (const call of module.moduleCalls.values()) {
      const instances = evaluator.refs.moduleInstances(call);
      if (instances.known) for (const instance of instances.instances) evaluator.refs.childModule(call, instance);
      else if (!registryModuleKind(call)) unreadModules.push({ address: `${prefix}module.${call.name}`, call, reason: `its instances cannot be known (${instances.reason})` });
    }
    return {
      prefix, key, evaluator, endpoints: endpointViews(evaluator), network: networkView(evaluator),
      registry: registryModuleResources(evaluator, (call) => !evaluator.refs.hasChildCode(call)), children, unreadModules,
      ...(origin ? { origin } : {}),
    };
  }

  private loadChild(
    call: ModuleCall, caller: Evaluation, instance: Instance, callerKey: string, context: EvaluationContext, depth: number, callerDownloaded: boolean,
  ): EvaluatedModule | { reason: string } {
    if (depth >= MAX_MODULE_DEPTH) return { reason: `modules nested deeper than ${MAX_MODULE_DEPTH} levels are not read` };
    const key = moduleKey(callerKey, call);
    const location = locateModule(call, caller.module.dir, key, context.manifest);
    if (location.kind === 'unread') return location;
    const listing = context.files.list(location.dir);
    if (listing.tf.length === 0) return { reason: location.kind === 'local' ? `folder not found (or without .tf files): ${call.source}` : `the downloaded folder has no .tf files: run terraform init` };
    const hclFiles = listing.tf.map((p) => context.files.read(p)).filter((s): s is SourceText => s !== undefined).map((s) => this.parse(s));
    const inputs = new Map<string, Value>();
    // What an input rests on (the AZ table behind `azs = data.aws_availability_zones...`) goes with it.
    const inputAssumptions = new Map<string, ReadonlySet<Assumption>>();
    for (const [name, attribute] of call.inputs) {
      const { value, assumptions } = caller.withAssumptions(() => caller.evaluate(attribute.expr, instance.scope));
      inputs.set(name, value);
      if (assumptions.length > 0) inputAssumptions.set(name, new Set(assumptions));
    }
    const providerMap = providersArgument(call);
    const inherited = (providerKey: string) => providerRegion(caller, providerMap.get(providerKey) ?? providerKey);
    const origin = { call, downloaded: callerDownloaded || location.kind === 'downloaded' };
    return this.evaluateModule(buildModule(location.dir, hclFiles, inputs), `${instance.address}.`, key, context, inherited, depth + 1, inputAssumptions, origin);
  }

  private readVariableValues(auto: string[], extra: string[], files: ModuleFiles, problems: Finding[]): Map<string, Value> {
    const values = new Map<string, Value>();
    const ordered = [...auto.filter((p) => isVarFileName(basename(p))).sort(varFileOrder), ...extra];
    for (const path of ordered) {
      const source = files.read(path);
      if (!source) {
        problems.push(inputProblem(path, `Cannot read the var file ${path}.`));
        continue;
      }
      if (path.endsWith('.json')) {
        const parsed = valuesFromJsonVarFile(source.text);
        if ('error' in parsed) problems.push(inputProblem(path, `Var file ${basename(path)}: ${parsed.error}.`));
        else for (const [k, v] of parsed as Map<string, Value>) values.set(k, v);
        continue;
      }
      const hcl = this.parse(source);
      for (const error of hcl.syntaxErrors.slice(0, 1)) problems.push({ ...inputProblem(path, `Var file ${basename(path)}: ${error.message}`), range: error.range });
      for (const [k, v] of valuesFromHclVarFile(hcl)) values.set(k, v);
    }
    return values;
  }

  /** How many threads parse cold modules: 2 with a working parse thread, else 1. */
  get parseThreads(): number {
    return this.shared?.usable ? 2 : 1;
  }

  /** Forgets every parse: the next analysis of anything is cold (the parse thread stays). */
  forgetParses(): void {
    this.parser.clear();
  }

  dispose(): void {
    this.parser.dispose();
    void this.shared?.dispose();
  }
}

/** How built-in file functions read: bytes when the files offer them, else the text read for analysis. */
function fileAccess(files: ModuleFiles): Pick<ReferenceOptions, 'readFile' | 'listFiles'> {
  const readFile = files.readBytes
    ? (path: string) => files.readBytes!(path)
    : (path: string) => {
      const source = files.read(path);
      return source ? new TextEncoder().encode(source.text) : undefined;
    };
  return { readFile, ...(files.listFiles ? { listFiles: (dir: string) => files.listFiles!(dir) } : {}) };
}

function flatten(module: EvaluatedModule): EvaluatedModule[] {
  return [module, ...module.children.flatMap(flatten)];
}

function inputProblem(file: string, message: string): Finding {
  return { rule: 'VPCE000', severity: 'error', file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message, fixes: [] };
}

