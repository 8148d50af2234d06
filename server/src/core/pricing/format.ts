// Money for people: cents for amounts from a dime up, four decimals below that, because hourly
// and per-GB rates ($0.0140/h, $0.0035/GB) would all read "$0.01" in cents.
import { currency as catalogueCurrency } from './catalogue';
import { SETTING_DEFAULTS } from '../settings';

export interface CurrencyFormat {
  /** ISO 4217 code; defaults to the catalogue's currency (USD). */
  currency?: string;
  /** BCP 47 locale; defaults to the setting's default (en-US) so output is the same on every machine. */
  locale?: string;
  /** Fixed number of decimals, overriding the automatic choice. */
  decimals?: number;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: string, decimals: number): Intl.NumberFormat {
  const key = `${locale}|${currency}|${decimals}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(key, cached);
  }
  return cached;
}

export function formatMoney(amount: number, format: CurrencyFormat = {}): string {
  const currency = format.currency ?? catalogueCurrency;
  const locale = format.locale ?? SETTING_DEFAULTS['vpceLens.currencyFormat'].locale;
  if (!Number.isFinite(amount)) return `${amount} ${currency}`;
  const decimals = format.decimals ?? autoDecimals(amount);
  return formatter(locale, currency, decimals).format(amount);
}

function autoDecimals(amount: number): number {
  const size = Math.abs(amount);
  if (size === 0 || size >= 0.1) return 2;
  // Tiny but non-zero amounts keep two significant digits rather than showing as zero.
  return Math.min(10, Math.max(4, Math.ceil(-Math.log10(size)) + 1));
}

/** A change of money with its sign: `+$20.44`, `-$32.85`, `$0.00`. */
export function formatDelta(amount: number, format: CurrencyFormat = {}): string {
  return amount > 0 ? `+${formatMoney(amount, format)}` : formatMoney(amount, format);
}
