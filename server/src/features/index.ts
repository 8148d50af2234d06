// The features the server offers, in one list (server.ts merges their capabilities).
import { codeActionsFeature } from './codeActions';
import { codeLensFeature } from './codeLens';
import { commandsFeature } from './commands';
import { completionFeature } from './completion';
import type { Feature } from './feature';
import { hoverFeature } from './hover';
import { inlayHintsFeature } from './inlayHints';
import { statsFeature } from './stats';

export const FEATURES: readonly Feature[] = [hoverFeature, codeLensFeature, inlayHintsFeature, commandsFeature, completionFeature, codeActionsFeature, statsFeature];
