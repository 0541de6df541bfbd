// Helpers shared by the EMN reader tests: read a page from a string, find sections and terms.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ilo_tbx/emn_reader.hpp"

namespace ilo {

// Readable failure messages for diagnostics.
inline void PrintTo(const Diagnostic& diagnostic, std::ostream* out) { *out << format_diagnostic(diagnostic); }

namespace emn_test {

struct ReadResult {
    TermBase term_base;
    Diagnostics diagnostics;
    std::vector<EmnLineRole> roles;
};

inline ReadResult read_page(std::string_view text, ReadOptions options = {}) {
    ReadResult result;
    TermBaseCollector collector;
    result.roles = explain_emn(Input{"page.txt", text}, options, result.diagnostics, collector);
    result.term_base = std::move(collector.term_base());
    return result;
}

inline const LanguageSection* section(const Concept& concept_value, std::string_view language) {
    for (const LanguageSection& candidate : concept_value.languages)
        if (candidate.language == language) return &candidate;
    return nullptr;
}

inline std::vector<std::string> term_texts(const LanguageSection& language_section) {
    std::vector<std::string> texts;
    for (const Term& term : language_section.terms) texts.push_back(term.text);
    return texts;
}

inline std::vector<std::string> languages(const Concept& concept_value) {
    std::vector<std::string> tags;
    for (const LanguageSection& language_section : concept_value.languages) tags.push_back(language_section.language);
    return tags;
}

// The smallest page with every part: chrome, title, definition, source, translations.
inline std::string page_with(std::string_view translations, std::string_view tail = "") {
    std::string page =
        "Skip to main content\n"
        "Logo European Commission\n"
        "Migration and Home Affairs\n"
        "\n"
        "Test Term\n"
        "\n"
        "A definition of the test term.\n"
        "\n"
        "Source of the definition\n"
        "\n";
    page += translations;
    page += tail;
    return page;
}

inline constexpr std::string_view two_translations = "  \u2022 DE: Testbegriff\n  \u2022 FR: terme d'essai\n";

inline std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace emn_test
}  // namespace ilo
