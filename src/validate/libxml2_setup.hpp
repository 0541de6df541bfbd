// One-time libxml2 set-up shared by the validators: initialise the parser and refuse every external resource.
#pragma once

#include <string>

namespace ilo::validate {

// Safe to call any number of times from any thread. After it, libxml2 loads no
// DTD, entity or schema the document names: not from disk, never from the network.
void initialise_libxml2();

// libxml2 reports a few failures only through its "generic" error function, which prints to stderr: bytes that
// cannot be converted from the declared encoding ("input conversion failed", "encoder error"), and I/O errors.
// The library never prints, so after initialise_libxml2() these messages are kept, per thread, until taken. Call
// take_libxml2_messages() on the parsing thread before a parse (to clear) and after it.
std::string take_libxml2_messages();

// Whether messages taken from libxml2 say that the input's bytes could not be decoded.
bool is_encoding_failure(const std::string& libxml2_messages);

}  // namespace ilo::validate
