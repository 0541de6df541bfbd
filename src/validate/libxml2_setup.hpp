// One-time libxml2 set-up shared by the validators: initialise the parser and refuse every external resource.
#pragma once

namespace ilo::validate {

// Safe to call any number of times from any thread. After it, libxml2 loads no
// DTD, entity or schema the document names: not from disk, never from the network.
void initialise_libxml2();

}  // namespace ilo::validate
