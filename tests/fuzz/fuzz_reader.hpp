// Shared body of every reader fuzz target: read arbitrary bytes, feed what was read to every writer, check the properties.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <sstream>
#include <string>
#include <string_view>

#include "../support/model_difference.hpp"
#include "ilo_tbx/format.hpp"
#include "ilo_tbx/lint.hpp"
#include "ilo_tbx/native_validator.hpp"

namespace ilo::fuzz {

// A broken property: say which, with the diagnostics, then crash so that libFuzzer keeps the input.
[[noreturn]] inline void property_broken(const std::string& what, const Diagnostics& diagnostics) {
    std::fprintf(stderr, "fuzz property broken: %s\n", what.c_str());
    for (const Diagnostic& diagnostic : diagnostics.items()) std::fputs(format_diagnostic(diagnostic).c_str(), stderr);
    __builtin_trap();
}

struct WriterUnderTest {
    const Format* format;
    WriteOptions options;
    std::string name;
};

// libxlsxwriter's zip packaging costs a fixed few milliseconds per workbook (a deflate state for each of its ten
// parts, temporary files): 79% of an EMN or CSV target's execution when XLSX was written twice and read back, and
// still 68% when written once. Outside the XLSX target, XLSX is written for one input in eight, picked by a hash of
// the input so that a replay behaves the same, once and under the sanitizers only: its determinism and round trip
// are the XLSX target's (and the unit tests') to check.
enum class WriterChecks { all, sanitizers_only, skipped };

inline std::uint32_t fnv1a(std::string_view bytes) {
    std::uint32_t hash = 2166136261u;
    for (char byte : bytes) hash = (hash ^ static_cast<unsigned char>(byte)) * 16777619u;
    return hash;
}

inline WriterChecks checks_for(const WriterUnderTest& writer, std::string_view reader_name, std::string_view input) {
    if (writer.format->id != FormatId::xlsx || reader_name == "xlsx") return WriterChecks::all;
    return fnv1a(input) % 8 == 0 ? WriterChecks::sanitizers_only : WriterChecks::skipped;
}

// Every writer, the TBX v3 writer in each dialect, and the CSV writer in its lossless long layout.
inline std::vector<WriterUnderTest> writers_under_test() {
    std::vector<WriterUnderTest> writers;
    for (const Format& format : formats()) {
        if (!format.writer) continue;
        writers.push_back({&format, WriteOptions{}, std::string(format.name)});
        if (format.id == FormatId::tbx) {
            WriteOptions core;
            core.dialect = TbxDialect::core;
            writers.push_back({&format, core, "tbx (core)"});
        }
        // The long layout is the sheet that holds everything, in JSON cells the wide one never writes.
        if (format.id == FormatId::csv) {
            WriteOptions long_layout;
            long_layout.csv.layout = CsvLayout::long_form;
            writers.push_back({&format, long_layout, "csv (long)"});
        }
    }
    return writers;
}

// TBX-Basic 2008 requires the XCS reference <p type="XCSURI">, so the 2008 writer
// adds one to a header without it: an addition, not a loss, taken out before comparing.
inline void drop_added_xcs_reference(const TermBase& original, TermBase& reread) {
    auto is_xcs = [](const HeaderParagraph& paragraph) {
        return paragraph.section == "encodingDesc" && paragraph.type == "XCSURI";
    };
    if (std::any_of(original.paragraphs.begin(), original.paragraphs.end(), is_xcs)) return;
    std::erase_if(reread.paragraphs, is_xcs);
}

// TBX needs xml:lang on its root, so a TBX writer gives a term base without a source
// language "en" (tbx_writer.cpp, tbx2008_writer.cpp): an addition, taken out before comparing.
inline void drop_added_source_language(const TermBase& original, TermBase& reread) {
    if (original.source_language.empty() && reread.source_language == "en") reread.source_language.clear();
}

// A wide sheet has one column per language for the whole sheet, so a concept's language sections come back
// in the sheet's column order: the order of sections within a concept carries no meaning, and is set aside.
inline TermBase with_languages_in_tag_order(TermBase term_base) {
    for (Concept& concept_value : term_base.concepts)
        std::stable_sort(concept_value.languages.begin(), concept_value.languages.end(),
                         [](const LanguageSection& a, const LanguageSection& b) { return a.language < b.language; });
    return term_base;
}

// The counts of concepts, language sections and terms: what lint's fixes must leave alone.
inline std::vector<std::size_t> shape_of(const TermBase& term_base) {
    std::vector<std::size_t> shape{term_base.concepts.size()};
    for (const Concept& concept_value : term_base.concepts) {
        shape.push_back(concept_value.languages.size());
        for (const LanguageSection& language : concept_value.languages) shape.push_back(language.terms.size());
    }
    return shape;
}

// `ilo-tbx lint` and `lint --fix` on whatever was read: the fixes keep the term base's shape, leave no finding
// that they say they fix, and fixing again changes nothing.
inline void check_lint(const TermBase& term_base) {
    (void)lint::lint(term_base);
    lint::FixResult fixed = lint::fix(term_base);
    if (shape_of(fixed.term_base) != shape_of(term_base))
        property_broken("lint --fix changed the term base's shape", {});
    for (const lint::Finding& finding : lint::lint(fixed.term_base))
        if (finding.fixable)
            property_broken("lint --fix left a finding it fixes: " + finding.rule + ": " + finding.message, {});
    lint::FixResult again = lint::fix(fixed.term_base);
    if (!again.changes.empty()) {
        const lint::Change& change = again.changes.front();
        property_broken("lint --fix is not idempotent: '" + change.before + "' -> '" + change.after + "' (" +
                            (change.rules.empty() ? std::string() : change.rules.front()) + ")",
                        {});
    }
}

// What the reader made of the input read whole: the targets that also read it in chunks compare against this
// instead of reading it whole a second time.
struct WholeReading {
    TermBase term_base;
    Diagnostics diagnostics;
};

// Reads `data` with the named reader. Whatever it accepts goes to every writer, and:
//  - every TBX a writer produces without an error passes the native validator;
//  - a writer with a reader that reports nothing (no loss) gives back an equal model;
//  - writing is deterministic;
//  - lint --fix keeps the shape, fixes what it says it fixes, and is idempotent (check_lint).
// The sanitizers and libFuzzer judge everything else (crashes, leaks, hangs).
inline WholeReading read_then_write_everywhere(std::string_view reader_name, const std::uint8_t* data, std::size_t size,
                                               bool check_round_trip = true, const ReadOptions& read_options = {}) {
    static const std::vector<WriterUnderTest> writers = writers_under_test();
    const Format* reader = find_format(reader_name);
    if (!reader || !reader->read) __builtin_trap();  // a misnamed target must fail loudly, not fuzz nothing
    WholeReading whole;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    whole.term_base = read_term_base(*reader, Input{"fuzz-input", bytes}, read_options, whole.diagnostics);
    if (whole.diagnostics.has_errors()) return whole;
    const TermBase& term_base = whole.term_base;
    check_lint(term_base);
    for (const WriterUnderTest& writer : writers) {
        const WriterChecks checks = checks_for(writer, reader_name, bytes);
        if (checks == WriterChecks::skipped) continue;
        std::ostringstream out;
        Diagnostics write_diagnostics;
        write_term_base(*writer.format, term_base, out, writer.options, write_diagnostics);
        if (write_diagnostics.has_errors()) continue;  // refused (a bad id, a dangling reference...): fine
        const std::string written = out.str();
        if (checks == WriterChecks::sanitizers_only) continue;

        std::ostringstream again;
        Diagnostics again_diagnostics;
        write_term_base(*writer.format, term_base, again, writer.options, again_diagnostics);
        if (again.str() != written) property_broken(writer.name + ": writing the same model twice differs", {});

        if (writer.format->id == FormatId::tbx || writer.format->id == FormatId::tbx2008) {
            Diagnostics validation;
            validate::NativeResult result = validate::validate_native(written, "written", {}, validation);
            if (result.verdict != validate::Verdict::valid)
                property_broken(writer.name + ": the written TBX fails the native validator:\n" + written, validation);
        }

        const bool sheet = writer.format->id == FormatId::csv || writer.format->id == FormatId::tsv ||
                           writer.format->id == FormatId::xlsx;
        if (check_round_trip && writer.format->read && write_diagnostics.warning_count() == 0) {
            Diagnostics reread_diagnostics;
            TermBase reread =
                read_term_base(*writer.format, Input{"written", written}, ReadOptions{}, reread_diagnostics);
            if (reread_diagnostics.has_errors())
                property_broken(writer.name + ": its own reader refuses what it wrote:\n" + written, reread_diagnostics);
            if (writer.format->id == FormatId::tbx2008) drop_added_xcs_reference(term_base, reread);
            const bool tbx = writer.format->id == FormatId::tbx || writer.format->id == FormatId::tbx2008;
            if (tbx) drop_added_source_language(term_base, reread);
            const TermBase expected = sheet ? with_languages_in_tag_order(term_base) : term_base;
            if (sheet) reread = with_languages_in_tag_order(std::move(reread));
            if (!(reread == expected))
                property_broken(writer.name + ": no loss was reported, but the model read back differs in " +
                                    test::first_difference(expected, reread) + ":\n" + written,
                                write_diagnostics);
        }
    }
    return whole;
}

// The validator on the raw bytes: whatever they are, it must come back with a verdict.
inline void validate_raw(const std::uint8_t* data, std::size_t size) {
    Diagnostics diagnostics;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    validate::validate_native(bytes, "fuzz-input", {}, diagnostics);
}

}  // namespace ilo::fuzz
