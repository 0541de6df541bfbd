// CSV/TSV writer: lays concepts out as wide, long or a CAT tool's sheet (rows for any SheetOutput), and accounts for what a layout drops.
#include "formats/csv_writer.hpp"

#include <unicode/uloc.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <unordered_map>

#include "formats/csv_layout.hpp"
#include "formats/csv_tokenizer.hpp"
#include "formats/json_reader.hpp"
#include "formats/json_writer.hpp"
#include "io/scratch_file.hpp"

namespace ilo {

namespace {

using csv::ColumnSpec;
using csv::Field;

constexpr Level C = Level::concept_level;
constexpr Level L = Level::language_level;
constexpr Level T = Level::term_level;

// Counts what a layout leaves out, for one warning at the end.
class DroppedValues {
public:
    // `what` is plural, with a '|' before the ending a count of one leaves out: "definition source|s".
    void add(const std::string& what, std::size_t count = 1) {
        if (count > 0) counts_[what] += count;
    }
    void add(const DroppedValues& other) {
        for (const auto& [what, count] : other.counts_) counts_[what] += count;
    }
    void report(Diagnostics& diagnostics, std::string_view layout, std::string_view hint) const {
        if (counts_.empty()) return;
        std::string list;
        for (const auto& [what, count] : counts_) {
            if (!list.empty()) list += ", ";
            std::string counted = what;
            if (std::size_t mark = counted.find('|'); mark != std::string::npos)
                counted.erase(mark, count == 1 ? counted.find_first_of(" (", mark) - mark : 1);
            list += std::to_string(count) + " " + counted;
        }
        diagnostics.warning({}, "csv.dropped",
                            "the " + std::string(layout) + " layout has no place for " + list + std::string(hint));
    }

private:
    std::map<std::string, std::size_t> counts_;
};

// The terms of languages a layout does not write (--langs leaves them out), for DroppedValues.
struct UnplacedLanguages {
    std::size_t terms = 0;
    std::vector<std::string> languages;  // in the order first met
    void count(const Concept& concept_value, const std::vector<std::string>& order);
    void report(DroppedValues& dropped) const;
};

bool is_forbidden_control_byte(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r';
}

std::string joined_notes(const std::vector<std::string>& notes, char separator) {
    return csv::join_items(notes, separator);
}

// CSV or TSV text: RFC 4180 quoting (none for OmegaT), CRLF line ends, a BOM where Excel needs one.
// Flushes a scratch file and rewinds it to read back what it holds (`what`, kept `until` something is known); false,
// with an io.write error, when it cannot.
bool rewind_scratch(std::FILE* spool, std::string_view what, std::string_view until, Diagnostics& diagnostics) {
    const bool flushed = std::fflush(spool) == 0;
    const int cause = flushed ? 0 : errno;
    if (!flushed || std::ferror(spool)) {
        const bool full = cause == 0 || cause == ENOSPC || cause == EDQUOT || cause == EFBIG;
        diagnostics.error({}, "io.write",
                          "cannot write the temporary file that holds " + std::string(what) + " " + std::string(until) +
                              (full ? " (is the temporary directory, $TMPDIR or else /tmp, full?)"
                                    : ", in $TMPDIR or else /tmp: " + std::string(std::strerror(cause))));
        return false;
    }
    if (std::fseek(spool, 0, SEEK_SET) != 0) {
        diagnostics.error({}, "io.write", "cannot read back the temporary file of " + std::string(what));
        return false;
    }
    return true;
}

class TextSheetOutput final : public csv::SheetOutput {
public:
    TextSheetOutput(std::ostream& out, const CsvOptions& options, bool tsv) : out_(out) {
        CsvProfile profile = options.profile;
        // OmegaT picks its reader by extension: .txt/.utf8/.tab are tab-separated (no quoting at all),
        // .csv comma-separated (RFC 4180 quotes, but within one line).
        delimiter_ = options.delimiter != '\0'                                          ? options.delimiter
                     : tsv                                                               ? '\t'
                     : (profile == CsvProfile::memoq || profile == CsvProfile::lokalise) ? ';'
                                                                                         : ',';
        quote_all_ = profile == CsvProfile::translate_toolkit;
        unquoted_ = profile == CsvProfile::omegat && delimiter_ == '\t';
        single_line_ = profile == CsvProfile::omegat;
        // Excel reads a .csv as UTF-8 only with a byte order mark; tools that parse
        // the header themselves are better served without one.
        bom_ = profile != CsvProfile::omegat && profile != CsvProfile::translate_toolkit &&
               profile != CsvProfile::crowdin && profile != CsvProfile::lokalise;
    }

    void comment(const std::string& text) override {
        start();
        out_ << text << "\r\n";
    }
    void row(const std::vector<std::string>& cells, const std::vector<bool>& quoted, bool) override {
        start();
        line_.clear();
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i > 0) line_ += delimiter_;
            if (unquoted_)
                line_ += cells[i];
            else
                csv::append_quoted_cell(line_, cells[i], delimiter_, quote_all_ || (i < quoted.size() && quoted[i]));
        }
        line_ += "\r\n";
        out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
    }
    bool plain_text() const override { return unquoted_; }
    bool single_line() const override { return single_line_; }
    char delimiter() const override { return delimiter_; }
    void finish() override { start(); }

private:
    void start() {
        if (bom_) out_ << "\xEF\xBB\xBF";
        bom_ = false;
    }

    std::ostream& out_;
    std::string line_;  // the row at hand: one write per row, not one per cell and delimiter
    char delimiter_ = ',';
    bool quote_all_ = false;
    bool unquoted_ = false;
    bool single_line_ = false;
    bool bom_ = true;
};

// --- long: one row per term, every model field -------------------------------

struct LongColumn {
    ColumnSpec spec;
    bool always = false;
};

std::vector<LongColumn> long_columns() {
    std::vector<LongColumn> columns;
    auto add = [&](Field field, Level level, bool always = false) {
        columns.push_back({ColumnSpec{field, level, {}, true, {}}, always});
    };
    add(Field::concept_id, C, true);
    add(Field::language, L, true);
    add(Field::language_section, L);
    add(Field::term, T, true);
    add(Field::term_id, T);
    add(Field::term_type, T, true);
    add(Field::administrative_status, T, true);
    add(Field::part_of_speech, T, true);
    add(Field::grammatical_gender, T);
    add(Field::geographical_usage, T);
    add(Field::context, T);
    add(Field::context_source, T);
    add(Field::term_source, T);
    add(Field::note, T, true);
    add(Field::definition, L, true);
    add(Field::definition_source, L, true);
    add(Field::definition_context, L);
    add(Field::definition_extra, L);
    add(Field::note, L, true);
    add(Field::subject_field, C, true);
    add(Field::origin_url, C);
    add(Field::definition, C);
    add(Field::definition_source, C);
    add(Field::definition_context, C);
    add(Field::definition_extra, C);
    add(Field::note, C, true);
    add(Field::relation_type, C);
    add(Field::relation_label, C);
    add(Field::relation_target, C);
    add(Field::relation_category, C);
    for (Level level : {C, L, T}) add(Field::transactions, level);
    for (Level level : {C, L, T}) add(Field::extras, level);
    return columns;
}

// What the wide layout writes of one concept: its cells, lists joined, and the first section of each language.
struct WideRecord {
    struct Language {
        std::string code, definitions, sources, terms;
    };
    std::string id, subject, definitions, sources, notes, url;
    std::vector<Language> languages;
};

// What the wide layout learns of one language from every concept: whether it needs definition columns, and what
// it cannot hold of it, reported if the language is written.
struct WideLanguage {
    std::string code;
    bool definitions = false, sources = false;
    DroppedValues dropped;
};

class CsvWriter final : public ConceptSink {
public:
    CsvWriter(std::unique_ptr<csv::SheetOutput> output, const WriteOptions& options, Diagnostics& diagnostics)
        : output_(std::move(output)), options_(options.csv), diagnostics_(diagnostics) {
        char core = '|';
        for (char c : options_.separator)
            if (c != ' ') core = c;
        separator_ = core;
        formula_escape_ = options_.formula_escape && options_.profile != CsvProfile::omegat;
    }

