// Writes a whole buffer to a file descriptor, through short writes and signals: the one loop both io files use.
#pragma once

#include <unistd.h>

#include <cerrno>
#include <cstddef>

namespace ilo::io {

// Returns 0 once every byte is written, else the errno of the write that failed.
inline int write_fully(int descriptor, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t written = ::write(descriptor, data, size);
        if (written < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return 0;
}

}  // namespace ilo::io
