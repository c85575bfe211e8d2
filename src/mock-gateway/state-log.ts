import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type {
  StoredAgent,
  StoredApiKey,
  StoredAttachment,
  StoredMessage,
  StoredStatusEvent,
  StoredUser,
} from './types';

/** One line of the state file. Later lines win: a `msg` line is the whole row after a change. */
export type StateRecord =
  | { t: 'meta'; seed: number }
  | { t: 'user'; v: StoredUser }
  | { t: 'key'; v: StoredApiKey }
  | { t: 'agent'; v: StoredAgent }
  | { t: 'agent-del'; id: string }
  | { t: 'msg'; v: StoredMessage }
  | { t: 'msg-del'; id: string }
  | { t: 'att'; v: StoredAttachment; data: string }
  | { t: 'se'; v: StoredStatusEvent }
  | { t: 'read'; userId: string; channelId: string; at: string };

/**
 * Append-only JSONL log. Every change is one line; lines are buffered for the current tick and
 * written with one `writeSync`, and REST handlers call `flush()` before answering, so anything
 * acknowledged is in the kernel's page cache and survives a SIGKILL. A kill mid-write can only
 * leave a torn last line, which `readStateFile` drops. On open the file is compacted into a fresh
 * file renamed over the old one, so it never holds more than one run of superseded lines.
 */
export class StateLog {
  private fd: number | null = null;
  private pending: string[] = [];
  private scheduled = false;

  constructor(private readonly path: string) {}

  /** Writes the compacted snapshot, then opens the file for appending. */
  open(snapshot: StateRecord[]): void {
    const tmp = `${this.path}.tmp`;
    const fd = openSync(tmp, 'w');
    const chunk: string[] = [];
    for (const record of snapshot) {
      chunk.push(JSON.stringify(record));
      if (chunk.length >= 1000) writeSync(fd, chunk.splice(0).join('\n') + '\n');
    }
    if (chunk.length) writeSync(fd, chunk.join('\n') + '\n');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, this.path);
    this.fd = openSync(this.path, 'a');
  }

  append(record: StateRecord): void {
    if (this.fd === null) return;
    this.pending.push(JSON.stringify(record));
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    if (this.fd === null || this.pending.length === 0) return;
    const text = this.pending.join('\n') + '\n';
    this.pending = [];
    writeSync(this.fd, text);
  }

  close(): void {
    this.flush();
    if (this.fd !== null) {
      fsyncSync(this.fd);
      closeSync(this.fd);
    }
    this.fd = null;
  }
}

/** Reads a state file, skipping any line that does not parse (a torn tail after a kill). */
export function readStateFile(path: string): StateRecord[] | null {
  if (!existsSync(path)) return null;
  const records: StateRecord[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line) continue;
    try {
      records.push(JSON.parse(line) as StateRecord);
    } catch {
      // torn line: everything before it is intact
    }
  }
  return records;
}
