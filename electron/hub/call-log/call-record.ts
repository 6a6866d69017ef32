// Where a finished call goes: the call log implements this; the gateway only records.
import type { CallRecord } from '../contract/call-log-shapes.ts';

export interface CallRecorder {
  record(entry: CallRecord): void;
}
