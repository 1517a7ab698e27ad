export { compileVoiceCommands, type CompiledCatalogue } from './compile';
export { GLOBAL_VOICE_COMMANDS, SMALL_TALK } from './global-commands';
export {
  ASK_MARGIN,
  createVoiceMatcher,
  matchVoiceCommand,
  MIN_SCORE,
  type MatchOptions,
  type VoiceMatcher,
} from './match';
export { RESIDENT_VOICE_COMMANDS } from './resident-commands';
export type { VoiceCommand, VoiceMatch } from './types';
