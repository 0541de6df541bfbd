// Unicode helpers for the lint rules: thin wrappers over ICU so the rules read as plain C++.
#include "lint/unicode_text.hpp"

#include "text/text_decoding.hpp"
#include "text/unicode_text.hpp"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/ulocdata.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace ilo::lint::text {

namespace {
UChar32 as_icu(char32_t c) { return static_cast<UChar32>(c); }

const icu::Normalizer2* nfc_instance() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? normalizer : nullptr;
}

struct SpoofCloser {
    void operator()(USpoofChecker* checker) const { uspoof_close(checker); }
};
}  // namespace

// Decoding and encoding are the readers' own (text/unicode_text), so that lint and the readers agree on
// what an invalid byte sequence is.
std::u32string decode(std::string_view utf8) {
    // Every field of a term base is decoded for the rules, and most of its characters are ASCII.
    std::u32string result(utf8.size(), U'\0');  // at most one code point per byte
    std::size_t count = 0;
    for (std::size_t offset = 0; offset < utf8.size();) {
        const auto byte = static_cast<unsigned char>(utf8[offset]);
        if (byte < 0x80) {
            result[count++] = byte;
            ++offset;
            continue;
        }
        const ilo::text::CodePoint point = ilo::text::decode(utf8, offset);
        result[count++] = point.value;
        offset += point.length;
    }
    result.resize(count);
    return result;
}

std::string encode(char32_t code_point) {
    std::string result;
    ilo::text::append_utf8(result, code_point);
    return result;
}

std::string encode(std::u32string_view code_points) {
    std::string result;
    result.reserve(code_points.size());
    for (char32_t c : code_points) ilo::text::append_utf8(result, c);
    return result;
}

bool is_nfc(std::string_view utf8) {
    const icu::Normalizer2* normalizer = nfc_instance();
    if (!normalizer) return true;
    // Lint asks this of every field, and nearly every field is in NFC already: ASCII always is, and ICU tells the
    // rest without converting it. Text that is not valid UTF-8 is not: to_nfc replaces its bad bytes.
    if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return true;
    std::size_t checked = 0;
    if (find_invalid_utf8(utf8, true, checked) != std::string_view::npos) return false;
    UErrorCode status = U_ZERO_ERROR;
    const bool normalized =
        normalizer->isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())), status);
    return U_SUCCESS(status) && normalized;
}

std::string to_nfc(std::string_view utf8) {
    const icu::Normalizer2* normalizer = nfc_instance();
    if (!normalizer || is_nfc(utf8)) return std::string(utf8);
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
    icu::UnicodeString normalized = normalizer->normalize(text, status);
    if (U_FAILURE(status)) return std::string(utf8);
    std::string result;
    normalized.toUTF8String(result);
    return result;
}

// The rules ask these of every character: ASCII is answered without ICU (tab to carriage return and space are
// white space; no ASCII character has line break class GL).
bool is_white_space(char32_t c) {
    if (c < 0x80) return c == U' ' || (c >= U'\t' && c <= U'\r');
    return u_isUWhiteSpace(as_icu(c));
}

bool is_no_break(char32_t c) {
    if (c < 0x80) return false;
    const auto line_break = static_cast<ULineBreak>(u_getIntPropertyValue(as_icu(c), UCHAR_LINE_BREAK));
    return line_break == U_LB_GLUE && (u_isUWhiteSpace(as_icu(c)) || u_hasBinaryProperty(as_icu(c), UCHAR_DASH));
}

