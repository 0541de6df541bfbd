// Language-tag normalisation: ICU checks the syntax, RFC 5646 case conventions give the spelling.
#include "ilo_tbx/language_tag.hpp"

#include <unicode/uloc.h>

#include <vector>

namespace ilo {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' || text.front() == '\r'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

// RFC 5646 section 2.1.1: language lower case, script title case, region upper
// case, everything after a singleton (extension or private use) lower case.
std::string canonical_case(std::string_view tag) {
    std::string out;
    bool after_singleton = false;
    std::size_t index = 0;
    std::size_t start = 0;
    while (start <= tag.size()) {
        std::size_t end = tag.find('-', start);
        if (end == std::string_view::npos) end = tag.size();
        std::string_view subtag = tag.substr(start, end - start);
        if (!out.empty()) out += '-';
        bool all_alpha = !subtag.empty();
        for (char c : subtag) all_alpha = all_alpha && is_alpha(c);
        for (std::size_t i = 0; i < subtag.size(); ++i) {
            char c = lower(subtag[i]);
            if (index > 0 && !after_singleton) {
                if (subtag.size() == 2 && all_alpha) c = upper(c);
                else if (subtag.size() == 4 && all_alpha && i == 0) c = upper(c);
            }
            out += c;
        }
        if (subtag.size() == 1) after_singleton = true;
        ++index;
        start = end + 1;
    }
    return out;
}

}  // namespace

LanguageTag normalise_language_tag(std::string_view text) {
    LanguageTag result;
    std::string_view trimmed = trim(text);
    std::string candidate(trimmed);
    for (char& c : candidate)
        if (c == '_') c = '-';
    result.tag = std::string(text);
    if (candidate.empty() || candidate.size() > 200) return result;
    for (char c : candidate)
        if (!is_alpha(c) && !is_digit(c) && c != '-') return result;
    if (candidate.front() == '-' || candidate.back() == '-' || candidate.find("--") != std::string::npos) return result;

    char locale[256];
    int32_t parsed = 0;
    UErrorCode status = U_ZERO_ERROR;
    uloc_forLanguageTag(candidate.c_str(), locale, sizeof locale, &parsed, &status);
    if (U_FAILURE(status) || parsed != static_cast<int32_t>(candidate.size())) return result;

    result.valid = true;
    result.tag = canonical_case(candidate);
    std::string primary = result.tag.substr(0, result.tag.find('-'));
    if (primary == "x" || primary == "i") {
        result.known = true;  // private use or grandfathered
    } else if (primary.size() == 3 && primary >= "qaa" && primary <= "qtz") {
        result.known = true;  // reserved for local use
    } else {
        result.known = uloc_getISO3Language(primary.c_str())[0] != '\0';
    }
    return result;
}

}  // namespace ilo
