// What TBX-Basic allows where (data categories, levels, picklists) and the XML value checks every TBX writer needs.
#pragma once

#include <string>
#include <string_view>

#include "ilo_tbx/language_tag.hpp"
#include "ilo_tbx/model.hpp"

namespace ilo::tbx_basic {

// Which TBX-Basic: 1.2.1 for TBX v3, or the 2008 one (TBXBasicXCSV02.xcs and
// TBXBasicRNGV02.rng), whose levels and picklists differ in a few places
// (customerSubset only on terms, no xref at language level, properNoun...).
enum class Edition { v3, v2008 };

// The picklists of TBX-Basic 1.2.1 (LTAC's TBX-Basic DCA Schematron and Basic module).
bool is_administrative_status(std::string_view value);
bool is_part_of_speech(std::string_view value);  // v3's list; 2008 adds properNoun
bool is_grammatical_gender(std::string_view value);
bool is_term_type(std::string_view value);
bool is_term_location(std::string_view value);
bool is_transaction_type(std::string_view value);

// Whether TBX-Basic lets a data category of this element and type sit at this
// level (DCA style: element "descrip", type "definition"...). "note" takes any
// level and no type. For termNote the value must also be in its picklist, if any.
bool allows(std::string_view element, std::string_view type, Level level, std::string_view value,
            Edition edition = Edition::v3);

// Why allows() said no, in words for a loss report ("TBX-Basic allows definition
// only at concept and language level").
std::string refusal_reason(std::string_view element, std::string_view type, Level level, std::string_view value,
                           Edition edition = Edition::v3);

// TBX-Min (v3): its five data categories, levels and picklists (TBX-Min_DCA.sch "dialectEnforcement" and
// "module.min.*", Min.rng): customerSubset, subjectField, administrativeStatus, partOfSpeech and
// externalCrossReference. "note" takes any level and no type.
bool min_allows(std::string_view element, std::string_view type, Level level, std::string_view value);
// Why min_allows() said no: "grammaticalGender: TBX-Min has no such category", or the level or picklist.
std::string min_refusal_reason(std::string_view element, std::string_view type, Level level, std::string_view value);

// The DCT module whose namespace holds a v3 data category ("min" for partOfSpeech, "basic" for definition),
// or empty when neither the Min nor the Basic module defines an element for it (Min.rng, Basic.rng).
std::string_view dct_module(std::string_view element, std::string_view type);
// The namespace of a DCT module ("http://www.tbxinfo.net/ns/min"); empty if unknown.
std::string_view dct_namespace(std::string_view module);

// TBX-Basic's crossReference has no kind, so the writers spell it in front of a label ("Broader term: "),
// and write a relation without a target as a note with that prefix; the reader takes both back.
std::string_view relation_prefix(RelationKind kind);
// The kind whose prefix `text` starts with, if any.
const RelationKind* relation_kind_of_prefix(std::string_view text);

}  // namespace ilo::tbx_basic

namespace ilo::xml_values {

// An XML NCName (the lexical space of xsd:ID and xml:id): what concept ids must be.
bool is_ncname(std::string_view text);

// is_language_tag() (xsd:language) is public: ilo_tbx/language_tag.hpp.

// xsd:date or xsd:dateTime, with real calendar days ("2010-02-30" is not a date).
bool is_xsd_date_or_date_time(std::string_view text);

// An absolute http or https URL with no white space or control characters, which
// is what TBX's Schematron accepts in a target that is not an id.
bool is_http_url(std::string_view text);

// Whether sanitized() would leave `text` as it is: valid UTF-8 with no character XML 1.0 forbids.
// ASCII text is decided eight bytes at a time.
bool is_clean_xml_text(std::string_view text);

// Returns `text` with invalid UTF-8 and characters XML 1.0 forbids (C0 controls
// other than tab, LF and CR; U+FFFE, U+FFFF) replaced by U+FFFD. `changed` tells
// whether anything was replaced.
std::string sanitized(std::string_view text, bool& changed);

}  // namespace ilo::xml_values