    void header(const TermBaseHeader& header) override { header_ = header; }
    void concept_entry(Concept concept_value) override {
        if (!long_decided_) start_long();
        if (long_.spool) {
            count_concept(concept_value);
            write_long_rows(concept_value);
        } else if (wide_layout()) {
            count_concept(concept_value);
            note_languages(concept_value);
            count_sheet_losses(concept_value);
            add_wide(concept_value);
        } else {
            count_concept(concept_value);
            note_languages(concept_value);
            if (!long_layout()) count_sheet_losses(concept_value);
            hold(std::move(concept_value));
        }
    }
    void finish() override;

private:
    void row(const std::vector<std::string>& cells, bool is_header = false, const std::vector<bool>& quoted = {});
    std::string without_control_characters(std::string text);
    std::vector<std::string> language_order(bool source_first);
    std::string source_language();
    std::optional<std::string> target_language(const std::string& source);
    std::string source_definition(const Concept& concept_value);
    void count_term_extras(const Term& term, bool keep_status, bool keep_pos, bool keep_notes, bool keep_context);
    static void count_term_extras(DroppedValues& dropped, const Term& term, bool keep_status, bool keep_pos,
                                  bool keep_notes, bool keep_context);
    void count_unplaced_languages(const std::vector<std::string>& order);
    void renumber_warning();
    void report_languageless(std::string_view layout, bool long_layout);
    void report_ids(std::string_view layout);
    void report_respelled_picklist_values();
    // What the reports at the end count of each concept, as it arrives or, held, at the end.
    void count_concept(const Concept& concept_value);
    // What no layout but the long one has a place for.
    void count_sheet_losses(const Concept& concept_value);

    // The long layout: each concept's rows go to a spool file with every column as they arrive, and finish()
    // writes the header of the columns that hold something, then the rows with those columns.
    void start_long();
    // The languages written (all, or the source and --langs) and every column, none used yet.
    void choose_long_columns();
    void write_long_rows(const Concept& concept_value);

    void write_long();
    bool wide_layout() const { return options_.profile == CsvProfile::none && options_.layout == CsvLayout::wide; }
    bool long_layout() const { return options_.profile == CsvProfile::none && options_.layout == CsvLayout::long_form; }
    // What the language order and the reports need of every concept, noted as it arrives.
    void note_languages(const Concept& concept_value);
    // The layouts that go over every concept when all have arrived (a tool's profile; the long layout before its
    // languages are known) keep them in a scratch file, one JSON line each, or in memory without one; for_each_held
    // reads them back in order.
    void hold(Concept concept_value);
    void for_each_held(const std::function<void(std::size_t, const Concept&)>& visit);
    // The wide layout: each concept's cells go to a spool file (or, without one, to memory) as they arrive, with
    // what decides the columns counted; finish() writes the header, then the rows.
    void add_wide(const Concept& concept_value);
    void write_wide();
    void write_memoq();
    void write_trados();
    void write_phrase();
    void write_crowdin();
    void write_lokalise();
    void write_matecat();
    void write_pair(bool omegat);

    std::unique_ptr<csv::SheetOutput> output_;
    const CsvOptions& options_;
    Diagnostics& diagnostics_;
    char separator_ = '|';
    bool formula_escape_ = true;
    TermBaseHeader header_;
    // The concepts held (see hold()).
    struct Held {
        std::unique_ptr<std::FILE, int (*)(std::FILE*)> spool{nullptr, &std::fclose};
        bool spool_failed = false;
        std::size_t count = 0;
        std::vector<Concept> in_memory;  // when no spool file could be made
    } held_;
    // What note_languages() saw: the languages in order of first appearance with their terms, whether "en" is among
    // them, the first concept's first language, and whether the ids are 1, 2, 3...
    struct LanguageSeen {
        std::string code;
        std::size_t terms = 0;
    };
    std::vector<LanguageSeen> languages_seen_;
    bool has_en_ = false;
    std::optional<std::string> first_language_;
    std::size_t concepts_seen_ = 0;
    bool ids_in_sequence_ = true;
    DroppedValues dropped_;

    // The long layout streams once it knows which languages it writes: all, or the source and --langs (the source
    // known from --source-lang or the header; else it is found among the concepts, so they are held).
    bool long_decided_ = false;
    struct LongStream {
        std::unique_ptr<std::FILE, int (*)(std::FILE*)> spool{nullptr, &std::fclose};
        std::vector<std::string> order;  // the languages written; empty: every one
        std::vector<LongColumn> columns;
        std::vector<bool> used;  // a column is written when some row has a value in it (or it always is)
        UnplacedLanguages unplaced;
        std::string pending;  // the spooled bytes of the concept at hand
    } long_;

    struct WideStream {
        std::unique_ptr<std::FILE, int (*)(std::FILE*)> spool{nullptr, &std::fclose};
        bool spool_failed = false;
        std::size_t spooled = 0;
        std::vector<WideRecord> held;  // when no spool file could be made
        std::string pending;           // the spooled bytes of the concept at hand
        bool any_subject = false, any_definition = false, any_source = false, any_note = false, any_url = false;
        std::vector<WideLanguage> languages;
    } wide_;

    // The counts of count_concept().
    std::size_t respelled_ = 0;
    std::string respelled_example_;
    std::size_t languageless_sections_ = 0, languageless_terms_ = 0;
    struct IdUse {
        std::size_t first = 0;  // the index of the first concept with the id
        std::size_t uses = 0;
    };
    std::unordered_map<std::string, IdUse> id_uses_;
    std::size_t ids_changed_ = 0, ids_unnamed_ = 0, concepts_counted_ = 0;
    std::string first_changed_id_;
};

// A control character other than tab and line breaks (a JSON model may hold one) is read back from a sheet as
// U+FFFD, as TBX cannot hold it either: written so, and counted.
std::string CsvWriter::without_control_characters(std::string text) {
    if (std::none_of(text.begin(), text.end(), is_forbidden_control_byte) && text.find('\r') == std::string::npos)
        return text;
    std::string clean;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        // The sheet readers read a CR (alone or before a LF) as a line break, LF: written so, and counted.
        if (c == '\r') {
            if (i + 1 >= text.size() || text[i + 1] != '\n') clean += '\n';
            dropped_.add("carriage return|s (written as line feeds)");
            continue;
        }
        if (!is_forbidden_control_byte(c)) {
            clean += c;
            continue;
        }
        clean += "\xEF\xBF\xBD";
        dropped_.add("control character|s (written as U+FFFD)");
    }
    return clean;
}

void CsvWriter::row(const std::vector<std::string>& cells, bool is_header, const std::vector<bool>& quoted) {
    std::vector<std::string> texts;
    texts.reserve(cells.size());
    for (const std::string& cell : cells) {
        std::string text =
            without_control_characters((formula_escape_ && !is_header) ? csv::escape_formula(cell) : cell);
        if (output_->plain_text() || output_->single_line()) {
            // OmegaT reads line by line, and its TSV reader knows no quoting: line breaks (and in TSV
            // tabs) cannot be kept in a cell.
            const bool tabs = output_->plain_text();
            bool changed = false;
            for (char& c : text)
                if ((tabs && c == '\t') || c == '\n' || c == '\r') c = ' ', changed = true;
            if (changed) dropped_.add(tabs ? "tab|s or line breaks inside cells (written as spaces)"
                                           : "line break|s inside cells (written as spaces)");
        }
        texts.push_back(std::move(text));
    }
    output_->row(texts, quoted, is_header);
}

std::string CsvWriter::source_language() {
    if (!options_.source_language.empty())
        return csv::language_from_code(options_.source_language).value_or(options_.source_language);
    if (!header_.source_language.empty()) return header_.source_language;
    if (has_en_) return "en";
    return first_language_.value_or(std::string());
}

std::vector<std::string> CsvWriter::language_order(bool source_first) {
    std::vector<std::string> order;
    auto add = [&](const std::string& language) {
        if (!language.empty() && std::find(order.begin(), order.end(), language) == order.end())
            order.push_back(language);
    };
    std::string source = source_language();
    if (source_first) add(source);
    if (!options_.languages.empty()) {
        for (const std::string& language : options_.languages)
            add(csv::language_from_code(language).value_or(language));
        return order;
    }
    for (const LanguageSeen& language : languages_seen_) add(language.code);
    return order;
}

