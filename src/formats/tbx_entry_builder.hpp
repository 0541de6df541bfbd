// The part both TBX writers share: one concept as a v3 conceptEntry or a 2008 termEntry, with TBX-Basic's (or
// TBX-Core's) rules and the loss report.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "formats/tbx_basic_rules.hpp"
#include "formats/xml_tree.hpp"
#include "ilo_tbx/diagnostics.hpp"
#include "ilo_tbx/model.hpp"
#include "text/id_set.hpp"

namespace ilo::tbx_entry {

// The element names of one TBX version and the TBX-Basic rules that go with it.
struct Shape {
    tbx_basic::Edition edition;
    const char* entry;     // conceptEntry / termEntry
    const char* language;  // langSec / langSet
    const char* term;      // termSec / tig
    // TBX-Core: every data category and value the core structure can place is written as it is,
    // with no TBX-Basic category list or picklist, so nothing the model holds is turned into a note.
    bool open_categories = false;
    // TBX-Min: only its five data categories (tbx_basic::min_allows); everything else becomes a note.
    bool min_categories = false;
    // DCT style: each data category as an element of its module's namespace (<min:partOfSpeech>), and
    // what no module defines (or an attribute a module element cannot carry) goes in the loss report.
    // TBX-Core has no modules and looks the same in both styles, so open_categories ignores this.
    bool dct = false;
};
inline constexpr Shape v3_shape{tbx_basic::Edition::v3, "conceptEntry", "langSec", "termSec"};
inline constexpr Shape v3_core_shape{tbx_basic::Edition::v3, "conceptEntry", "langSec", "termSec", true};
inline constexpr Shape v3_min_shape{tbx_basic::Edition::v3, "conceptEntry", "langSec", "termSec", false, true};
inline constexpr Shape v2008_shape{tbx_basic::Edition::v2008, "termEntry", "langSet", "tig"};
// TBX 2008 core (<martif type="TBX">, TBXcoreStructV02.dtd): any named category, in the TBX-Basic 2008 structure.
inline constexpr Shape v2008_core_shape{tbx_basic::Edition::v2008, "termEntry", "langSet", "tig", true};

// Where in the model something is, for messages: "c1", "c1/en", "c1/en 'ILO'". It points into the concept
// being written, and its label is made only when a message needs it.
struct Place {
    const SourcePos* pos = nullptr;
    std::string_view concept_id;
    const std::string* language = nullptr;  // from the language level down
    const std::string* term = nullptr;      // at term level
    std::string label() const;
};

struct PendingReference {
    std::string target;
    SourcePos pos;
    std::string label;  // the Place's
};

// What the entries of one file share: the ids used so far and the targets to check at the end.
struct FileState {
    IdSet ids;
    std::vector<PendingReference> references;
};

// Builds the entry for `concept_value` as the root of `tree` (cleared first), for tree.print. Returns false,
// with an error, if the concept has no term anywhere and is left out. What the
// edition's TBX-Basic cannot hold becomes a note with a "tbx.loss" warning
// (docs/tbx-mapping.md).
bool build_entry(xml_tree::Tree& tree, const Concept& concept_value, const Shape& shape, Diagnostics& diagnostics,
                 FileState& state);

// Claims an id for something outside the entries (back matter); false if it is not an NCName or taken.
bool claim_file_id(FileState& state, const std::string& id);

// Reports every reference target that is not the id of anything written ("tbx.dangling-ref").
void check_references(const FileState& state, Diagnostics& diagnostics);

}  // namespace ilo::tbx_entry