bool is_format(char32_t c) { return u_charType(as_icu(c)) == U_FORMAT_CHAR; }
bool is_control(char32_t c) { return u_charType(as_icu(c)) == U_CONTROL_CHAR; }
bool is_letter(char32_t c) { return ilo::text::is_letter(c); }
bool is_mark(char32_t c) { return (U_GET_GC_MASK(as_icu(c)) & U_GC_M_MASK) != 0; }
bool is_digit(char32_t c) { return u_charType(as_icu(c)) == U_DECIMAL_DIGIT_NUMBER; }
bool is_upper(char32_t c) { return u_isUUppercase(as_icu(c)) || u_istitle(as_icu(c)); }
bool is_lower(char32_t c) { return ilo::text::is_lower(c); }
bool is_sentence_terminal(char32_t c) { return u_hasBinaryProperty(as_icu(c), UCHAR_S_TERM); }

bool is_closing_punctuation(char32_t c) {
    const std::int8_t type = u_charType(as_icu(c));
    return type == U_END_PUNCTUATION || type == U_FINAL_PUNCTUATION ||
           u_hasBinaryProperty(as_icu(c), UCHAR_QUOTATION_MARK);
}

int script_of(char32_t c) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(as_icu(c), &status);
    return U_SUCCESS(status) ? static_cast<int>(script) : static_cast<int>(USCRIPT_UNKNOWN);
}

bool is_script_neutral(int script_code) {
    return script_code == USCRIPT_COMMON || script_code == USCRIPT_INHERITED || script_code == USCRIPT_UNKNOWN;
}

std::string script_name(int script_code) {
    const char* name = uscript_getName(static_cast<UScriptCode>(script_code));
    return name ? std::string(name) : std::string("Unknown");
}

std::u32string lower_first(std::u32string_view text, std::string_view language) {
    if (text.empty()) return std::u32string(text);
    icu::UnicodeString first(as_icu(text.front()));
    first.toLower(icu::Locale(std::string(language).c_str()));
    std::string utf8;
    first.toUTF8String(utf8);
    std::u32string result = decode(utf8);
    result.append(text.substr(1));
    return result;
}

namespace {

// Lint asks for the same few languages' data once per text field, and each ICU lookup opens resource bundles:
// a per-thread memo, emptied when it grows past what a term base's languages need (fuzzed input has many).
template <typename Value>
const Value& memoised(std::string_view key, Value (*compute)(std::string_view)) {
    thread_local std::unordered_map<std::string, Value> memo;
    if (auto found = memo.find(std::string(key)); found != memo.end()) return found->second;
    if (memo.size() >= 512) memo.clear();
    return memo.emplace(std::string(key), compute(key)).first->second;
}

std::string compute_language_name(std::string_view tag) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(icu::StringPiece(tag.data(), static_cast<std::int32_t>(tag.size())), status);
    if (U_FAILURE(status)) return std::string(tag);
    icu::UnicodeString name;
    locale.getDisplayLanguage(icu::Locale::getEnglish(), name);
    std::string result;
    name.toUTF8String(result);
    if (result.empty() || result == locale.getLanguage()) return std::string(tag);
    return result;
}

std::u32string compute_cldr_quotation_marks(std::string_view language) {
    // ICU's locale ids are not BCP 47 tags: "pt-BR" is "pt_BR", and taken as it is would fall back to root.
    const std::string tag(language);
    char locale_id[ULOC_FULLNAME_CAPACITY] = {};
    std::int32_t parsed = 0;
    UErrorCode status = U_ZERO_ERROR;
    uloc_forLanguageTag(tag.c_str(), locale_id, sizeof locale_id, &parsed, &status);
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING) return {};
    ULocaleData* data = ulocdata_open(locale_id, &status);
    // A locale ICU does not know falls back to root's marks, which say nothing about the language. A known one
    // may inherit root's marks ("pt" and root both use “” and ‘’): those are its own.
    if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING || !data) {
        if (data) ulocdata_close(data);
        return {};
    }
    std::u32string marks;
    constexpr ULocaleDataDelimiterType kinds[] = {ULOCDATA_QUOTATION_START, ULOCDATA_QUOTATION_END,
                                                  ULOCDATA_ALT_QUOTATION_START, ULOCDATA_ALT_QUOTATION_END};
    for (ULocaleDataDelimiterType kind : kinds) {
        UChar buffer[8];
        UErrorCode delimiter_status = U_ZERO_ERROR;
        const std::int32_t length = ulocdata_getDelimiter(data, kind, buffer, 8, &delimiter_status);
        if (U_FAILURE(delimiter_status)) {
            ulocdata_close(data);
            return {};
        }
        std::string utf8;
        icu::UnicodeString(buffer, length).toUTF8String(utf8);
        marks += decode(utf8);
    }
    ulocdata_close(data);
    return marks;
}

}  // namespace

