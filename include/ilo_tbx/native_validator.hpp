// The native TBX validator: one streaming pass checking core structure, dialect rules and integrity, in flat memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "ilo_tbx/diagnostics.hpp"

namespace ilo::validate {

// What the root element says the file is (the same flavours import reads).
enum class Flavour : std::uint8_t {
    unknown,
    v3,                    // <tbx xmlns="urn:iso:std:iso:30042:ed-2">
    v2008,                 // <martif>, no namespace
    v2008_in_v3_namespace, // <martif xmlns="urn:iso:std:iso:30042:ed-2">: a hybrid neither standard allows
    pre_iso_min,           // <TBX dialect="TBX-Min">, the 2013 pre-ISO TBX-Min
};

// The dialect a file declares in its root type attribute. `other` is any
// dialect we have no rules for: only the core structure and integrity apply.
enum class Dialect : std::uint8_t { core, basic, min, other };

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
    // validate_native_file: called with the size of each piece read from the file (for a progress line), on
    // the thread that validates.
    std::function<void(std::size_t)> on_read;
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
// Never loads a DTD, entity or anything else outside the file. Never throws for bad
// input: a file that cannot be opened or read is Verdict::unreadable with an
// "io.read" error; problems in it are errors and warnings in `diagnostics`.
NativeResult validate_native_file(const std::string& path, const std::string& display_name,
                                  const NativeOptions& options, Diagnostics& diagnostics);

// The same for a document already in memory (not kept after the call).
NativeResult validate_native(std::string_view document, const std::string& display_name,
                             const NativeOptions& options, Diagnostics& diagnostics);

// The same for a document that arrives in pieces, e.g. as a command writes it:
// feed() each piece in order, then finish() for the verdict. The pieces are
// not kept. One object checks one document, from one thread at a time.
class NativeStreamValidator {
public:
    NativeStreamValidator(const std::string& display_name, const NativeOptions& options, Diagnostics& diagnostics);
    ~NativeStreamValidator();
    NativeStreamValidator(const NativeStreamValidator&) = delete;
    NativeStreamValidator& operator=(const NativeStreamValidator&) = delete;

    void feed(std::string_view bytes);
    NativeResult finish();

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

std::string_view flavour_name(Flavour flavour);
std::string_view verdict_name(Verdict verdict);

// Whether `tag` is a well-formed BCP 47 language tag (ICU's parser must accept all of it).
bool is_bcp47_tag(std::string_view tag);
// Whether `target` is in the lexical space of xsd:anyURI, the type ISO 30042's core structure gives
// xref/@target: after white space is collapsed and the characters XLink escapes (spaces, non-ASCII,
// "<>{}|\^`) are taken as %XX, an RFC 3986 URI reference. Relative references ("xx",
// "wikipedia.org") are URI references; a bad %-escape, a second '#' or a scheme not starting with a
// letter ("1x:y") are not.
bool is_any_uri(std::string_view target);

}  // namespace ilo::validate
