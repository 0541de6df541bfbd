// Scratch streams that stay in memory until they grow, then move to an unlinked temporary file (glibc fopencookie).
#include "io/scratch_file.hpp"

#include "io/write_fully.hpp"

#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

namespace ilo::io {

namespace {

struct ScratchState {
    std::size_t memory_limit = 0;
    std::string memory;        // the stream's bytes, until they move to `descriptor`
    std::size_t position = 0;  // in `memory`
    int descriptor = -1;
    int failure = 0;  // the errno of a failed move to a file: every later write fails with it
};

// A temporary file that is gone once closed: made in $TMPDIR, else /tmp, and unlinked at once.
int unlinked_temporary_file() {
    const char* directory = std::getenv("TMPDIR");
    std::string path = std::string(directory && *directory ? directory : "/tmp") + "/ilo-tbx-scratch-XXXXXX";
    const int descriptor = ::mkstemp(path.data());
    if (descriptor >= 0) ::unlink(path.c_str());
    return descriptor;
}

// Moves the bytes held in memory to a new temporary file, at the same position. Without a temporary directory
// that takes a file, they stay in memory: the writers worked that way before they spooled, and a sheet is better
// written with more memory than refused. A file that was made but cannot take the bytes is a failure.
bool move_to_file(ScratchState& state) {
    const int descriptor = unlinked_temporary_file();
    if (descriptor < 0) {
        state.memory_limit = static_cast<std::size_t>(-1);
        return true;
    }
    int saved = write_fully(descriptor, state.memory.data(), state.memory.size());
    if (saved == 0 && ::lseek(descriptor, static_cast<off_t>(state.position), SEEK_SET) < 0) saved = errno;
    if (saved != 0) {
        ::close(descriptor);
        errno = saved;
        return false;
    }
    state.descriptor = descriptor;
    std::string().swap(state.memory);
    return true;
}

ssize_t scratch_write(void* cookie, const char* data, std::size_t size) {
    auto& state = *static_cast<ScratchState*>(cookie);
    if (state.failure != 0) {
        errno = state.failure;
        return -1;
    }
    if (state.descriptor < 0 && size > state.memory_limit - std::min(state.position, state.memory_limit) &&
        !move_to_file(state)) {
        state.failure = errno != 0 ? errno : EIO;
        errno = state.failure;
        return -1;
    }
    if (state.descriptor >= 0) {
        const int failed = write_fully(state.descriptor, data, size);
        if (failed == 0) return static_cast<ssize_t>(size);
        errno = failed;
        return -1;
    }
    if (state.position + size > state.memory.size()) state.memory.resize(state.position + size);
    std::memcpy(state.memory.data() + state.position, data, size);
    state.position += size;
    return static_cast<ssize_t>(size);
}

ssize_t scratch_read(void* cookie, char* data, std::size_t size) {
    auto& state = *static_cast<ScratchState*>(cookie);
    if (state.descriptor >= 0) {
        ssize_t got;
        do got = ::read(state.descriptor, data, size);
        while (got < 0 && errno == EINTR);
        return got;
    }
    const std::size_t available = state.position < state.memory.size() ? state.memory.size() - state.position : 0;
    const std::size_t count = std::min(size, available);
    std::memcpy(data, state.memory.data() + state.position, count);
    state.position += count;
    return static_cast<ssize_t>(count);
}

int scratch_seek(void* cookie, off64_t* offset, int whence) {
    auto& state = *static_cast<ScratchState*>(cookie);
    if (state.descriptor >= 0) {
        const off64_t reached = ::lseek64(state.descriptor, *offset, whence);
        if (reached < 0) return -1;
        *offset = reached;
        return 0;
    }
    const off64_t base = whence == SEEK_SET   ? 0
                         : whence == SEEK_CUR ? static_cast<off64_t>(state.position)
                                              : static_cast<off64_t>(state.memory.size());
    const off64_t reached = base + *offset;
    if (reached < 0) {
        errno = EINVAL;
        return -1;
    }
    state.position = static_cast<std::size_t>(reached);
    *offset = reached;
    return 0;
}

int scratch_close(void* cookie) {
    auto* state = static_cast<ScratchState*>(cookie);
    const int result = state->descriptor >= 0 ? ::close(state->descriptor) : 0;
    delete state;
    return result;
}

}  // namespace

std::FILE* open_scratch(std::size_t memory_limit) {
    auto* state = new ScratchState;
    state->memory_limit = memory_limit;
    const cookie_io_functions_t functions{scratch_read, scratch_write, scratch_seek, scratch_close};
    std::FILE* file = ::fopencookie(state, "w+", functions);
    if (!file) delete state;
    return file;
}

}  // namespace ilo::io