void CsvWriter::note_languages(const Concept& concept_value) {
    if (concept_value.id != std::to_string(++concepts_seen_)) ids_in_sequence_ = false;
    if (!first_language_ && !concept_value.languages.empty())
        first_language_ = concept_value.languages.front().language;
    for (const LanguageSection& language : concept_value.languages) {
        if (language.language.empty()) continue;  // report_languageless() counts these
        has_en_ |= language.language == "en";
        auto known = std::find_if(languages_seen_.begin(), languages_seen_.end(),
                                  [&](const LanguageSeen& seen) { return seen.code == language.language; });
        if (known == languages_seen_.end()) {
            languages_seen_.push_back({language.language});
            known = languages_seen_.end() - 1;
        }
        known->terms += language.terms.size();
    }
}

void CsvWriter::hold(Concept concept_value) {
    if (!held_.spool && !held_.spool_failed) {
        held_.spool.reset(io::open_scratch());
        held_.spool_failed = !held_.spool;
    }
    ++held_.count;
    if (!held_.spool) {
        held_.in_memory.push_back(std::move(concept_value));
        return;
    }
    const std::string line = concept_to_json(concept_value) + "\n";
    std::fwrite(line.data(), 1, line.size(), held_.spool.get());
}

void CsvWriter::for_each_held(const std::function<void(std::size_t, const Concept&)>& visit) {
    if (!held_.spool) {
        for (std::size_t i = 0; i < held_.in_memory.size(); ++i) visit(i, held_.in_memory[i]);
        return;
    }
    std::FILE* spool = held_.spool.get();
    if (!rewind_scratch(spool, "the concepts", "until every one has arrived", diagnostics_)) return;
    std::string line;
    std::vector<char> chunk(64 * 1024);
    for (std::size_t i = 0; i < held_.count; ++i) {
        // A line in pieces of up to a chunk: JSON escapes control characters, so no line holds a NUL.
        line.clear();
        while (std::fgets(chunk.data(), static_cast<int>(chunk.size()), spool)) {
            line.append(chunk.data());
            if (line.back() == '\n') {
                line.pop_back();
                break;
            }
        }
        std::optional<Concept> concept_value = concept_from_json(line);
        if (!concept_value) {
            diagnostics_.error({}, "io.write", "cannot read back the temporary file of the concepts");
            return;
        }
        visit(i, *concept_value);
    }
}

std::optional<std::string> CsvWriter::target_language(const std::string& source) {
    if (!options_.languages.empty()) return csv::language_from_code(options_.languages[0]).value_or(options_.languages[0]);
    std::vector<std::string> others;
    for (const std::string& language : language_order(false))
        if (language != source) others.push_back(language);
    if (others.size() == 1) return others[0];
    diagnostics_.error({}, "csv.languages",
                       "the " + std::string(csv::profile_name(options_.profile)) +
                           " profile writes one language pair, and the term base has " +
                           std::to_string(others.size()) + " languages besides " + source +
                           "; choose the target with --langs (and the source with --source-lang)");
    return std::nullopt;
}

void UnplacedLanguages::count(const Concept& concept_value, const std::vector<std::string>& order) {
    for (const LanguageSection& language : concept_value.languages) {
        if (language.language.empty()) continue;  // report_languageless() counts these
        if (std::find(order.begin(), order.end(), language.language) != order.end()) continue;
        terms += language.terms.size();
        if (std::find(languages.begin(), languages.end(), language.language) == languages.end())
            languages.push_back(language.language);
    }
}

void UnplacedLanguages::report(DroppedValues& dropped) const {
    if (languages.empty()) return;
    std::string list;
    for (const std::string& language : languages) list += (list.empty() ? "" : " ") + language;
    dropped.add("term|s in languages not selected (" + list + ")", terms);
}

void CsvWriter::count_unplaced_languages(const std::vector<std::string>& order) {
    UnplacedLanguages unplaced;
    for (const LanguageSeen& language : languages_seen_) {
        if (std::find(order.begin(), order.end(), language.code) != order.end()) continue;
        unplaced.terms += language.terms;
        unplaced.languages.push_back(language.code);
    }
    unplaced.report(dropped_);
}

std::string CsvWriter::source_definition(const Concept& concept_value) {
    std::vector<std::string> texts;
    for (const Definition& definition : concept_value.definitions) texts.push_back(definition.text);
    if (texts.empty()) {
        std::string source = source_language();
        for (const LanguageSection& language : concept_value.languages)
            if (language.language == source)
                for (const Definition& definition : language.definitions) texts.push_back(definition.text);
    }
    return csv::join_items(texts, separator_);
}

void CsvWriter::count_term_extras(const Term& term, bool keep_status, bool keep_pos, bool keep_notes,
                                  bool keep_context) {
    count_term_extras(dropped_, term, keep_status, keep_pos, keep_notes, keep_context);
}

void CsvWriter::count_term_extras(DroppedValues& dropped, const Term& term, bool keep_status, bool keep_pos,
                                  bool keep_notes, bool keep_context) {
    if (!term.term_type.empty()) dropped.add("termType value|s");
    if (!keep_status && !term.administrative_status.empty()) dropped.add("administrativeStatus value|s");
    if (!keep_pos && !term.part_of_speech.empty()) dropped.add("partOfSpeech value|s");
    if (!term.grammatical_gender.empty()) dropped.add("grammaticalGender value|s");
    if (!term.geographical_usage.empty()) dropped.add("geographicalUsage value|s");
    if (!keep_context && !term.context.empty()) dropped.add("term context|s");
    if (!term.source.empty()) dropped.add("term source|s");
    if (!term.id.empty()) dropped.add("term id|s");
    if (!term.context_source.empty()) dropped.add("context source|s");
    if (!keep_notes) dropped.add("term note|s", term.notes.size());
    dropped.add("term transaction|s", term.transactions.size());
    dropped.add("term-level extra field|s", term.extra.size());
}

void CsvWriter::renumber_warning() {
    if (!ids_in_sequence_) dropped_.add("concept id|s (entries are numbered 1, 2, ... instead)", concepts_seen_);
}

template <typename Item, typename Getter>
std::string join_member(const std::vector<Item>& items, Getter getter, char separator) {
    std::vector<std::string> values;
    bool any = false;
    for (const Item& item : items) {
        values.push_back(getter(item));
        any |= !values.back().empty();
    }
    return any ? csv::join_items(values, separator) : std::string();
}

std::string long_value(const ColumnSpec& spec, const Concept& concept_value, const LanguageSection* language,
                       const Term* term, bool concept_row, bool language_row, char separator) {
    // The keys of a row stand on every row.
    if (spec.field == Field::concept_id) return concept_value.id;
    if (spec.field == Field::language) return language ? language->language : std::string();
    if (spec.field == Field::language_section) {
        // Only a second (third...) section of the same language needs its number.
        std::size_t occurrence = 0;
        for (const LanguageSection& other : concept_value.languages) {
            if (other.language == (language ? language->language : std::string())) ++occurrence;
            if (&other == language) break;
        }
        return language && occurrence > 1 ? std::to_string(occurrence) : std::string();
    }
    const std::vector<Transaction>* transactions = nullptr;
    const std::vector<ExtraField>* extras = nullptr;
    switch (spec.level) {
        case C:
            if (!concept_row) return {};
            transactions = &concept_value.transactions;
            extras = &concept_value.extra;
            break;
        case L:
            if (!language_row || !language) return {};
            transactions = &language->transactions;
            extras = &language->extra;
            break;
        case T:
            if (!term) return {};
            transactions = &term->transactions;
            extras = &term->extra;
            break;
    }
    const std::vector<Definition>& definitions =
        spec.level == C ? concept_value.definitions : (language ? language->definitions : concept_value.definitions);
    switch (spec.field) {
        case Field::concept_id: return concept_value.id;
        case Field::language: return language ? language->language : std::string();
        case Field::term: return term->text;
        case Field::term_type: return term->term_type;
        case Field::administrative_status: return term->administrative_status;
        case Field::part_of_speech: return term->part_of_speech;
        case Field::grammatical_gender: return term->grammatical_gender;
        case Field::geographical_usage: return term->geographical_usage;
        case Field::context: return term->context;
        case Field::term_source: return term->source;
        case Field::subject_field: return concept_value.subject_field;
        case Field::origin_url: return concept_value.origin_url;
        case Field::note:
            return csv::join_items(spec.level == C   ? concept_value.notes
                                   : spec.level == L ? language->notes
                                                     : term->notes,
                                   separator);
        case Field::definition:
            return join_member(definitions, [](const Definition& d) { return d.text; }, separator);
        case Field::definition_source:
            return join_member(definitions, [](const Definition& d) { return d.source; }, separator);
        case Field::definition_context:
            return join_member(definitions, [](const Definition& d) { return d.context; }, separator);
        case Field::relation_type:
            return join_member(
                concept_value.relations,
                [](const Relation& r) { return std::string(csv::relation_kind_name(r.kind)); }, separator);
        case Field::relation_label:
            return join_member(concept_value.relations, [](const Relation& r) { return r.label; }, separator);
        case Field::relation_target:
            return join_member(concept_value.relations, [](const Relation& r) { return r.target; }, separator);
        case Field::relation_category:
            return join_member(concept_value.relations, [](const Relation& r) { return r.type; }, separator);
        case Field::transactions: return csv::encode_transactions(*transactions);
        case Field::extras: return csv::encode_extras(*extras);
        case Field::definition_extra: return csv::encode_definition_extras(definitions);
        case Field::term_id: return term->id;
        case Field::context_source: return term->context_source;
        default: return {};
    }
}

