// The lint rules themselves, one function per level (text field, language section, concept, term base); internal to src/lint.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ilo_tbx/lint.hpp"

namespace ilo::lint::detail {

// One finding with the indices that order it in the report.
struct Located {
    std::size_t concept_index = 0;
    std::size_t language_rank = 0;  // 0: the concept itself, else language index + 1
    std::size_t term_rank = 0;      // 0: the section itself, else term index + 1
    Finding finding;
};
using Found = std::vector<Located>;

// A text field being checked, with what the rules need to know about its place.
struct TextField {
    FieldRef ref;
    std::string_view text;
    std::string_view language;  // empty on the concept level
    const Concept* concept_value = nullptr;
    const Term* term = nullptr;
    SourcePos pos;
};

// "pt-BR" -> "pt": the primary language subtag, lower case.
std::string primary_language(std::string_view tag);

bool is_abbreviation(const Term& term);

// The white-space fix: trims White_Space at both ends and folds inner runs of
// white space into one U+0020, except a run that is a single space or a single
// no-break character, which is kept.
std::string trim_space(std::string_view text);
std::string fold_inner_space(std::string_view text);
// Romanian s/t with cedilla (U+015E/F, U+0162/3) to the letters with comma below (U+0218/9, U+021A/B).
std::string cedilla_to_comma(std::string_view text);

void check_text_field(const TextField& field, Found& found);
void check_language_section(const Concept& concept_value, std::size_t concept_index, std::size_t language_index,
                            Found& found);
// coverage.missing-language alone, which needs the expected languages (by default known only at the end).
void check_coverage(const Concept& concept_value, std::size_t concept_index,
                    const std::vector<std::string>& expected_languages, Found& found);
// Every concept-level rule, coverage.missing-language for `expected_languages` included.
void check_concept(const Concept& concept_value, std::size_t concept_index,
                   const std::vector<std::string>& expected_languages, Found& found);

// consistency.shared-term: each (language, term in NFC) with the id of the first concept that has it. The keys
// and ids sit in large blocks, not one heap string each: an IATE-sized term base has millions of terms.
class SharedTermIndex {
public:
    void check(const Concept& concept_value, std::size_t concept_index, Found& found);

private:
    std::string_view store(std::string_view text);

    std::unordered_map<std::string_view, std::string_view> first_concept_;  // "language\0term" -> concept id
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::size_t block_used_ = 0;
    std::size_t block_size_ = 0;
};

}  // namespace ilo::lint::detail
