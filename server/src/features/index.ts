// The features the server offers, in one list (server.ts merges their capabilities).
import type { Feature } from './feature';

export const FEATURES: readonly Feature[] = [];