void CsvWriter::start_long() {
    long_decided_ = true;
    if (options_.profile != CsvProfile::none || options_.layout != CsvLayout::long_form) return;
    if (!options_.languages.empty() && options_.source_language.empty() && header_.source_language.empty()) return;
    long_.spool.reset(io::open_scratch());
    if (!long_.spool) return;  // no temporary file: the concepts are held instead
    choose_long_columns();
}

void CsvWriter::choose_long_columns() {
    long_.order = options_.languages.empty() ? std::vector<std::string>() : language_order(true);
    long_.columns = long_columns();
    long_.used.clear();
    for (const LongColumn& column : long_.columns) long_.used.push_back(column.always);
}

namespace {

// The scratch files of the long and wide layouts hold texts as their length, then their bytes. A concept's
// bytes are gathered in memory and written with one fwrite, and read back through a 64 KiB buffer: a long-layout
// row is dozens of mostly empty cells, and a stdio call for each piece of each cell cost a third of a v3 -> long
// CSV conversion.
void spool_text(std::string& bytes, const std::string& text) {
    const auto size = static_cast<std::uint32_t>(text.size());
    bytes.append(reinterpret_cast<const char*>(&size), sizeof size);
    bytes += text;
}

// A cell of the long layout: whether it must be quoted, then its text.
void spool_cell(std::string& bytes, bool quoted, const std::string& text) {
    bytes += quoted ? '\1' : '\0';
    spool_text(bytes, text);
}

class SpoolReader {
public:
    explicit SpoolReader(std::FILE* spool) : spool_(spool), buffer_(64 * 1024) {}

    // True at the end of the file (or on a read error: ferror() tells which).
    bool at_end() { return at_ == end_ && !refill(); }

    bool read(void* into, std::size_t size) {
        auto* out = static_cast<char*>(into);
        while (size > 0) {
            if (at_ == end_ && !refill()) return false;
            const std::size_t count = std::min(size, end_ - at_);
            std::memcpy(out, buffer_.data() + at_, count);
            at_ += count;
            out += count;
            size -= count;
        }
        return true;
    }

    bool text(std::string& text) {
        std::uint32_t size = 0;
        if (!read(&size, sizeof size)) return false;
        text.resize(size);
        return read(text.data(), size);
    }

    bool cell(bool& quoted, std::string& text) {
        char flag = 0;
        if (!read(&flag, 1)) return false;
        quoted = flag != 0;
        return this->text(text);
    }

private:
    bool refill() {
        at_ = 0;
        end_ = std::fread(buffer_.data(), 1, buffer_.size(), spool_);
        return end_ > 0;
    }

    std::FILE* spool_;
    std::vector<char> buffer_;
    std::size_t at_ = 0, end_ = 0;
};

}  // namespace

void CsvWriter::write_long_rows(const Concept& concept_value) {
    auto selected = [&](const LanguageSection& language) {
        return long_.order.empty() ||
               std::find(long_.order.begin(), long_.order.end(), language.language) != long_.order.end();
    };
    if (!long_.order.empty()) long_.unplaced.count(concept_value, long_.order);
    std::string& bytes = long_.pending;
    bytes.clear();
    auto spool_row = [&](const LanguageSection* language, const Term* term, bool concept_row, bool language_row) {
        for (std::size_t c = 0; c < long_.columns.size(); ++c) {
            const ColumnSpec& spec = long_.columns[c].spec;
            std::string value = long_value(spec, concept_value, language, term, concept_row, language_row, separator_);
            if (!value.empty()) long_.used[c] = true;
            // A term with no text is a quoted empty cell, told apart from "no term on this row".
            spool_cell(bytes, spec.field == Field::term && term && term->text.empty(), value);
        }
    };
    // Each row: a concept, maybe a language, maybe a term.
    bool first = true;
    for (const LanguageSection& language : concept_value.languages) {
        if (!selected(language)) continue;
        if (language.terms.empty()) {
            spool_row(&language, nullptr, first, true);
            first = false;
        }
        for (std::size_t t = 0; t < language.terms.size(); ++t) {
            spool_row(&language, &language.terms[t], first, t == 0);
            first = false;
        }
    }
    if (first) spool_row(nullptr, nullptr, true, false);
    std::fwrite(bytes.data(), 1, bytes.size(), long_.spool.get());
}

void CsvWriter::write_long() {
    if (!long_.spool) {
        // Held: the languages (and the source among them) are known now.
        long_.spool.reset(io::open_scratch());
        if (!long_.spool) {
            diagnostics_.error({}, "io.write",
                               "cannot create the temporary file that holds the long layout's rows until its header "
                               "is known, in $TMPDIR or else /tmp: " +
                                   std::string(std::strerror(errno)));
            return;
        }
        choose_long_columns();
        for_each_held([&](std::size_t, const Concept& concept_value) { write_long_rows(concept_value); });
    }
    long_.unplaced.report(dropped_);
    auto comment = [&](std::string_view key, const std::string& raw_value) {
        if (raw_value.empty()) return;
        const std::string value = without_control_characters(raw_value);
        std::size_t start = 0;
        while (true) {
            std::size_t end = value.find('\n', start);
            output_->comment("# " + std::string(key) + ": " +
                             value.substr(start, end == std::string::npos ? end : end - start));
            if (end == std::string::npos) break;
            start = end + 1;
        }
    };
    comment("title", header_.title);
    comment("source_description", header_.source_description);
    comment("source_language", header_.source_language);
    comment("paragraphs", csv::encode_paragraphs(header_.paragraphs));
    comment("back_matter", csv::encode_back_matter(header_.back_matter));
    std::vector<std::string> cells;
    for (std::size_t c = 0; c < long_.columns.size(); ++c)
        if (long_.used[c]) cells.push_back(csv::long_column_name(long_.columns[c].spec));
    row(cells, true);
    std::FILE* spool = long_.spool.get();
    if (!rewind_scratch(spool, "the long layout's rows", "until its header is known", diagnostics_)) return;
    std::vector<bool> quoted;
    std::string text;
    bool text_quoted = false;
    SpoolReader reader(spool);
    while (!reader.at_end()) {
        cells.clear();
        quoted.clear();
        for (std::size_t c = 0; c < long_.columns.size(); ++c) {
            if (!reader.cell(text_quoted, text)) {
                diagnostics_.error({}, "io.write", "cannot read back the temporary file of the long layout's rows");
                return;
            }
            if (!long_.used[c]) continue;
            cells.push_back(text);
            quoted.push_back(text_quoted);
        }
        row(cells, false, quoted);
    }
    if (std::ferror(spool))
        diagnostics_.error({}, "io.write", "cannot read back the temporary file of the long layout's rows");
}

// --- wide: one row per concept, one column per language -----------------------

