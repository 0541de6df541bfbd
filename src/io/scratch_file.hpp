// A read-write scratch stream for writers that must keep what they wrote until something is known: in memory while
// small, moved to an unlinked temporary file in $TMPDIR (else /tmp) once it grows past a limit.
#pragma once

#include <cstddef>
#include <cstdio>

namespace ilo::io {

// The bytes a scratch stream keeps in memory before it moves them to a temporary file.
inline constexpr std::size_t scratch_memory_limit = std::size_t{1} << 20;

// A FILE* (written, then rewound and read) that the caller closes with fclose; nullptr only when the stream itself
// cannot be made. No file exists until the stream holds more than `memory_limit` bytes, so that small sheets need
// no writable temporary directory and cost no file system calls. When no temporary file can be made, the bytes
// stay in memory; when one was made but cannot take them (a full disk), the write fails, so that ferror() and
// fflush() report it with errno set to the cause.
std::FILE* open_scratch(std::size_t memory_limit = scratch_memory_limit);

}  // namespace ilo::io
