// Names for inserted resources that do not clash with existing addresses.
export function uniqueName(base: string, taken: (name: string) => boolean): string {
  const clean = base.replace(/[^A-Za-z0-9_-]/g, '_').replace(/^([^A-Za-z_])/, '_$1');
  if (!taken(clean)) return clean;
  for (let i = 2; ; i++) if (!taken(`${clean}_${i}`)) return `${clean}_${i}`;
}