// A term column is headed by its bare language tag, as sheets usually are, unless the reader would take that
// name for something else: Indonesian's "id" is the concept id column, so it is written "term [id]".
std::string wide_term_column_name(const std::string& language) {
    std::optional<csv::ColumnSpec> bare = csv::parse_header_cell(language);
    if (bare && bare->field == csv::Field::term && bare->language == language && bare->fuzzy_language_name.empty())
        return language;
    return "term [" + language + "]";
}

namespace {

void spool_record(std::FILE* spool, const WideRecord& record, std::string& bytes) {
    bytes.clear();
    for (const std::string* text :
         {&record.id, &record.subject, &record.definitions, &record.sources, &record.notes, &record.url})
        spool_text(bytes, *text);
    const auto count = static_cast<std::uint32_t>(record.languages.size());
    bytes.append(reinterpret_cast<const char*>(&count), sizeof count);
    for (const WideRecord::Language& language : record.languages)
        for (const std::string* text : {&language.code, &language.definitions, &language.sources, &language.terms})
            spool_text(bytes, *text);
    std::fwrite(bytes.data(), 1, bytes.size(), spool);
}

bool unspool_record(SpoolReader& reader, WideRecord& record) {
    for (std::string* text :
         {&record.id, &record.subject, &record.definitions, &record.sources, &record.notes, &record.url})
        if (!reader.text(*text)) return false;
    std::uint32_t count = 0;
    if (!reader.read(&count, sizeof count)) return false;
    record.languages.resize(count);
    for (WideRecord::Language& language : record.languages)
        for (std::string* text : {&language.code, &language.definitions, &language.sources, &language.terms})
            if (!reader.text(*text)) return false;
    return true;
}

}  // namespace

void CsvWriter::add_wide(const Concept& concept_value) {
    WideStream& wide = wide_;
    wide.any_subject |= !concept_value.subject_field.empty();
    wide.any_note |= !concept_value.notes.empty();
    wide.any_url |= !concept_value.origin_url.empty();
    for (const Definition& definition : concept_value.definitions) {
        wide.any_definition = true;
        wide.any_source |= !definition.source.empty();
        if (!definition.context.empty()) dropped_.add("definition context|s");
    }
    dropped_.add("relation|s", concept_value.relations.size());
    dropped_.add("concept transaction|s", concept_value.transactions.size());
    dropped_.add("concept-level extra field|s", concept_value.extra.size());

    WideRecord record;
    record.id = concept_value.id;
    record.subject = concept_value.subject_field;
    record.definitions = join_member(
        concept_value.definitions, [](const Definition& d) { return d.text; }, separator_);
    record.sources = join_member(
        concept_value.definitions, [](const Definition& d) { return d.source; }, separator_);
    record.notes = joined_notes(concept_value.notes, separator_);
    record.url = concept_value.origin_url;
    for (const LanguageSection& language : concept_value.languages) {
        // Its columns are keyed by language: only the first section of a language has cells.
        const bool first_of_its_language =
            std::none_of(record.languages.begin(), record.languages.end(),
                         [&](const WideRecord::Language& known) { return known.code == language.language; });
        if (first_of_its_language)
            record.languages.push_back(
                {language.language,
                 join_member(
                     language.definitions, [](const Definition& d) { return d.text; }, separator_),
                 join_member(
                     language.definitions, [](const Definition& d) { return d.source; }, separator_),
                 join_member(
                     language.terms, [](const Term& t) { return t.text; }, separator_)});
        if (language.language.empty()) continue;  // report_languageless() counts these
        auto known = std::find_if(wide.languages.begin(), wide.languages.end(),
                                  [&](const WideLanguage& tally) { return tally.code == language.language; });
        if (known == wide.languages.end()) {
            wide.languages.push_back({language.language});
            known = wide.languages.end() - 1;
        }
        for (const Definition& definition : language.definitions) {
            known->definitions = true;
            known->sources |= !definition.source.empty();
            if (!definition.context.empty()) known->dropped.add("definition context|s");
        }
        known->dropped.add("language note|s", language.notes.size());
        known->dropped.add("language transaction|s", language.transactions.size());
        known->dropped.add("language-level extra field|s", language.extra.size());
        for (const Term& term : language.terms) count_term_extras(known->dropped, term, false, false, false, false);
    }

    if (!wide.spool && !wide.spool_failed) {
        wide.spool.reset(io::open_scratch());
        wide.spool_failed = !wide.spool;
    }
    if (wide.spool) {
        spool_record(wide.spool.get(), record, wide.pending);
        ++wide.spooled;
    } else {
        wide.held.push_back(std::move(record));
    }
}

void CsvWriter::write_wide() {
    WideStream& wide = wide_;
    const std::vector<std::string> order = language_order(true);
    count_unplaced_languages(order);
    std::map<std::string, std::pair<bool, bool>> language_definitions;  // language -> (definitions, sources)
    for (const WideLanguage& language : wide.languages) {
        if (std::find(order.begin(), order.end(), language.code) == order.end()) continue;
        dropped_.add(language.dropped);
        if (language.definitions) language_definitions[language.code] = {true, language.sources};
    }

    std::vector<std::string> cells{"id"};
    if (wide.any_subject) cells.push_back("subject_field");
    if (wide.any_definition) cells.push_back("definition");
    if (wide.any_source) cells.push_back("definition_source");
    for (const std::string& language : order) {
        auto found = language_definitions.find(language);
        if (found == language_definitions.end()) continue;
        cells.push_back("definition [" + language + "]");
        if (found->second.second) cells.push_back("definition_source [" + language + "]");
    }
    if (wide.any_note) cells.push_back("note");
    if (wide.any_url) cells.push_back("url");
    for (const std::string& language : order) {
        cells.push_back(wide_term_column_name(language));
        std::optional<csv::ColumnSpec> read_back = csv::parse_header_cell(cells.back());
        if (!read_back || read_back->field != csv::Field::term || read_back->language != language)
            diagnostics_.warning({}, "csv.bad-language",
                                 "the language '" + language + "' is not a language tag, and its column '" +
                                     cells.back() + "' is not read back as one; --layout long keeps it");
    }
    row(cells, true);

    auto write_row = [&](const WideRecord& record) {
        cells.assign(1, record.id);
        auto section = [&](const std::string& code) -> const WideRecord::Language* {
            for (const WideRecord::Language& language : record.languages)
                if (language.code == code) return &language;
            return nullptr;
        };
        if (wide.any_subject) cells.push_back(record.subject);
        if (wide.any_definition) cells.push_back(record.definitions);
        if (wide.any_source) cells.push_back(record.sources);
        for (const std::string& language : order) {
            auto found = language_definitions.find(language);
            if (found == language_definitions.end()) continue;
            const WideRecord::Language* known = section(language);
            cells.push_back(known ? known->definitions : std::string());
            if (found->second.second) cells.push_back(known ? known->sources : std::string());
        }
        if (wide.any_note) cells.push_back(record.notes);
        if (wide.any_url) cells.push_back(record.url);
        for (const std::string& language : order) {
            const WideRecord::Language* known = section(language);
            cells.push_back(known ? known->terms : std::string());
        }
        row(cells);
    };
    for (const WideRecord& record : wide.held) write_row(record);
    std::FILE* spool = wide.spool.get();
    if (!spool || !rewind_scratch(spool, "the wide layout's rows", "until its header is known", diagnostics_)) return;
    WideRecord record;
    SpoolReader reader(spool);
    for (std::size_t i = 0; i < wide.spooled; ++i) {
        if (!unspool_record(reader, record)) {
            diagnostics_.error({}, "io.write", "cannot read back the temporary file of the wide layout's rows");
            return;
        }
        write_row(record);
    }
}

// --- CAT-tool profiles ------------------------------------------------------

std::vector<std::string> term_texts(const LanguageSection* language) {
    std::vector<std::string> out;
    if (language)
        for (const Term& term : language->terms) out.push_back(term.text);
    return out;
}

const LanguageSection* find_section(const Concept& concept_value, const std::string& code) {
    for (const LanguageSection& language : concept_value.languages)
        if (language.language == code) return &language;
    return nullptr;
}