std::string language_name(std::string_view tag) {
    return memoised<std::string>(tag, compute_language_name);
}

std::u32string cldr_quotation_marks(std::string_view language) {
    return memoised<std::u32string>(language, compute_cldr_quotation_marks);
}

std::string describe(char32_t c) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
    char name[128];
    UErrorCode status = U_ZERO_ERROR;
    const std::int32_t length = u_charName(as_icu(c), U_UNICODE_CHAR_NAME, name, sizeof name, &status);
    std::string result;
    const bool visible = !is_white_space(c) && !is_format(c) && !is_control(c) && !is_mark(c);
    if (visible) result += "'" + encode(c) + "' ";
    result += code;
    if (U_SUCCESS(status) && length > 0) result += std::string(" ") + std::string(name, static_cast<std::size_t>(length));
    return result;
}

namespace {

// Each letter of one script, by its UTS #39 skeleton, in code point order.
using SkeletonIndex = std::unordered_map<std::u16string, std::vector<char32_t>>;

std::u16string skeleton_of(const USpoofChecker* checker, UChar32 c) {
    icu::UnicodeString skeleton;
    UErrorCode status = U_ZERO_ERROR;
    uspoof_getSkeletonUnicodeString(checker, 0, icu::UnicodeString(c), skeleton, &status);
    if (U_FAILURE(status)) return {};
    return std::u16string(skeleton.getBuffer(), static_cast<std::size_t>(skeleton.length()));
}

// Built once per script and kept: a script has up to ~100,000 letters (Han), and searching them for every
// mixed-script character made lint take seconds on one CJK term with a Latin letter in it.
const SkeletonIndex* skeleton_index(const USpoofChecker* checker, int script_code) {
    static std::mutex mutex;
    static std::map<int, std::unique_ptr<SkeletonIndex>> indexes;
    std::lock_guard<std::mutex> lock(mutex);
    auto& index = indexes[script_code];
    if (index) return index.get();
    index = std::make_unique<SkeletonIndex>();
    UErrorCode status = U_ZERO_ERROR;
    const std::string pattern =
        std::string("[[:Script=") + uscript_getShortName(static_cast<UScriptCode>(script_code)) + ":]&[:L:]]";
    icu::UnicodeSet letters(icu::UnicodeString::fromUTF8(pattern), status);
    if (U_FAILURE(status)) return index.get();
    for (std::int32_t range = 0; range < letters.getRangeCount(); ++range)
        for (UChar32 letter = letters.getRangeStart(range); letter <= letters.getRangeEnd(range); ++letter)
            if (std::u16string skeleton = skeleton_of(checker, letter); !skeleton.empty())
                (*index)[skeleton].push_back(static_cast<char32_t>(letter));
    return index.get();
}

}  // namespace

char32_t confusable_in_script(char32_t c, int script_code) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<USpoofChecker, SpoofCloser> checker(uspoof_open(&status));
    if (U_FAILURE(status)) return 0;
    const std::u16string skeleton = skeleton_of(checker.get(), as_icu(c));
    if (skeleton.empty()) return 0;
    const SkeletonIndex* index = skeleton_index(checker.get(), script_code);
    auto found = index->find(skeleton);
    if (found == index->end()) return 0;
    for (char32_t candidate : found->second)
        if (is_upper(candidate) == is_upper(c)) return candidate;
    return found->second.front();
}

}  // namespace ilo::lint::text
