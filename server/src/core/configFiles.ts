// Which files of a folder are Terraform configuration: `*.tf`, and OpenTofu's `*.tofu`. When both
// `x.tf` and `x.tofu` are there, OpenTofu reads only `x.tofu` (opentofu.org/docs/language/files/,
// "Extension Precedence"), so a module written for both is analysed once, as OpenTofu sees it.

export const CONFIG_EXTENSIONS = ['.tf', '.tofu'] as const;

/** A Terraform or OpenTofu configuration file name or path. */
export function isConfigFile(path: string): boolean {
  return CONFIG_EXTENSIONS.some((ext) => path.endsWith(ext));
}

/** The configuration files among `paths` (one folder's), without the `.tf` files a `.tofu` twin replaces. */
export function configFilesOf(paths: readonly string[]): string[] {
  const all = new Set(paths.filter(isConfigFile));
  return [...all].filter((p) => !(p.endsWith('.tf') && all.has(`${p.slice(0, -'.tf'.length)}.tofu`)));
}