void CsvWriter::write_memoq() {
    std::vector<std::string> order = language_order(true);
    count_unplaced_languages(order);
    renumber_warning();
    std::vector<std::string> cells{"Entry_ID", "Entry_Domain", "Entry_Note"};
    for (const std::string& language : order) {
        std::string name = csv::english_language_name(language);
        cells.push_back(name + "_Def");
        cells.push_back(name);
    }
    row(cells, true);
    for_each_held([&](std::size_t i, const Concept& concept_value) {
        cells = {std::to_string(i + 1), concept_value.subject_field, joined_notes(concept_value.notes, separator_)};
        if (!concept_value.definitions.empty())
            dropped_.add("concept-level definition|s", concept_value.definitions.size());
        dropped_.add("relation|s", concept_value.relations.size());
        for (const std::string& code : order) {
            const LanguageSection* language = find_section(concept_value, code);
            cells.push_back(language ? join_member(language->definitions, [](const Definition& d) { return d.text; },
                                                   separator_)
                                     : std::string());
            cells.push_back(csv::join_items(term_texts(language), separator_));
            if (!language) continue;
            for (const Definition& definition : language->definitions)
                if (!definition.source.empty()) dropped_.add("definition source|s");
            dropped_.add("language note|s", language->notes.size());
            for (const Term& term : language->terms) count_term_extras(term, false, false, false, false);
        }
        row(cells);
    });
}

void CsvWriter::write_trados() {
    std::vector<std::string> order = language_order(true);
    count_unplaced_languages(order);
    renumber_warning();
    std::vector<std::string> cells{"ID", "Subject", "Definition", "Note"};
    for (const std::string& language : order) cells.push_back(csv::english_language_name(language));
    row(cells, true);
    for_each_held([&](std::size_t i, const Concept& concept_value) {
        cells = {std::to_string(i + 1), concept_value.subject_field, source_definition(concept_value),
                 joined_notes(concept_value.notes, separator_)};
        dropped_.add("relation|s", concept_value.relations.size());
        for (const std::string& code : order) {
            const LanguageSection* language = find_section(concept_value, code);
            // Glossary Converter splits synonyms on a bare '|'.
            std::string synonyms;
            for (const std::string& text : term_texts(language)) {
                if (!synonyms.empty()) synonyms += separator_;
                synonyms += text;
            }
            cells.push_back(synonyms);
            if (!language) continue;
            if (code != source_language() || !concept_value.definitions.empty())
                dropped_.add("definition|s outside the source language", language->definitions.size());
            dropped_.add("language note|s", language->notes.size());
            for (const Term& term : language->terms) count_term_extras(term, false, false, false, false);
        }
        row(cells);
    });
}

