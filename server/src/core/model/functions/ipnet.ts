// IP network functions: cidrhost cidrnetmask cidrsubnet cidrsubnets, for IPv4 and IPv6, with
// Terraform's rules (IPv4 octets with leading zeros are decimal; the prefix's host bits are
// cleared first; addresses are written as Go writes them).
import { type Value, evalError } from '../values';
import type { Impl } from './spec';

interface Network {
  bits: 32 | 128;
  /** The network address (host bits cleared). */
  address: bigint;
  prefix: number;
}

function parseIPv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
}

function parseIPv6(s: string): bigint | undefined {
  let groups: string[];
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const split = (h: string): string[] => (h === '' ? [] : h.split(':'));
  let tail: bigint | undefined;
  const expand = (parts: string[]): string[] | undefined => {
    const last = parts[parts.length - 1];
    if (last?.includes('.')) {
      const v4 = parseIPv4(last);
      if (v4 === undefined) return undefined;
      tail = v4;
      return [...parts.slice(0, -1), 'v4', 'v4'];
    }
    return parts;
  };
  if (halves.length === 2) {
    const head = split(halves[0]!);
    const rest = expand(split(halves[1]!));
    if (!rest || head.length + rest.length > 7) return undefined;
    groups = [...head, ...Array<string>(8 - head.length - rest.length).fill('0'), ...rest];
  } else {
    const all = expand(split(s));
    if (!all || all.length !== 8) return undefined;
    groups = all;
  }
  let value = 0n;
  for (const g of groups) {
    if (g === 'v4') continue;
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    value = (value << 16n) | BigInt(parseInt(g, 16));
  }
  return tail === undefined ? value : (value << 32n) | tail;
}

const mask = (bits: number, prefix: number): bigint => ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefix)) - 1n);

function parseCidr(text: string): Network | undefined {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const v6 = m[1]!.includes(':');
  const bits = v6 ? 128 : 32;
  const address = v6 ? parseIPv6(m[1]!) : parseIPv4(m[1]!);
  const prefix = Number(m[2]);
  if (address === undefined || prefix > bits) return undefined;
  return { bits, address: address & mask(bits, prefix), prefix };
}

/** An address as Go's net.IP.String() writes it (IPv4-mapped IPv6 addresses as IPv4). */
function formatAddress(bits: 32 | 128, address: bigint): string {
  if (bits === 32 || address >> 32n === 0xffffn) {
    return [24n, 16n, 8n, 0n].map((shift) => String((address >> shift) & 0xffn)).join('.');
  }
  const groups = Array.from({ length: 8 }, (_, i) => Number((address >> BigInt(112 - 16 * i)) & 0xffffn));
  // The longest run of two or more zero groups becomes "::" (the first such run on a tie).
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      best = i;
      bestLength = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLength).join(':')}`;
}

const formatNetwork = (n: Network): string => `${formatAddress(n.bits, n.address)}/${n.prefix}`;

function network(text: Value): Network | Value {
  return parseCidr(text as string) ?? evalError(`invalid CIDR expression: invalid CIDR address: ${text as string}`);
}

const isNetwork = (v: Network | Value): v is Network => typeof v === 'object' && v !== null && 'bits' in v && 'prefix' in v;

function integer(v: Value, what: string): bigint | Value {
  return Number.isInteger(v) ? BigInt(v as number) : evalError(`${what} must be a whole number`);
}

export const cidrhost: Impl = ([prefix, hostArg]) => {
  const net = network(prefix!);
  if (!isNetwork(net)) return net;
  let host = integer(hostArg!, 'the host number');
  if (typeof host !== 'bigint') return host;
  const maxHost = (1n << BigInt(net.bits - net.prefix)) - 1n;
  if (host < 0n) host = maxHost + host + 1n;
  if (host < 0n || host > maxHost) return evalError(`cidrhost(): prefix of ${net.prefix} does not accommodate a host numbered ${String(hostArg)}`);
  return formatAddress(net.bits, net.address | host);
};

export const cidrnetmask: Impl = ([prefix]) => {
  const net = network(prefix!);
  if (!isNetwork(net)) return net;
  if (net.bits !== 32) return evalError('cidrnetmask(): only IPv4 networks have a netmask');
  return formatAddress(32, mask(32, net.prefix));
};

export const cidrsubnet: Impl = ([prefix, newbitsArg, netnumArg]) => {
  const net = network(prefix!);
  if (!isNetwork(net)) return net;
  const newbits = integer(newbitsArg!, 'newbits');
  const netnum = integer(netnumArg!, 'netnum');
  if (typeof newbits !== 'bigint') return newbits;
  if (typeof netnum !== 'bigint') return netnum;
  if (newbits < 0n) return evalError('cidrsubnet(): newbits must not be negative');
  if (newbits > 32n) return evalError('cidrsubnet(): may not extend prefix by more than 32 bits');
  const length = net.prefix + Number(newbits);
  if (length > net.bits) return evalError(`cidrsubnet(): insufficient address space to extend prefix of ${net.prefix} by ${newbits}`);
  if (netnum < 0n || netnum > (1n << newbits) - 1n) return evalError(`cidrsubnet(): prefix extension of ${newbits} does not accommodate a subnet numbered ${netnum}`);
  return formatNetwork({ bits: net.bits, address: net.address | (netnum << BigInt(net.bits - length)), prefix: length });
};

/** The last address of a network. */
const lastAddress = (n: Network): bigint => n.address | ((1n << BigInt(n.bits - n.prefix)) - 1n);

/** cidrsubnets(prefix, newbits...): consecutive subnets, each aligned after the previous one (go-cidr's NextSubnet). */
export const cidrsubnets: Impl = ([prefix, ...newbitsArgs]) => {
  const net = network(prefix!);
  if (!isNetwork(net)) return net;
  if (newbitsArgs.length === 0) return [];
  const size = 1n << BigInt(net.bits);
  const lengths: number[] = [];
  for (const arg of newbitsArgs) {
    const n = integer(arg, 'newbits');
    if (typeof n !== 'bigint') return n;
    if (n < 1n) return evalError('cidrsubnets(): must extend prefix by at least one bit');
    if (n > 32n) return evalError('cidrsubnets(): may not extend prefix by more than 32 bits');
    const length = net.prefix + Number(n);
    if (length > net.bits) return evalError(`cidrsubnets(): would extend prefix to ${length} bits, which is too long for an IPv${net.bits === 32 ? 4 : 6} address`);
    lengths.push(length);
  }
  // Start just before the network, so that the first subnet is the network's first one.
  let current: Network = { bits: net.bits, address: ((net.address - 1n + size) % size) & mask(net.bits, lengths[0]!), prefix: lengths[0]! };
  const out: Value[] = [];
  for (const length of lengths) {
    const widened = lastAddress(current) & mask(net.bits, length);
    const next = (lastAddress({ bits: net.bits, address: widened, prefix: length }) + 1n) % size;
    const candidate: Network = { bits: net.bits, address: next & mask(net.bits, length), prefix: length };
    if (next === 0n || (candidate.address & mask(net.bits, net.prefix)) !== net.address) {
      return evalError(`cidrsubnets(): not enough remaining address space for a subnet with a prefix of ${length} bits after ${formatNetwork(current)}`);
    }
    current = candidate;
    out.push(formatNetwork(current));
  }
  return out;
};
