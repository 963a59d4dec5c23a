import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/** What an XLSX (a zip of XML parts) may declare before any part of it is inflated. */
export interface ArchiveLimits {
  readonly maxEntries: number;
  /** Largest inflated size of one part (a worksheet is streamed, not kept). */
  readonly maxEntryBytes: number;
  /** Largest inflated size of the shared strings, which the reader keeps in memory. */
  readonly maxSharedStringsBytes: number;
  readonly maxTotalBytes: number;
  /** Largest inflated/compressed ratio of a part over 1 MB (XLSX XML rarely passes 30). */
  readonly maxRatio: number;
}

export type ArchiveRefusal = 'unreadable' | 'too-large';

/** Thrown with the reason an archive is refused; the caller maps it to its own problem. */
export class ArchiveRefused extends Error {
  constructor(
    readonly reason: ArchiveRefusal,
    message: string,
  ) {
    super(message);
  }
}

interface ArchiveEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const STORED = 0;
const DEFLATED = 8;
const RATIO_FLOOR = 1024 * 1024;

/**
 * Refuses a zip bomb before anything inflates it: reads the central directory only, refuses too
 * many parts, declared sizes or ratios over the limits, zip64, and local entries the directory does
 * not list (a streaming reader would read them); then inflates each part into nothing, counting,
 * so that a part larger than it declares is refused too.
 */
export async function checkArchive(file: Buffer, limits: ArchiveLimits): Promise<void> {
  const entries = centralDirectory(file, limits);
  let total = 0;
  for (const entry of entries) {
    const cap =
      entry.name === 'xl/sharedStrings.xml' ? limits.maxSharedStringsBytes : limits.maxEntryBytes;
    if (entry.size > cap) {
      throw new ArchiveRefused(
        'too-large',
        `part ${entry.name} inflates to more than ${cap} bytes`,
      );
    }
    if (entry.size > RATIO_FLOOR && entry.size > limits.maxRatio * entry.compressedSize) {
      throw new ArchiveRefused(
        'too-large',
        `part ${entry.name} is compressed more than ${limits.maxRatio}:1`,
      );
    }
    total += entry.size;
    if (total > limits.maxTotalBytes) {
      throw new ArchiveRefused(
        'too-large',
        `the parts inflate to more than ${limits.maxTotalBytes} bytes`,
      );
    }
  }
  checkLocalEntries(file, entries);
  for (const entry of entries) {
    if (entry.method === DEFLATED) await checkInflatedSize(file, entry);
  }
}

function centralDirectory(file: Buffer, limits: ArchiveLimits): ArchiveEntry[] {
  const end = findEndOfCentralDirectory(file);
  const count = file.readUInt16LE(end + 10);
  const size = file.readUInt32LE(end + 12);
  const offset = file.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    throw new ArchiveRefused('unreadable', 'zip64 archives are not XLSX workbooks');
  }
  if (count > limits.maxEntries) {
    throw new ArchiveRefused('too-large', `the archive has more than ${limits.maxEntries} parts`);
  }
  if (offset + size > end) throw new ArchiveRefused('unreadable', 'the central directory is cut');
  const entries: ArchiveEntry[] = [];
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > offset + size || file.readUInt32LE(at) !== CENTRAL) {
      throw new ArchiveRefused('unreadable', 'the central directory is damaged');
    }
    const nameLength = file.readUInt16LE(at + 28);
    const entry: ArchiveEntry = {
      name: file.toString('latin1', at + 46, at + 46 + nameLength),
      method: file.readUInt16LE(at + 10),
      compressedSize: file.readUInt32LE(at + 20),
      size: file.readUInt32LE(at + 24),
      localOffset: file.readUInt32LE(at + 42),
    };
    if (entry.method !== STORED && entry.method !== DEFLATED) {
      throw new ArchiveRefused('unreadable', `part ${entry.name} uses an unknown compression`);
    }
    if (entry.method === STORED && entry.size !== entry.compressedSize) {
      throw new ArchiveRefused('unreadable', `part ${entry.name} has inconsistent sizes`);
    }
    entries.push(entry);
    at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  return entries;
}

function findEndOfCentralDirectory(file: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  const lowest = Math.max(0, file.length - 22 - 0xffff);
  for (let at = file.length - 22; at >= lowest; at--) {
    if (file.readUInt32LE(at) === EOCD) return at;
  }
  throw new ArchiveRefused('unreadable', 'not a zip archive');
}

/**
 * The local entries must tile the file from its first byte to the central directory, each where
 * the directory says and of the size it says: nothing hidden between them.
 */
function checkLocalEntries(file: Buffer, entries: readonly ArchiveEntry[]): void {
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  for (const entry of byOffset) {
    const at = entry.localOffset;
    if (at !== expected || at + 30 > file.length || file.readUInt32LE(at) !== LOCAL) {
      throw new ArchiveRefused('unreadable', `part ${entry.name} is not where the directory says`);
    }
    const flags = file.readUInt16LE(at + 6);
    const dataStart = at + 30 + file.readUInt16LE(at + 26) + file.readUInt16LE(at + 28);
    let next = dataStart + entry.compressedSize;
    if (flags & 0x8) {
      // Sizes follow the data in a descriptor, with or without its signature.
      next += next + 4 <= file.length && file.readUInt32LE(next) === DESCRIPTOR ? 16 : 12;
    } else if (
      file.readUInt32LE(at + 18) !== entry.compressedSize ||
      file.readUInt32LE(at + 22) !== entry.size
    ) {
      throw new ArchiveRefused('unreadable', `part ${entry.name} has inconsistent sizes`);
    }
    expected = next;
  }
  const end = findEndOfCentralDirectory(file);
  if (expected !== file.readUInt32LE(end + 16)) {
    throw new ArchiveRefused('unreadable', 'the archive holds data its directory does not list');
  }
}

async function checkInflatedSize(file: Buffer, entry: ArchiveEntry): Promise<void> {
  const at = entry.localOffset;
  const dataStart = at + 30 + file.readUInt16LE(at + 26) + file.readUInt16LE(at + 28);
  const inflate = createInflateRaw();
  let size = 0;
  try {
    for await (const chunk of Readable.from([
      file.subarray(dataStart, dataStart + entry.compressedSize),
    ]).pipe(inflate)) {
      size += (chunk as Buffer).length;
      if (size > entry.size) {
        throw new ArchiveRefused(
          'too-large',
          `part ${entry.name} inflates beyond its declared size`,
        );
      }
    }
  } catch (error) {
    inflate.destroy();
    if (error instanceof ArchiveRefused) throw error;
    throw new ArchiveRefused('unreadable', `part ${entry.name} is damaged`);
  }
}