void CsvWriter::write_phrase() {
    std::vector<std::string> order = language_order(true);
    count_unplaced_languages(order);
    // Phrase writes locales in lower case with '_' (en, pt_br).
    auto phrase_code = [](std::string code) {
        for (char& c : code) {
            if (c == '-') c = '_';
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        return code;
    };
    std::vector<std::string> cells{"CID", "concept_domain", "concept_definition", "concept_note"};
    for (const std::string& language : order) {
        cells.push_back(phrase_code(language));
        cells.push_back(phrase_code(language) + "_forbidden");
    }
    row(cells, true);
    for_each_held([&](std::size_t, const Concept& concept_value) {
        std::size_t rows = 1;
        for (const std::string& code : order)
            if (const LanguageSection* language = find_section(concept_value, code))
                rows = std::max(rows, language->terms.size());
        dropped_.add("relation|s", concept_value.relations.size());
        // Each synonym goes on its own row under the same CID.
        for (std::size_t r = 0; r < rows; ++r) {
            cells = {concept_value.id, r == 0 ? concept_value.subject_field : std::string(),
                     r == 0 ? source_definition(concept_value) : std::string(),
                     r == 0 ? joined_notes(concept_value.notes, separator_) : std::string()};
            for (const std::string& code : order) {
                const LanguageSection* language = find_section(concept_value, code);
                if (language && r < language->terms.size()) {
                    const Term& term = language->terms[r];
                    cells.push_back(term.text);
                    cells.push_back(term.administrative_status == "deprecatedTerm-admn-sts" ? "TRUE" : "FALSE");
                    count_term_extras(term, term.administrative_status.empty() ||
                                                term.administrative_status == "deprecatedTerm-admn-sts",
                                      false, false, false);
                } else {
                    cells.push_back({});
                    cells.push_back({});
                }
                if (r == 0 && language) {
                    if (code != source_language() || !concept_value.definitions.empty())
                        dropped_.add("definition|s outside the source language", language->definitions.size());
                    dropped_.add("language note|s", language->notes.size());
                }
            }
            row(cells);
        }
    });
}

void CsvWriter::write_crowdin() {
    std::vector<std::string> order = language_order(true);
    count_unplaced_languages(order);
    std::vector<std::string> cells;
    for (const std::string& language : order) {
        cells.push_back("Term [" + language + "]");
        cells.push_back("Description [" + language + "]");
        cells.push_back("Part of Speech [" + language + "]");
    }
    row(cells, true);
    for_each_held([&](std::size_t, const Concept& concept_value) {
        cells.clear();
        dropped_.add("concept id|s", concept_value.id.empty() ? 0 : 1);
        dropped_.add("concept note|s", concept_value.notes.size());
        dropped_.add("concept-level definition|s", concept_value.definitions.size());
        dropped_.add("relation|s", concept_value.relations.size());
        if (!concept_value.subject_field.empty()) dropped_.add("subject field|s");
        for (const std::string& code : order) {
            const LanguageSection* language = find_section(concept_value, code);
            const Term* first = language && !language->terms.empty() ? &language->terms.front() : nullptr;
            cells.push_back(first ? first->text : std::string());
            cells.push_back(language ? join_member(language->definitions, [](const Definition& d) { return d.text; },
                                                   separator_)
                                     : std::string());
            std::string pos = first ? first->part_of_speech : std::string();
            if (pos == "properNoun") pos = "proper noun";
            cells.push_back(pos);
            if (!language) continue;
            if (language->terms.size() > 1)
                dropped_.add("synonym|s (Crowdin takes one term per language)", language->terms.size() - 1);
            for (std::size_t t = 0; t < language->terms.size(); ++t)
                count_term_extras(language->terms[t], false, t == 0, false, false);
            dropped_.add("language note|s", language->notes.size());
        }
        row(cells);
    });
}

void CsvWriter::write_lokalise() {
    std::vector<std::string> order = language_order(true);
    count_unplaced_languages(order);
    std::string source = source_language();
    std::vector<std::string> cells{"term", "description", "casesensitive", "translatable", "forbidden", "tags"};
    for (const std::string& language : order) {
        if (language == source) continue;
        cells.push_back(language);
        cells.push_back(language + "_description");
    }
    row(cells, true);
    for_each_held([&](std::size_t, const Concept& concept_value) {
        const LanguageSection* source_section = find_section(concept_value, source);
        const Term* source_term =
            source_section && !source_section->terms.empty() ? &source_section->terms.front() : nullptr;
        bool forbidden = source_term && source_term->administrative_status == "deprecatedTerm-admn-sts";
        cells = {source_term ? source_term->text : std::string(), source_definition(concept_value), "0", "1",
                 forbidden ? "1" : "0", concept_value.subject_field};
        dropped_.add("concept id|s", concept_value.id.empty() ? 0 : 1);
        dropped_.add("concept note|s", concept_value.notes.size());
        dropped_.add("relation|s", concept_value.relations.size());
        for (const std::string& code : order) {
            const LanguageSection* language = find_section(concept_value, code);
            if (code != source) {
                cells.push_back(language && !language->terms.empty() ? language->terms.front().text : std::string());
                cells.push_back(language ? join_member(language->definitions,
                                                       [](const Definition& d) { return d.text; }, separator_)
                                         : std::string());
            }
            if (!language) continue;
            if (language->terms.size() > 1)
                dropped_.add("synonym|s (Lokalise takes one term per language)", language->terms.size() - 1);
            for (std::size_t t = 0; t < language->terms.size(); ++t)
                count_term_extras(language->terms[t], code == source && t == 0, false, false, false);
            dropped_.add("language note|s", language->notes.size());
        }
        row(cells);
    });
}

// MateCat wants full locales (en-GB); a bare language gets its most likely region.
std::string full_locale(const std::string& code) {
    if (code.find('-') != std::string::npos) return code;
    if (code == "en") return "en-GB";  // the EU's English
    std::array<char, 64> maximized{};
    UErrorCode status = U_ZERO_ERROR;
    uloc_addLikelySubtags(code.c_str(), maximized.data(), static_cast<int32_t>(maximized.size()), &status);
    if (U_FAILURE(status)) return code;
    std::array<char, 8> region{};
    uloc_getCountry(maximized.data(), region.data(), static_cast<int32_t>(region.size()), &status);
    if (U_FAILURE(status) || region[0] == '\0') return code;
    return code + "-" + region.data();
}

void CsvWriter::write_matecat() {
    std::vector<std::string> order = language_order(true);
    count_unplaced_languages(order);
    std::vector<std::string> cells{"Forbidden", "Domain", "Subdomain", "Definition"};
    for (const std::string& language : order) {
        cells.push_back(full_locale(language));
        cells.push_back("Notes");
        cells.push_back("Example of use");
    }
    row(cells, true);
    std::string source = order.empty() ? std::string() : order.front();
    for_each_held([&](std::size_t, const Concept& concept_value) {
        std::vector<std::string> subdomains, notes;
        for (const std::string& note : concept_value.notes) {
            if (note.starts_with("Subdomain: "))
                subdomains.push_back(note.substr(11));
            else
                notes.push_back(note);
        }
        dropped_.add("concept id|s", concept_value.id.empty() ? 0 : 1);
        dropped_.add("concept note|s", notes.size());
        dropped_.add("relation|s", concept_value.relations.size());
        std::size_t rows = 1;
        for (const std::string& code : order)
            if (const LanguageSection* language = find_section(concept_value, code))
                rows = std::max(rows, language->terms.size());
        for (std::size_t r = 0; r < rows; ++r) {
            bool forbidden = false;
            std::vector<std::string> language_cells;
            for (const std::string& code : order) {
                const LanguageSection* language = find_section(concept_value, code);
                const Term* term = language && r < language->terms.size() ? &language->terms[r] : nullptr;
                language_cells.push_back(term ? term->text : std::string());
                language_cells.push_back(term ? csv::join_items(term->notes, separator_) : std::string());
                language_cells.push_back(term ? term->context : std::string());
                if (term && code != source && term->administrative_status == "deprecatedTerm-admn-sts")
                    forbidden = true;
                if (term)
                    count_term_extras(*term, term->administrative_status.empty() ||
                                                 (code != source &&
                                                  term->administrative_status == "deprecatedTerm-admn-sts"),
                                      false, true, true);
                if (r == 0 && language) {
                    if (code != source || !concept_value.definitions.empty())
                        dropped_.add("definition|s outside the source language", language->definitions.size());
                    dropped_.add("language note|s", language->notes.size());
                }
            }
            cells = {forbidden ? "TRUE" : "", concept_value.subject_field, csv::join_items(subdomains, separator_),
                     source_definition(concept_value)};
            cells.insert(cells.end(), language_cells.begin(), language_cells.end());
            row(cells);
        }
    });
}

void CsvWriter::write_pair(bool omegat) {
    std::string source = source_language();
    std::optional<std::string> target = target_language(source);
    if (!target) return;
    std::vector<std::string> order{source, *target};
    count_unplaced_languages(order);
    const bool omegat_tsv = omegat && output_->delimiter() == '\t';
    if (omegat) {
        output_->comment(std::string("# Glossary in ") + (output_->delimiter() == ',' ? "comma" : "tab") +
                         "-separated format -*- coding: utf-8 -*-");
    } else {
        row({"location", "source", "target", "id", "fuzzy", "context", "translator_comments", "developer_comments"},
            true);
    }
    std::size_t without_target = 0;
    for_each_held([&](std::size_t, const Concept& concept_value) {
        const LanguageSection* source_section = find_section(concept_value, source);
        const LanguageSection* target_section = find_section(concept_value, *target);
        std::vector<std::string> sources = term_texts(source_section), targets = term_texts(target_section);
        if (sources.empty() || targets.empty()) {
            ++without_target;
            return;
        }
        std::string definition = source_definition(concept_value);
        dropped_.add("relation|s", concept_value.relations.size());
        if (omegat) dropped_.add("concept note|s", concept_value.notes.size());
        for (const LanguageSection* language : {source_section, target_section})
            for (const Term& term : language->terms) count_term_extras(term, false, false, false, false);
        dropped_.add("definition|s outside the source language", target_section->definitions.size());
        // One row per source and target term: both tools group rows by their source.
        for (const std::string& source_text : sources) {
            for (std::size_t k = 0; k < targets.size(); ++k) {
                const std::string& target_text = targets[k];
                if (omegat) {
                    // OmegaT skips every line that starts with '#'. In CSV a quoted cell keeps such a
                    // term; in TSV nothing can.
                    if (omegat_tsv && source_text.starts_with('#'))
                        dropped_.add("source term|s starting with '#' (read as comments)");
                    row({source_text, target_text, definition}, false, {source_text.starts_with('#')});
                } else {
                    // csv2po keeps one PO unit per source and location (the others are dropped as
                    // duplicates), so each target synonym gets a location of its own, named like the
                    // translate-toolkit TBX profile's synonym entries (<id>-syn2...).
                    std::string location = concept_value.id + (k == 0 ? "" : "-syn" + std::to_string(k + 1));
                    row({location, source_text, target_text, concept_value.id, "", "",
                         joined_notes(concept_value.notes, separator_), definition});
                }
            }
        }
    });
    dropped_.add("concept|s without a term in both languages", without_target);
}

// Every layout puts a term under its language, so what has no language is reported here, never dropped silently.
void CsvWriter::report_languageless(std::string_view layout, bool long_layout) {
    const std::size_t sections = languageless_sections_, terms = languageless_terms_;
    if (sections > 0)
        diagnostics_.warning({}, "csv.no-language",
                             std::to_string(sections) + " language section" + (sections == 1 ? "" : "s") +
                                 " without a language (with " + std::to_string(terms) + " term" +
                                 (terms == 1 ? "" : "s") +
                                 " and their notes and definitions) cannot be written: a sheet puts each term under "
                                 "its language; give them one in the source (xml:lang)");
    // A sheet is read by its language columns: without any, what was written cannot be read back.
    if (!long_layout && language_order(true).empty())
        diagnostics_.warning({}, "csv.no-language",
                             "the term base has no language, so the " + std::string(layout) +
                                 " sheet has no language column and cannot be read back; --layout long keeps "
                                 "concepts without terms");
}

// The wide and long layouts and Phrase's sheet carry the concept id. Their reader makes each id a valid xml:id
// (an empty one becomes c<row>) and gathers the rows of one id into one concept, so an id that is not a valid
// xml:id comes back changed, and concepts that share an id (a TBX read with duplicate ids) come back merged.
void CsvWriter::report_ids(std::string_view layout) {
    const std::size_t changed = ids_changed_, unnamed = ids_unnamed_;
    if (changed > 0) {
        const std::string& id = first_changed_id_;
        diagnostics_.warning({}, "csv.id-changed",
                             std::to_string(changed) + " concept id" + (changed == 1 ? " is" : "s are") +
                                 " not a valid xml:id, and reading the " + std::string(layout) + " sheet back changes " +
                                 (changed == 1 ? "it" : "them") + " ('" + id + "' becomes '" + csv::make_xml_id(id) +
                                 "')");
    }
    const bool long_layout = options_.profile == CsvProfile::none && options_.layout == CsvLayout::long_form;
    if (unnamed > 0)
        diagnostics_.warning({}, "csv.id-changed",
                             std::to_string(unnamed) + " concept" + (unnamed == 1 ? " has" : "s have") +
                                 " no id; reading the " + std::string(layout) + " sheet back " +
                                 (long_layout ? "refuses a row without a concept_id"
                                              : "gives each a generated id (c and its row number)"));
    std::size_t shared_ids = 0, concepts = 0;
    std::string_view first;
    std::size_t first_index = 0;
    for (const auto& [id, use] : id_uses_) {
        if (id.empty() || use.uses < 2) continue;
        if (shared_ids == 0 || use.first < first_index) {
            first = id;
            first_index = use.first;
        }
        ++shared_ids;
        concepts += use.uses;
    }
    if (shared_ids == 0) return;
    diagnostics_.warning({}, "csv.shared-id",
                         std::to_string(concepts) + " concepts share " +
                             (shared_ids == 1 ? "the id '" + std::string(first) + "'"
                                              : std::to_string(shared_ids) + " ids (the first '" +
                                                    std::string(first) + "')") +
                             "; the " + std::string(layout) +
                             " sheet gathers rows by concept id, so reading it back merges them; give each "
                             "concept its own id");
}

// A sheet's reader takes picklist values in any case and short forms ("preferred", "n"), and gives them the
// TBX-Basic spelling; a value the model holds in another spelling (a TBX read leniently) comes back respelled.
void CsvWriter::report_respelled_picklist_values() {
    const std::size_t respelled = respelled_;
    const std::string& example = respelled_example_;
    if (respelled > 0)
        diagnostics_.warning({}, "csv.picklist",
                             std::to_string(respelled) + " picklist value" +
                                 (respelled == 1 ? " is not in its TBX-Basic spelling, which reading the sheet back "
                                                   "gives it ("
                                                 : "s are not in their TBX-Basic spelling, which reading the sheet "
                                                   "back gives them (") +
                                 example + ")");
}

void CsvWriter::count_concept(const Concept& concept_value) {
    // A list of items is one cell, its items joined: a list whose items are all empty is an empty cell, which
    // reads back as no items at all (a cell of "a |  | b" keeps its empty item).
    auto count_all_empty = [&](const char* what, std::size_t size, bool all_empty) {
        if (size > 0 && all_empty) dropped_.add(what, size);
    };
    auto empty_notes = [&](const std::vector<std::string>& notes) {
        count_all_empty("empty note|s", notes.size(),
                        std::all_of(notes.begin(), notes.end(), [](const std::string& note) { return note.empty(); }));
    };
    auto empty_definitions = [&](const std::vector<Definition>& definitions) {
        count_all_empty("empty definition|s", definitions.size(),
                        std::all_of(definitions.begin(), definitions.end(), [](const Definition& d) {
                            return d.text.empty() && d.source.empty() && d.context.empty() && d.extra.empty();
                        }));
    };
    empty_notes(concept_value.notes);
    empty_definitions(concept_value.definitions);
    for (const LanguageSection& language : concept_value.languages) {
        empty_notes(language.notes);
        empty_definitions(language.definitions);
        for (const Term& term : language.terms) empty_notes(term.notes);
        if (language.language.empty()) {
            ++languageless_sections_;
            languageless_terms_ += language.terms.size();
        }
        for (const Term& term : language.terms)
            for (auto [field, value] : {std::pair{Field::term_type, &term.term_type},
                                        std::pair{Field::administrative_status, &term.administrative_status},
                                        std::pair{Field::part_of_speech, &term.part_of_speech},
                                        std::pair{Field::grammatical_gender, &term.grammatical_gender}}) {
                if (value->empty()) continue;
                std::string canonical = csv::canonical_picklist_value(field, *value, nullptr);
                if (canonical == *value) continue;
                if (respelled_++ == 0) respelled_example_ = "'" + *value + "' becomes '" + canonical + "'";
            }
    }
    IdUse& use = id_uses_.try_emplace(concept_value.id, IdUse{concepts_counted_, 0}).first->second;
    ++use.uses;
    ++concepts_counted_;
    if (concept_value.id.empty())
        ++ids_unnamed_;
    else if (csv::make_xml_id(concept_value.id) != concept_value.id && ids_changed_++ == 0)
        first_changed_id_ = concept_value.id;
}

void CsvWriter::count_sheet_losses(const Concept& concept_value) {
    // Only wide and memoQ have a place for the sources of definitions (memoQ counts its own).
    const bool sources_dropped = options_.profile != CsvProfile::none && options_.profile != CsvProfile::memoq;
    auto count_definition_extras = [&](const std::vector<Definition>& definitions) {
        for (const Definition& definition : definitions) {
            dropped_.add("extra member|s of definitions", definition.extra.size());
            if (sources_dropped && !definition.source.empty()) dropped_.add("definition source|s");
        }
    };
    count_definition_extras(concept_value.definitions);
    for (const LanguageSection& language : concept_value.languages) count_definition_extras(language.definitions);
    // A wide sheet has cells for a section's terms, definitions and notes only: a section with none of them
    // (a JSON model can hold one) writes no cell and does not come back. The long layout gives it a row.
    // Its term cell joins the terms' texts, and the reader skips an empty item and trims the spaces and tabs
    // around each one, as it must for hand-made sheets.
    // Its columns are keyed by language, so a second section of a language in one concept has no cells: the long
    // layout numbers such sections in its language_section column.
    std::set<std::string_view> languages;
    for (const LanguageSection& language : concept_value.languages) {
        if (!languages.insert(language.language).second)
            dropped_.add("language section|s repeating a language of their concept");
        std::size_t without_text = 0, padded = 0;
        for (const Term& term : language.terms) {
            const std::size_t trimmed_size = csv::trim_blanks(term.text).size();
            if (trimmed_size == 0)
                ++without_text;
            else if (trimmed_size != term.text.size())
                ++padded;
        }
        dropped_.add("term|s without text", without_text);
        dropped_.add("term text|s with leading or trailing spaces or tabs (trimmed on reading)", padded);
        if (without_text == language.terms.size() && language.definitions.empty() && language.notes.empty())
            dropped_.add("language section|s without terms, definitions or notes");
    }
}

void CsvWriter::finish() {
    if (!long_decided_) start_long();
    std::string_view layout;
    switch (options_.profile) {
        case CsvProfile::none:
            if (options_.layout == CsvLayout::long_form) {
                write_long();
                layout = "long";
            } else {
                write_wide();
                layout = "wide";
            }
            break;
        case CsvProfile::memoq: write_memoq(); break;
        case CsvProfile::trados: write_trados(); break;
        case CsvProfile::phrase: write_phrase(); break;
        case CsvProfile::crowdin: write_crowdin(); break;
        case CsvProfile::lokalise: write_lokalise(); break;
        case CsvProfile::matecat: write_matecat(); break;
        case CsvProfile::omegat: write_pair(true); break;
        case CsvProfile::translate_toolkit: write_pair(false); break;
    }
    if (layout.empty()) layout = csv::profile_name(options_.profile);
    if (layout != "long") {
        if (!header_.title.empty()) dropped_.add("title");
        if (!header_.source_description.empty()) dropped_.add("source description");
        // Its column comes first, but a sheet read back names no source language: only the long layout's
        // "# source_language:" line carries it.
        if (!header_.source_language.empty()) dropped_.add("source language");
        dropped_.add("header paragraph|s", header_.paragraphs.size());
        dropped_.add("back-matter section|s", header_.back_matter.size());
    }
    const bool long_layout = options_.profile == CsvProfile::none && options_.layout == CsvLayout::long_form;
    if (long_layout) report_respelled_picklist_values();
    dropped_.report(diagnostics_, layout, long_layout ? "" : "; --layout long keeps them all");
    report_languageless(layout, long_layout);
    if (options_.profile == CsvProfile::none || options_.profile == CsvProfile::phrase) report_ids(layout);
    output_->finish();
}

}  // namespace

std::unique_ptr<ConceptSink> csv::make_sheet_writer(std::unique_ptr<SheetOutput> output, const WriteOptions& options,
                                                    Diagnostics& diagnostics) {
    return std::make_unique<CsvWriter>(std::move(output), options, diagnostics);
}

std::unique_ptr<ConceptSink> make_csv_writer(std::ostream& out, const WriteOptions& options,
                                             Diagnostics& diagnostics) {
    return csv::make_sheet_writer(std::make_unique<TextSheetOutput>(out, options.csv, false), options, diagnostics);
}

std::unique_ptr<ConceptSink> make_tsv_writer(std::ostream& out, const WriteOptions& options,
                                             Diagnostics& diagnostics) {
    return csv::make_sheet_writer(std::make_unique<TextSheetOutput>(out, options.csv, true), options, diagnostics);
}

}  // namespace ilo
