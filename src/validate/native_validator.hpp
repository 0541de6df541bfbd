// The native TBX validator: one streaming pass checking core structure, dialect rules and integrity, in flat memory.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "diag/diagnostics.hpp"
#include "validate/dialect_rules.hpp"

namespace ilo::validate {

// What the root element says the file is (the same flavours import reads).
enum class Flavour : std::uint8_t {
    unknown,
    v3,                    // <tbx xmlns="urn:iso:std:iso:30042:ed-2">
    v2008,                 // <martif>, no namespace
    v2008_in_v3_namespace, // <martif xmlns="urn:iso:std:iso:30042:ed-2">: a hybrid neither standard allows
    pre_iso_min,           // <TBX dialect="TBX-Min">, the 2013 pre-ISO TBX-Min
};

enum class Verdict : std::uint8_t { valid, invalid, not_well_formed, unreadable };

struct NativeOptions {
    // False when structure is checked another way (RELAX NG): then only the
    // dialect rules and the integrity checks run.
    bool check_structure = true;
    // Stop after this many errors (0: no limit). The verdict is still right:
    // a file that reached the limit is invalid.
    std::size_t max_errors = 0;
    // Read only up to the root element: enough to learn the flavour and dialect.
    bool root_only = false;
};

struct NativeResult {
    Verdict verdict = Verdict::unreadable;
    Flavour flavour = Flavour::unknown;
    Dialect dialect = Dialect::other;
    std::string declared_type;  // the root's type (v3, 2008) or dialect (pre-ISO) attribute
    bool dct = false;
    std::size_t concepts = 0;
    bool stopped_early = false;  // max_errors reached
};

// Validates the file at `path` in one streaming pass (fixed-size reads; memory
// grows only with the number of ids). Diagnostics name the file `display_name`.
// Never loads a DTD, entity or anything else outside the file.
NativeResult validate_native_file(const std::string& path, const std::string& display_name,
                                  const NativeOptions& options, Diagnostics& diagnostics);

// The same for a document already in memory.
NativeResult validate_native(std::string_view document, const std::string& display_name,
                             const NativeOptions& options, Diagnostics& diagnostics);

std::string_view flavour_name(Flavour flavour);
std::string_view verdict_name(Verdict verdict);

// Whether `tag` is a well-formed BCP 47 language tag (ICU's parser must accept all of it).
bool is_bcp47_tag(std::string_view tag);
// Whether `target` is an absolute URL: a scheme of two or more letters, ':' and a non-empty rest, no spaces.
bool is_absolute_url(std::string_view target);

}  // namespace ilo::validate
