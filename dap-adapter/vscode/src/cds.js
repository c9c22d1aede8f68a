'use strict';
// The adapter's class-data archive (AppCDS): the JVM writes it when an adapter exits and starts every later
// adapter from it (about 20% less CPU to the first answer). It lives in the extension's global storage and is
// rewritten by the JVM when the runtime or the Java changes. Pure node (no vscode import): unit-testable.
const fs = require('fs');
const path = require('path');

const DYNAMIC_ARCHIVE_MAGIC = 0xf00baba8;

/** True when the file starts like a dynamic CDS archive; false for anything else (e.g. a half-written one). */
function looksLikeArchive(file) {
  let fd;
  try {
    fd = fs.openSync(file, 'r');
    const b = Buffer.alloc(4);
    return fs.readSync(fd, b, 0, 4, 0) === 4 && b.readUInt32LE(0) === DYNAMIC_ARCHIVE_MAGIC;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * JVM options for the archive in storageDir (created when missing), for a Java of the given feature version.
 * A file there that is not an archive is removed (the JVM would refuse it and never rewrite it). JVM warnings
 * go to standard error, never into the DAP stream on standard output. [] when the folder cannot be made.
 */
function cdsOptions(storageDir, feature) {
  if (!storageDir || feature < 19) return [];
  try {
    fs.mkdirSync(storageDir, { recursive: true });
  } catch {
    return [];
  }
  const archive = path.join(storageDir, `rewind-dap-java${feature}.jsa`);
  if (fs.existsSync(archive) && !looksLikeArchive(archive)) fs.rmSync(archive, { force: true });
  return ['-Xlog:disable', '-Xlog:all=warning:stderr', '-Xlog:cds*=error:stderr', '-XX:+AutoCreateSharedArchive',
    `-XX:SharedArchiveFile=${archive}`];
}

module.exports = { cdsOptions, looksLikeArchive };
