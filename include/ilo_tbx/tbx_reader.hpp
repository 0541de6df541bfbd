// Reader for every TBX flavour: TBX v3 (DCA and DCT style), TBX 2008 (martif) and pre-ISO TBX-Min.
#pragma once

#include <string>

#include "ilo_tbx/format.hpp"

namespace ilo {

enum class TbxVersion { unknown, v3, v2008, min2013 };

// What a TBX file is, as far as its prolog and root element tell.
struct TbxFlavour {
    TbxVersion version = TbxVersion::unknown;
    std::string root;        // the root element as written: "tbx", "martif", "TBX"
    std::string dialect;     // the root's type (v3, 2008) or dialect (TBX-Min) attribute
    std::string style;       // v3: "dca" or "dct" (from the style attribute, else from module namespaces)
    std::string encoding;    // the input's encoding: "UTF-8", "UTF-16LE", "windows-1254"...
    bool doctype = false;    // a DOCTYPE was present (it is never loaded)
    bool misplaced_namespace = false;  // martif in the TBX v3 namespace
};

// A one-line description such as "TBX v3 (ISO 30042:2019), DCT style".
std::string describe(const TbxFlavour& flavour);

// Reads any TBX flavour from `input` and hands the header and then each concept
// to `sink` as soon as it is read; the file is parsed one entry at a time, so
// memory beyond the input text does not grow with the number of entries.
// Not-well-formed XML and unknown roots are errors with file:line:col; the reader
// then stops and the sink gets no finish(). Whatever the model does not name goes
// to `extra`; anything it cannot keep at all is a warning. External DTDs and
// entities are never loaded.
void read_tbx(const Input& input, const ReadOptions& options, Diagnostics& diagnostics, ConceptSink& sink);

// The same, and also fills `flavour` (when not null) as soon as the root is read.
void read_tbx(const Input& input, const ReadOptions& options, Diagnostics& diagnostics, ConceptSink& sink,
              TbxFlavour* flavour);

}  // namespace ilo
