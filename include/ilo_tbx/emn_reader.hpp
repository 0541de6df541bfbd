// Reader for the text rendering of an EMN Asylum and Migration Glossary page.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ilo_tbx/format.hpp"

namespace ilo {

// Reads one or more glossary entries from the page text in `input` and hands
// each to `sink` as a concept, after sink.header(). It never calls finish(), so
// that several pages can feed one sink. Lines it cannot place are warnings
// ("emn.unplaced-line"; errors when options.strict); a page with no head term
// ("emn.no-head-term") or no translation ("emn.no-translation") is an error and
// gives no concept.
void read_emn(const Input& input, const ReadOptions& options, Diagnostics& diagnostics, ConceptSink& sink);

// How the reader classified one line of a page, for `ilo-tbx export --explain`.
struct EmnLineRole {
    std::uint32_t line = 0;  // 1-based
    std::string role;        // e.g. "chrome", "title", "definition", "translation (bg)", "unplaced"
};

// Like read_emn, and also returns the role of every line of the page.
std::vector<EmnLineRole> explain_emn(const Input& input, const ReadOptions& options, Diagnostics& diagnostics,
                                     ConceptSink& sink);

// The slug of an English title, as the glossary's URLs use it: lower case, every
// run of characters other than [a-z0-9] turned into one '-', trimmed of '-'.
std::string emn_slug(std::string_view english_title);
// A valid, stable xml:id for a slug: the slug itself, prefixed "emn-" unless it starts with a letter.
std::string emn_concept_id(std::string_view slug);
// The entry's page on the glossary site.
std::string emn_page_url(std::string_view slug);

// The term-base header the reader announces.
TermBaseHeader emn_header();

}  // namespace ilo
