// CSV/TSV reader: finds the header and layout, maps columns to model fields, and builds concepts row by row.
#include "formats/csv_reader.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <unordered_map>

#include "formats/csv_layout.hpp"
#include "ilo_tbx/language_tag.hpp"
#include "formats/csv_tokenizer.hpp"
#include "formats/canonical_order.hpp"

namespace ilo {

namespace {

using csv::Cell;
using csv::ColumnSpec;
using csv::Field;
using csv::Record;

enum class Shape { wide, long_form, pair };

struct Column {
    ColumnSpec spec;
    std::string header;
    std::uint32_t header_column = 0;
};

bool is_term_attribute(Field field) {
    switch (field) {
        case Field::term_type:
        case Field::administrative_status:
        case Field::forbidden:
        case Field::part_of_speech:
        case Field::grammatical_gender:
        case Field::geographical_usage:
        case Field::context:
        case Field::term_source:
        case Field::term_id:
        case Field::context_source:
            return true;
        default:
            return false;
    }
}

bool is_definition_field(Field field) {
    return field == Field::definition || field == Field::definition_source || field == Field::definition_context;
}

// The values of one level of one row that are lists: several definitions
// with their sources spread over parallel columns, relations, and the JSON
// cells (transactions, extra fields, the definitions' own extras).
struct LevelValues {
    std::vector<std::string> definitions, definition_sources, definition_contexts;
    std::vector<std::vector<ExtraField>> definition_extras;
    std::vector<std::string> relation_kinds, relation_labels, relation_targets, relation_categories;
    std::vector<Transaction> transactions;
    std::vector<ExtraField> extras;

    std::vector<std::string>* list_for(Field field) {
        switch (field) {
            case Field::definition: return &definitions;
            case Field::definition_source: return &definition_sources;
            case Field::definition_context: return &definition_contexts;
            case Field::relation_type: return &relation_kinds;
            case Field::relation_label: return &relation_labels;
            case Field::relation_target: return &relation_targets;
            case Field::relation_category: return &relation_categories;
            default: return nullptr;
        }
    }
    bool empty() const {
        return definitions.empty() && definition_sources.empty() && definition_contexts.empty() &&
               definition_extras.empty() && relation_kinds.empty() && relation_labels.empty() &&
               relation_targets.empty() && relation_categories.empty() && transactions.empty() && extras.empty();
    }
};

std::string item_at(const std::vector<std::string>& items, std::size_t index) {
    return index < items.size() ? items[index] : std::string();
}

std::vector<Definition> build_definitions(const LevelValues& values) {
    std::vector<Definition> out;
    std::size_t count = std::max({values.definitions.size(), values.definition_sources.size(),
                                  values.definition_contexts.size(), values.definition_extras.size()});
    for (std::size_t i = 0; i < count; ++i) {
        Definition definition{item_at(values.definitions, i), item_at(values.definition_sources, i),
                              item_at(values.definition_contexts, i)};
        if (i < values.definition_extras.size()) definition.extra = values.definition_extras[i];
        out.push_back(std::move(definition));
    }
    return out;
}

// A concept whose rows are still being read, or which waits for an earlier one to be complete.
struct Pending {
    Concept concept_value;
    bool complete = false;
};

class CsvReader {
public:
    CsvReader(const Input& input, const ReadOptions& options, Diagnostics& diagnostics, ConceptSink& sink)
        : input_(input),
          options_(options.csv),
          piece_size_(std::max<std::size_t>(options.chunk_size, 1)),
          diagnostics_(diagnostics),
          sink_(sink) {
        char core = ' ';
        for (char c : options_.separator)
            if (c != ' ') core = c;
        separator_ = core == ' ' ? '|' : core;
    }

    void run(char default_delimiter);
    // The same over a source read piece by piece, which is_plain_utf8() has found to be UTF-8: the main pass reads
    // it in order, the delimiter detection and the rescan from its start again (after `byte_order_mark` bytes).
    void run_streamed(char default_delimiter, std::size_t byte_order_mark);
    // Everything after decoding: options, comment lines, the header, the rows.
    void read(csv::RecordSource& records);
    // A second, independent pass over the same records, used to learn each concept's last row so that concepts
    // can go to the sink as soon as they are complete. Without one, concepts whose rows share an id are all held
    // until the end.
    void set_rescan(std::function<std::unique_ptr<csv::RecordSource>()> rescan) { rescan_ = std::move(rescan); }

private:
    SourcePos at(std::uint32_t line, std::uint32_t column) const { return {input_.name, line, column}; }
    SourcePos at(const Cell& cell) const { return at(cell.line, cell.column); }
    void handle_comment(const Record& record);
    bool header_sent_ = false;
    bool read_header(const Record& record);
    bool resolve_columns(const Record& header_record);
    bool set_up_headerless(const Record& first);
    std::string cell_text(const Cell& cell) const;
    bool check_width(const Record& record);
    void read_wide_row(const Record& record);
    void read_long_row(const Record& record);
    void apply_term_attribute(Term& term, const Column& column, const std::string& value, const Cell& cell);
    void warn_picklist(Field field, const std::string& value, const Cell& cell);
    std::string concept_id_for(const std::string& written, const Cell* cell);
    static void merge_into(Concept& base, Concept addition);
    void learn_last_rows(bool has_header);
    Concept& pending_at(std::size_t index) { return pending_[index - emitted_].concept_value; }
    void touched(std::size_t index) { touched_ = index; }
    void release_complete(std::uint32_t line);
    void release(Pending& pending);
    // Adds a list or JSON cell to `values`; false (with an error) for bad JSON.
    bool collect(LevelValues& values, const Column& column, const std::string& text, const Cell& cell);
    void apply_concept_values(Concept& concept_value, LevelValues& values, std::uint32_t line);
    static void apply_language_values(LanguageSection& language, LevelValues& values);
    std::optional<std::string> canonical_option_language(const std::string& text, const char* option);
    // The delimiter: the option's, the format's (TSV), a tool profile's, else what `detect` finds.
    char delimiter_for(char default_delimiter, const std::function<char()>& detect) const;

    const Input& input_;
    const CsvOptions& options_;
    std::size_t piece_size_;  // bytes read at a time from a source
    Diagnostics& diagnostics_;
    ConceptSink& sink_;
    char separator_ = '|';
    char delimiter_ = '\0';  // of a CSV text; none for a workbook
    bool has_header_ = false;
    TermBaseHeader header_;
    Shape shape_ = Shape::wide;
    std::vector<Column> columns_;
    std::string first_language_;  // of the first term column: 'forbidden' before it spares it
    std::size_t data_rows_ = 0;
    bool id_warning_given_ = false;
    std::set<std::string*> continued_header_values_;  // header values a "# key:" line has begun
    bool space_split_warning_given_ = false;
    std::set<std::string> picklist_warnings_;
    // Concepts gathered by id (rows of one concept need not be adjacent), emitted in order of first appearance:
    // pending_ holds those not yet emitted, the first of them being concept number emitted_. long_index_ knows
    // every id seen, emitted or not.
    std::deque<Pending> pending_;
    std::size_t emitted_ = 0;
    std::unordered_map<std::string, std::size_t> long_index_;
    std::size_t touched_ = static_cast<std::size_t>(-1);  // the concept the last row went to
    std::function<std::unique_ptr<csv::RecordSource>()> rescan_;
    // The line of the last row of each concept id; none when it could not be learnt (then all are held).
    std::optional<std::unordered_map<std::string, std::uint32_t>> last_row_of_id_;
    std::set<std::tuple<std::size_t, std::string, std::size_t, std::string>> long_seen_cells_;
};

std::optional<std::string> CsvReader::canonical_option_language(const std::string& text, const char* option) {
    std::string problem;
    std::optional<std::string> code = csv::language_from_code(text, &problem);
    if (!code)
        diagnostics_.error(at(0, 0), "csv.bad-option", std::string(option) + " '" + text + "': " + problem);
    return code;
}

void CsvReader::handle_comment(const Record& record) {
    // Only the key is trimmed: a value keeps its spaces, as the writer wrote them after "# key: ".
    std::string_view text = record.comment_text;
    std::size_t colon = text.find(':');
    std::string key(csv::trim_blanks(text.substr(0, colon == std::string_view::npos ? 0 : colon)));
    const bool header_key =
        colon != std::string_view::npos &&
        (key == "title" || key == "source_description" || key == "source description" || key == "source_language" ||
         key == "source language" || key == "paragraphs" || key == "back_matter");
    // An encoding declaration (OmegaT's first line), not content; a title may mention one.
    if (!header_key && text.find("-*- coding") != std::string_view::npos) return;
    if (colon != std::string_view::npos) {
        std::string value(text.substr(colon + 1));
        if (value.starts_with(' ')) value.erase(0, 1);
        if (header_key && header_sent_) {
            // OmegaT-style files allow comments anywhere, but the header has gone to the sink with the first row.
            diagnostics_.warning(at(record.line, 1), "csv.comment-ignored",
                                 "a '# " + key +
                                     ":' comment after the first entry is not read; such comments go "
                                     "before the first row");
            return;
        }
        std::string* target = nullptr;
        if (key == "title") target = &header_.title;
        if (key == "source_description" || key == "source description") target = &header_.source_description;
        if (key == "source_language" || key == "source language") target = &header_.source_language;
        if (key == "paragraphs" || key == "back_matter") {
            std::string error;
            bool ok = true;
            if (key == "paragraphs") {
                auto decoded = csv::decode_paragraphs(value, &error);
                if ((ok = decoded.has_value())) header_.paragraphs = std::move(*decoded);
            } else {
                auto decoded = csv::decode_back_matter(value, &error);
                if ((ok = decoded.has_value())) header_.back_matter = std::move(*decoded);
            }
            if (!ok)
                diagnostics_.error(at(record.line, 1), "csv.bad-json",
                                   "the '# " + key + ":' comment holds JSON as ilo-tbx writes it, and this is not: " +
                                       error);
            return;
        }
        if (target) {
            // Repeated keys continue a multi-line value, whose first line may be empty.
            if (!continued_header_values_.insert(target).second) *target += '\n';
            *target += value;
            return;
        }
    }
    diagnostics_.warning(at(record.line, 1), "csv.comment-ignored",
                         "comment line not imported (only '# title:', '# source_description:', "
                         "'# source_language:', '# paragraphs:' and '# back_matter:' comments carry data)");
}

std::string CsvReader::cell_text(const Cell& cell) const {
    std::string text = cell.quoted ? cell.text : std::string(csv::trim_blanks(cell.text));
    if (options_.formula_escape) text = csv::unescape_formula(text);
    return text;
}

bool CsvReader::read_header(const Record& record) {
    std::size_t known = 0, nonempty = 0;
    std::vector<std::optional<ColumnSpec>> specs;
    std::vector<csv::HeaderProblem> problems(record.cells.size());
    for (std::size_t i = 0; i < record.cells.size(); ++i) {
        const Cell& cell = record.cells[i];
        bool empty = csv::trim_blanks(cell.text).empty();
        if (!empty) ++nonempty;
        specs.push_back(empty ? std::nullopt : csv::parse_header_cell(cell.text, &problems[i]));
        if (specs.back()) ++known;
    }
    if (nonempty == 0 && record.cells.size() >= 2) {
        diagnostics_.error(at(record.line, 1), "csv.empty-header",
                           "the first row has only empty cells; expected a header row of column names "
                           "(such as 'en', 'de-DE' or 'Term:German') or a first entry");
        return false;
    }
    if (known == 0 || known * 2 <= nonempty) return false;  // not a header: the file has none
    bool ok = true;
    for (std::size_t i = 0; i < record.cells.size(); ++i) {
        const Cell& cell = record.cells[i];
        if (specs[i]) {
            if (!specs[i]->fuzzy_language_name.empty())
                diagnostics_.warning(at(cell), "csv.language-name-guess",
                                     "read the language name '" + specs[i]->fuzzy_language_name + " (" +
                                         specs[i]->language + ") in column '" +
                                         std::string(csv::trim_blanks(cell.text)) + "'");
            columns_.push_back({*specs[i], std::string(csv::trim_blanks(cell.text)), cell.column});
            continue;
        }
        if (csv::trim_blanks(cell.text).empty()) {
            // A trailing empty header cell is a spreadsheet artefact; data under it is checked per row.
            columns_.push_back({ColumnSpec{Field::tool_flag, Level::concept_level, {}, true, {}}, {}, cell.column});
            continue;
        }
        diagnostics_.error(at(cell), "csv.unknown-column", problems[i].message);
        ok = false;
    }
    if (!ok) columns_.clear();
    return ok;
}

bool CsvReader::resolve_columns(const Record& header_record) {
    bool has_language = false, has_target = false;
    for (const Column& column : columns_) {
        has_language |= column.spec.field == Field::language;
        has_target |= column.spec.field == Field::target_term;
    }
    shape_ = has_language ? Shape::long_form : has_target ? Shape::pair : Shape::wide;
    if (options_.layout == CsvLayout::long_form && shape_ != Shape::long_form) {
        diagnostics_.error(at(header_record.line, 1), "csv.layout",
                           "--layout long expects a 'language' column (and 'concept_id', 'term'); this header "
                           "has none");
        return false;
    }
    bool ok = true;
    std::string last_language;
    for (Column& column : columns_) {
        ColumnSpec& spec = column.spec;
        if (spec.field == Field::source_term && !has_target) {
            // Without a 'target' column, 'source' is the source of a definition (the wide layout's column).
            spec.field = Field::definition_source;
            spec.level = Level::concept_level;
        }
        if (shape_ == Shape::long_form) {
            if (!spec.explicit_level && is_definition_field(spec.field)) spec.level = Level::language_level;
            if (!spec.explicit_level && spec.field == Field::note) spec.level = Level::term_level;
            continue;
        }
        if (shape_ == Shape::pair && (spec.field == Field::source_term || spec.field == Field::target_term)) {
            const std::string& language =
                spec.field == Field::source_term ? options_.source_language
                                                 : (options_.languages.empty() ? std::string() : options_.languages[0]);
            if (language.empty()) {
                diagnostics_.error(at(header_record.line, column.header_column), "csv.languages-unknown",
                                   "column '" + column.header + "' does not say its language; give " +
                                       (spec.field == Field::source_term ? "--source-lang" : "--langs"));
                ok = false;
                continue;
            }
            spec.language = language;
            spec.field = Field::term;
        }
        if (spec.field == Field::term && spec.language.empty()) {
            if (options_.source_language.empty()) {
                diagnostics_.error(at(header_record.line, column.header_column), "csv.languages-unknown",
                                   "column '" + column.header + "' does not say its language; give --source-lang "
                                   "(or name the column by its language, such as 'en' or 'Term [en]')");
                ok = false;
                continue;
            }
            spec.language = options_.source_language;
        }
        if (spec.field == Field::term) {
            last_language = spec.language;
            if (first_language_.empty()) first_language_ = spec.language;
            continue;
        }
        if (!spec.language.empty() || spec.explicit_level) continue;
        // A column without a language belongs to the language column before it
        // (MateCat's "Notes" and "Example of use", Lokalise's "description").
        if (is_definition_field(spec.field)) {
            spec.language = last_language;
            spec.level = last_language.empty() ? Level::concept_level : Level::language_level;
        } else if (spec.field == Field::note) {
            spec.language = last_language;
            spec.level = last_language.empty() ? Level::concept_level : Level::term_level;
        } else if (is_term_attribute(spec.field)) {
            spec.language = last_language;  // empty: all terms of the row
        }
    }
    // A concept has one id, a term one term type, a long-layout row one language and one term: a second column of
    // such a value would overwrite the first one's values without a word.
    auto holds_one_value = [&](const ColumnSpec& spec) {
        if (spec.field == Field::concept_id || is_term_attribute(spec.field)) return true;
        return shape_ == Shape::long_form && (spec.field == Field::language || spec.field == Field::language_section ||
                                              spec.field == Field::term);
    };
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        const Column& column = columns_[i];
        if (!holds_one_value(column.spec)) continue;
        auto first = std::find_if(columns_.begin(), columns_.begin() + static_cast<std::ptrdiff_t>(i),
                                  [&](const Column& earlier) {
                                      return earlier.spec.field == column.spec.field &&
                                             earlier.spec.language == column.spec.language;
                                  });
        if (first == columns_.begin() + static_cast<std::ptrdiff_t>(i)) continue;
        std::string message;
        if (column.spec.field == Field::concept_id) {
            std::string name(csv::trim_blanks(column.header));
            for (char& c : name) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            message = "column '" + column.header + "' is a second concept id column, after '" + first->header +
                      "'; expected one" + (name == "id" ? " (a column of Indonesian terms is headed 'term [id]')" : "");
        } else {
            const auto cell_number = static_cast<std::size_t>(first - columns_.begin()) + 1;
            message = "column '" + column.header + "' repeats '" + first->header + "' (cell " +
                      std::to_string(cell_number) + " of the header), whose values it would overwrite; expected one" +
                      (column.spec.language.empty() ? std::string() : " for " + column.spec.language);
        }
        diagnostics_.error(at(header_record.line, column.header_column), "csv.duplicate-column", message);
        ok = false;
    }
    if (!ok) return false;
    if (shape_ != Shape::long_form && first_language_.empty()) {
        diagnostics_.error(at(header_record.line, 1), "csv.languages-unknown",
                           "the header names no language column (such as 'en', 'de-DE', 'Term:German' or "
                           "'Term [fr]'); expected at least one");
        return false;
    }
    if (shape_ == Shape::long_form) {
        bool has_id = false, has_term = false;
        for (const Column& column : columns_) {
            has_id |= column.spec.field == Field::concept_id;
            has_term |= column.spec.field == Field::term;
        }
        if (!has_id || !has_term) {
            diagnostics_.error(at(header_record.line, 1), "csv.layout",
                               std::string("the long layout (a header with a 'language' column) also needs a '") +
                                   (has_id ? "term" : "concept_id") + "' column");
            return false;
        }
    }
    return true;
}

bool CsvReader::set_up_headerless(const Record& first) {
    if (options_.source_language.empty() || options_.languages.empty()) {
        diagnostics_.error(at(first.line, 1), "csv.languages-unknown",
                           "cannot tell the languages of this file: its first row names no language column "
                           "(such as 'en', 'de-DE' or 'Term:German'); give --source-lang and --langs for a file "
                           "of source and target terms without a header row");
        return false;
    }
    shape_ = Shape::pair;
    columns_.push_back({ColumnSpec{Field::term, Level::term_level, options_.source_language, false, {}}, "source", 1});
    columns_.push_back({ColumnSpec{Field::term, Level::term_level, options_.languages[0], false, {}}, "target", 2});
    columns_.push_back({ColumnSpec{Field::note, Level::concept_level, {}, true, {}}, "comment", 3});
    first_language_ = options_.source_language;
    return true;
}

bool CsvReader::check_width(const Record& record) {
    // One unquoted cell holding another delimiter, under a header of several columns: the row was
    // written with a different delimiter than the header, and read on it would lose its cells.
    if (delimiter_ != '\0' && has_header_ && record.cells.size() == 1 && columns_.size() > 1 &&
        !record.cells[0].quoted) {
        const Cell& cell = record.cells[0];
        for (std::size_t i = 0; i < cell.text.size(); ++i) {
            char c = cell.text[i];
            if (c == delimiter_ || (c != ',' && c != ';' && c != '\t')) continue;
            std::uint32_t column = cell.column;
            for (std::size_t j = 0; j < i; ++j) column += (static_cast<unsigned char>(cell.text[j]) & 0xC0) != 0x80;
            auto name = [](char d) { return d == '\t' ? std::string("TAB") : "'" + std::string(1, d) + "'"; };
            diagnostics_.error(at(record.line, column), "csv.mixed-delimiters",
                               "this row is separated by " + name(c) + ", but the file by " + name(delimiter_) +
                                   " (the header has " + std::to_string(columns_.size()) +
                                   " columns); expected one delimiter throughout, or --delimiter");
            return false;
        }
    }
    if (record.cells.size() <= columns_.size()) return true;
    for (std::size_t i = columns_.size(); i < record.cells.size(); ++i) {
        if (csv::trim_blanks(record.cells[i].text).empty()) continue;
        diagnostics_.error(at(record.cells[i]), "csv.ragged-row",
                           "this row has " + std::to_string(record.cells.size()) + " cells but the " +
                               (shape_ == Shape::pair && columns_.size() == 3 && columns_[0].header == "source"
                                    ? std::string("layout has 3 columns (source, target, comment)")
                                    : "header has " + std::to_string(columns_.size()) + " columns") +
                               "; cell " + std::to_string(i + 1) + " has no column");
        return false;
    }
    return true;
}

void CsvReader::warn_picklist(Field field, const std::string& value, const Cell& cell) {
    if (!picklist_warnings_.insert(std::to_string(static_cast<int>(field)) + "\x1F" + value).second) return;
    diagnostics_.warning(at(cell), "csv.picklist",
                         "'" + value + "' is not a TBX-Basic " + csv::long_column_name({field, Level::term_level}) +
                             " value; kept as written");
}

void CsvReader::apply_term_attribute(Term& term, const Column& column, const std::string& value, const Cell& cell) {
    Field field = column.spec.field;
    if (field == Field::forbidden) {
        std::optional<bool> forbidden = csv::parse_boolean(value);
        if (!forbidden) {
            diagnostics_.warning(at(cell), "csv.boolean",
                                 "'" + value + "' in column '" + column.header +
                                     "' is neither TRUE nor FALSE; the term's status is left as it is");
        } else if (*forbidden) {
            term.administrative_status = "deprecatedTerm-admn-sts";
        }
        return;
    }
    std::string canonical = value;
    if (field == Field::term_type || field == Field::administrative_status || field == Field::part_of_speech ||
        field == Field::grammatical_gender) {
        bool known = false;
        canonical = csv::canonical_picklist_value(field, value, &known);
        // The long layout is ilo-tbx's lossless form: a value outside the picklist
        // is some TBX file's own and stays as it is, unremarked.
        if (!known && shape_ != Shape::long_form) warn_picklist(field, value, cell);
    }
    switch (field) {
        case Field::term_type: term.term_type = canonical; break;
        case Field::administrative_status: term.administrative_status = canonical; break;
        case Field::part_of_speech: term.part_of_speech = canonical; break;
        case Field::grammatical_gender: term.grammatical_gender = canonical; break;
        case Field::geographical_usage: term.geographical_usage = canonical; break;
        case Field::context: term.context = canonical; break;
        case Field::term_source: term.source = canonical; break;
        case Field::term_id: term.id = canonical; break;
        case Field::context_source: term.context_source = canonical; break;
        default: break;
    }
}

std::string CsvReader::concept_id_for(const std::string& written, const Cell* cell) {
    std::string id = written.empty() ? "c" + std::to_string(data_rows_) : csv::make_xml_id(written);
    if (!written.empty() && id != written && !id_warning_given_) {
        id_warning_given_ = true;
        diagnostics_.warning(cell ? at(*cell) : at(0, 0), "csv.id-changed",
                             "concept id '" + written + "' is not a valid xml:id; read as '" + id +
                                 "' (ids like it are changed the same way without further warnings)");
    }
    return id;
}

bool CsvReader::collect(LevelValues& values, const Column& column, const std::string& text, const Cell& cell) {
    Field field = column.spec.field;
    if (std::vector<std::string>* list = values.list_for(field)) {
        std::vector<std::string> items = csv::split_items(text, separator_);
        list->insert(list->end(), items.begin(), items.end());
        return true;
    }
    std::string error;
    bool ok = true;
    if (field == Field::transactions) {
        std::optional<std::vector<Transaction>> decoded = csv::decode_transactions(text, column.spec.level, &error);
        if ((ok = decoded.has_value())) values.transactions.insert(values.transactions.end(), decoded->begin(), decoded->end());
    } else if (field == Field::extras) {
        std::optional<std::vector<ExtraField>> decoded = csv::decode_extras(text, column.spec.level, &error);
        if ((ok = decoded.has_value())) values.extras.insert(values.extras.end(), decoded->begin(), decoded->end());
    } else if (field == Field::definition_extra) {
        std::optional<std::vector<std::vector<ExtraField>>> decoded =
            csv::decode_definition_extras(text, column.spec.level, &error);
        if ((ok = decoded.has_value()))
            values.definition_extras.insert(values.definition_extras.end(), decoded->begin(), decoded->end());
    }
    if (!ok)
        diagnostics_.error(at(cell), "csv.bad-json",
                           "column '" + column.header + "' holds JSON as ilo-tbx writes it, and this cell is not: " +
                               error);
    return ok;
}

void CsvReader::apply_concept_values(Concept& concept_value, LevelValues& values, std::uint32_t line) {
    for (Definition& definition : build_definitions(values)) concept_value.definitions.push_back(std::move(definition));
    std::size_t relations = std::max({values.relation_kinds.size(), values.relation_labels.size(),
                                      values.relation_targets.size(), values.relation_categories.size()});
    for (std::size_t r = 0; r < relations; ++r) {
        std::string kind_name = item_at(values.relation_kinds, r);
        std::optional<RelationKind> kind = csv::relation_kind_from_name(kind_name);
        if (!kind)
            diagnostics_.warning(at(line, 1), "csv.relation-type",
                                 "relation type '" + kind_name + "' is not related, broader or narrower; read as related");
        concept_value.relations.push_back({kind.value_or(RelationKind::related), item_at(values.relation_labels, r),
                                           item_at(values.relation_targets, r), item_at(values.relation_categories, r)});
    }
    concept_value.transactions.insert(concept_value.transactions.end(), values.transactions.begin(),
                                      values.transactions.end());
    concept_value.extra.insert(concept_value.extra.end(), values.extras.begin(), values.extras.end());
}

void CsvReader::apply_language_values(LanguageSection& language, LevelValues& values) {
    for (Definition& definition : build_definitions(values)) language.definitions.push_back(std::move(definition));
    language.transactions.insert(language.transactions.end(), values.transactions.begin(), values.transactions.end());
    language.extra.insert(language.extra.end(), values.extras.begin(), values.extras.end());
}

void CsvReader::merge_into(Concept& base, Concept addition) {
    if (base.subject_field.empty()) base.subject_field = std::move(addition.subject_field);
    if (base.origin_url.empty()) base.origin_url = std::move(addition.origin_url);
    // Values repeated on the rows of one concept are one value, not several.
    auto append = [](auto& to, auto& from) {
        for (auto& item : from)
            if (std::find(to.begin(), to.end(), item) == to.end()) to.push_back(std::move(item));
    };
    append(base.definitions, addition.definitions);
    append(base.notes, addition.notes);
    append(base.relations, addition.relations);
    append(base.transactions, addition.transactions);
    append(base.extra, addition.extra);
    for (LanguageSection& language : addition.languages) {
        auto existing = std::find_if(base.languages.begin(), base.languages.end(),
                                     [&](const LanguageSection& known) { return known.language == language.language; });
        if (existing == base.languages.end()) {
            base.languages.push_back(std::move(language));
            continue;
        }
        append(existing->definitions, language.definitions);
        append(existing->notes, language.notes);
        for (Term& term : language.terms) {
            bool known = std::any_of(existing->terms.begin(), existing->terms.end(),
                                     [&](const Term& other) { return other.text == term.text; });
            if (!known) existing->terms.push_back(std::move(term));
        }
        append(existing->transactions, language.transactions);
        append(existing->extra, language.extra);
    }
}

void CsvReader::read_wide_row(const Record& record) {
    ++data_rows_;
    Concept concept_value;
    concept_value.pos = at(record.line, 1);
    auto section = [&](const std::string& language) -> LanguageSection& {
        for (LanguageSection& existing : concept_value.languages)
            if (existing.language == language) return existing;
        LanguageSection created;
        created.language = language;
        created.pos = concept_value.pos;
        concept_value.languages.push_back(std::move(created));
        return concept_value.languages.back();
    };
    // Space-separated columns in a headerless tab file (seen in OmegaT glossaries).
    std::vector<Cell> cells = record.cells;
    if (shape_ == Shape::pair && cells.size() == 1 && columns_[0].header == "source") {
        std::string_view text = csv::trim_blanks(cells[0].text);
        std::size_t gap = text.find("  ");
        if (gap != std::string_view::npos) {
            std::size_t next = text.find_first_not_of(' ', gap);
            // Columns count code points, not bytes.
            auto code_points = [&](std::size_t bytes) {
                std::uint32_t count = 0;
                for (std::size_t b = 0; b < bytes; ++b)
                    if ((static_cast<unsigned char>(text[b]) & 0xC0) != 0x80) ++count;
                return count;
            };
            // `text` is trimmed: skip the (one-byte) spaces before it.
            auto leading = static_cast<std::uint32_t>(text.data() - cells[0].text.data());
            std::uint32_t start_column = cells[0].column + leading;
            const std::uint32_t gap_column = start_column + code_points(gap);
            Cell target = cells[0];
            target.text = std::string(text.substr(next));
            target.column = start_column + code_points(next);
            std::string source_text(text.substr(0, gap));  // `text` views cells[0]: copy before changing it
            cells[0].text = std::move(source_text);
            cells.push_back(std::move(target));
            if (!space_split_warning_given_) {
                space_split_warning_given_ = true;
                diagnostics_.warning(at(record.line, gap_column), "csv.space-separated",
                                     "no delimiter on this line; read the runs of spaces as the column separator "
                                     "(here and on any later such line)");
            }
        }
    }

    std::string written_id;
    const Cell* id_cell = nullptr;
    // Terms first, so that term attributes can find the terms of their row.
    std::map<std::string, std::vector<std::size_t>> row_terms;  // language -> indexes in its section
    for (std::size_t i = 0; i < cells.size() && i < columns_.size(); ++i) {
        const Column& column = columns_[i];
        if (column.spec.field != Field::term) continue;
        std::string text = cell_text(cells[i]);
        for (std::string& item : csv::split_items(text, separator_)) {
            std::string term_text(csv::trim_blanks(item));
            if (term_text.empty()) continue;
            LanguageSection& target = section(column.spec.language);
            Term term;
            term.text = std::move(term_text);
            term.pos = at(cells[i]);
            target.terms.push_back(std::move(term));
            row_terms[column.spec.language].push_back(target.terms.size() - 1);
        }
    }
    std::map<std::pair<int, std::string>, LevelValues> lists;  // (level, language)
    for (std::size_t i = 0; i < cells.size() && i < columns_.size(); ++i) {
        const Column& column = columns_[i];
        const ColumnSpec& spec = column.spec;
        const Cell& cell = cells[i];
        std::string text = cell_text(cell);
        if (spec.field == Field::term || csv::trim_blanks(text).empty()) continue;
        switch (spec.field) {
            case Field::concept_id:
                written_id = std::string(csv::trim_blanks(text));
                id_cell = &cell;
                continue;
            case Field::subject_field:
                if (concept_value.subject_field.empty()) concept_value.subject_field = text;
                else concept_value.subject_field += "; " + text;
                continue;
            case Field::subdomain: concept_value.notes.push_back("Subdomain: " + text); continue;
            case Field::origin_url:
                if (concept_value.origin_url.empty()) {
                    concept_value.origin_url = text;
                } else if (concept_value.origin_url != text) {
                    diagnostics_.warning(at(cell), "csv.conflicting-value",
                                         "this row already has " + column.header + " '" + concept_value.origin_url +
                                             "' from an earlier column; this value is kept as a concept note");
                    concept_value.notes.push_back(column.header + ": " + text);
                }
                continue;
            case Field::language:
            case Field::source_term:
            case Field::target_term:
            case Field::term: continue;
            case Field::tool_flag: {
                std::optional<bool> flag = csv::parse_boolean(text);
                std::string key = column.header;
                for (char& c : key)
                    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
                bool is_default = flag && (key == "translatable" ? *flag : !*flag);
                if (column.header.empty()) {
                    diagnostics_.warning(at(cell), "csv.unnamed-column",
                                         "this cell is under a column with no name; kept as a concept note");
                    concept_value.notes.push_back(text);
                } else if (!is_default) {
                    concept_value.notes.push_back(column.header + ": " + text);
                }
                continue;
            }
            default: break;
        }
        if (is_term_attribute(spec.field) || (spec.field == Field::note && spec.level == Level::term_level)) {
            // The terms this column speaks about: those of its language, or all
            // of the row ('forbidden' before any language column: all translations).
            std::vector<Term*> terms;
            for (LanguageSection& language : concept_value.languages) {
                if (!spec.language.empty() && language.language != spec.language) continue;
                if (spec.language.empty() && spec.field == Field::forbidden && language.language == first_language_)
                    continue;
                for (std::size_t index : row_terms[language.language]) terms.push_back(&language.terms[index]);
            }
            std::vector<std::string> items = csv::split_items(text, separator_);
            if (spec.field == Field::note) {
                for (std::size_t t = 0; t < terms.size(); ++t) {
                    if (items.size() == terms.size() && terms.size() > 1) terms[t]->notes.push_back(items[t]);
                    else terms[t]->notes.insert(terms[t]->notes.end(), items.begin(), items.end());
                }
                if (terms.empty())
                    diagnostics_.warning(at(cell), "csv.orphan-value",
                                         "column '" + column.header + "' has a value but its row has no term in " +
                                             (spec.language.empty() ? "any language" : spec.language) +
                                             "; kept as a concept note");
                if (terms.empty()) concept_value.notes.push_back(column.header + ": " + text);
                continue;
            }
            if (terms.empty()) {
                diagnostics_.warning(at(cell), "csv.orphan-value",
                                     "column '" + column.header + "' has a value but its row has no term in " +
                                         (spec.language.empty() ? "any language" : spec.language) +
                                         "; kept as a concept note");
                concept_value.notes.push_back(column.header + ": " + text);
                continue;
            }
            if (items.size() != 1 && items.size() != terms.size())
                diagnostics_.warning(at(cell), "csv.value-count",
                                     "column '" + column.header + "' has " + std::to_string(items.size()) +
                                         " values for " + std::to_string(terms.size()) +
                                         " terms; expected one, or one per term");
            for (std::size_t t = 0; t < terms.size(); ++t) {
                std::string value = items.size() == 1 ? items[0] : item_at(items, t);
                value = std::string(csv::trim_blanks(value));
                if (!value.empty()) apply_term_attribute(*terms[t], column, value, cell);
            }
            continue;
        }
        if (spec.field == Field::note) {
            std::vector<std::string> items = csv::split_items(text, separator_);
            auto& notes = spec.level == Level::concept_level ? concept_value.notes : section(spec.language).notes;
            notes.insert(notes.end(), items.begin(), items.end());
            continue;
        }
        if (!collect(lists[{static_cast<int>(spec.level), spec.language}], column, text, cell)) return;
    }
    for (auto& [key, values] : lists) {
        auto level = static_cast<Level>(key.first);
        if (level == Level::concept_level) {
            apply_concept_values(concept_value, values, record.line);
        } else if (level == Level::language_level) {
            apply_language_values(section(key.second), values);
        } else {
            for (LanguageSection& language : concept_value.languages) {
                if (!key.second.empty() && language.language != key.second) continue;
                for (std::size_t index : row_terms[language.language]) {
                    Term& term = language.terms[index];
                    term.transactions.insert(term.transactions.end(), values.transactions.begin(),
                                             values.transactions.end());
                    term.extra.insert(term.extra.end(), values.extras.begin(), values.extras.end());
                }
            }
        }
    }
    if (concept_value.languages.empty() && concept_value.notes.empty() && concept_value.definitions.empty() &&
        written_id.empty()) {
        return;  // a row of empty cells
    }
    // Language sections in the order of their first column, whatever created them.
    auto rank = [&](const LanguageSection& language) {
        for (std::size_t i = 0; i < columns_.size(); ++i)
            if (columns_[i].spec.language == language.language) return i;
        return columns_.size();
    };
    std::stable_sort(concept_value.languages.begin(), concept_value.languages.end(),
                     [&](const LanguageSection& a, const LanguageSection& b) { return rank(a) < rank(b); });
    for (const LanguageSection& language : concept_value.languages) {
        if (language.terms.empty() && !language.definitions.empty())
            diagnostics_.warning(at(record.line, 1), "csv.no-term",
                                 "this row has a definition or note in " + language.language + " but no term");
    }
    concept_value.id = concept_id_for(written_id, id_cell);
    if (!written_id.empty()) {
        // Rows that share an id are one concept (Phrase puts each synonym on its own row).
        if (auto existing = long_index_.find(concept_value.id); existing != long_index_.end()) {
            merge_into(pending_at(existing->second), std::move(concept_value));
            touched(existing->second);
            return;
        }
    } else if (long_index_.contains(concept_value.id)) {
        std::size_t suffix = 2;
        while (long_index_.contains(concept_value.id + "-" + std::to_string(suffix))) ++suffix;
        concept_value.id += "-" + std::to_string(suffix);
    }
    long_index_.emplace(concept_value.id, emitted_ + pending_.size());
    touched(emitted_ + pending_.size());
    pending_.push_back({std::move(concept_value), false});
}

void CsvReader::read_long_row(const Record& record) {
    ++data_rows_;
    const Cell* id_cell = nullptr;
    const Cell* language_cell = nullptr;
    const Cell* term_cell = nullptr;
    const Cell* section_cell = nullptr;
    for (std::size_t i = 0; i < record.cells.size() && i < columns_.size(); ++i) {
        Field field = columns_[i].spec.field;
        if (field == Field::concept_id) id_cell = &record.cells[i];
        if (field == Field::language) language_cell = &record.cells[i];
        if (field == Field::term) term_cell = &record.cells[i];
        if (field == Field::language_section) section_cell = &record.cells[i];
    }
    std::string written_id = id_cell ? std::string(csv::trim_blanks(cell_text(*id_cell))) : std::string();
    if (written_id.empty()) {
        diagnostics_.error(id_cell ? at(*id_cell) : at(record.line, 1), "csv.missing-id",
                           "this row has no concept_id; expected one on every row of the long layout");
        return;
    }
    std::string id = concept_id_for(written_id, id_cell);
    auto [found, inserted] = long_index_.emplace(id, emitted_ + pending_.size());
    if (inserted) {
        Concept created;
        created.id = id;
        created.pos = at(record.line, 1);
        pending_.push_back({std::move(created), false});
    }
    std::size_t concept_index = found->second;
    touched(concept_index);
    Concept& concept_value = pending_at(concept_index);

    std::string language_code;
    if (language_cell && !cell_text(*language_cell).empty()) {  // a quoted " " is a language as written
        std::string problem;
        std::optional<std::string> code = csv::language_from_code(cell_text(*language_cell), &problem);
        if (code) {
            language_code = *code;
        } else {
            // As the TBX reader does with an xml:lang it does not know: a well-formed tag in its canonical case
            // ("Partner" -> "partner"), anything else as the file says, so that a term base holding such a tag
            // goes through this layout and TBX and back unchanged.
            language_code = normalise_language_tag(cell_text(*language_cell)).tag;
            diagnostics_.warning(at(*language_cell), "csv.bad-language",
                                 problem + "; expected a BCP 47 tag such as 'de' (kept as written)");
        }
    }
    // The long layout keeps a term's text exactly; a quoted empty cell is a term with no text.
    std::string term_text = term_cell ? cell_text(*term_cell) : std::string();
    bool has_term = term_cell && (!term_text.empty() || term_cell->quoted);
    std::size_t occurrence = 1;
    if (section_cell && !csv::trim_blanks(section_cell->text).empty()) {
        std::string number(csv::trim_blanks(section_cell->text));
        occurrence = 0;
        for (char c : number) {
            if (c < '0' || c > '9' || occurrence > 1000) {
                occurrence = 0;
                break;
            }
            occurrence = occurrence * 10 + static_cast<std::size_t>(c - '0');
        }
        if (occurrence == 0) {
            diagnostics_.error(at(*section_cell), "csv.bad-number",
                               "language_section must be a number (2 for a second section of the same language)");
            return;
        }
    }
    if (has_term && language_code.empty()) {
        diagnostics_.error(at(*term_cell), "csv.missing-language",
                           "this row has a term but no language; expected a language tag such as 'de'");
        return;
    }
    LanguageSection* section = nullptr;
    if (!language_code.empty()) {
        std::size_t seen = 0;
        for (LanguageSection& existing : concept_value.languages)
            if (existing.language == language_code && ++seen == occurrence) section = &existing;
        if (!section) {
            LanguageSection created;
            created.language = language_code;
            created.pos = at(*language_cell);
            concept_value.languages.push_back(std::move(created));
            section = &concept_value.languages.back();
        }
    }
    Term* term = nullptr;
    if (has_term) {
        Term created;
        created.text = term_text;
        created.pos = at(*term_cell);
        section->terms.push_back(std::move(created));
        term = &section->terms.back();
    }

    LevelValues concept_lists, language_lists, term_lists;
    for (std::size_t i = 0; i < record.cells.size() && i < columns_.size(); ++i) {
        const Column& column = columns_[i];
        const ColumnSpec& spec = column.spec;
        const Cell& cell = record.cells[i];
        if (spec.field == Field::concept_id || spec.field == Field::language || spec.field == Field::term ||
            spec.field == Field::language_section)
            continue;
        std::string text = cell_text(cell);
        if (text.empty()) continue;
        Level level = spec.level;
        if (is_term_attribute(spec.field)) level = Level::term_level;
        // Values of the concept and language levels stand on the first row of
        // their concept or language; a value repeated on later rows (filled down
        // in a spreadsheet) is the same value, not a second one.
        if (level != Level::term_level) {
            std::string scope =
                level == Level::concept_level ? std::string() : language_code + "#" + std::to_string(occurrence);
            if (!long_seen_cells_.emplace(concept_index, scope, i, text).second) continue;
        }
        if (level == Level::language_level && !section) {
            diagnostics_.warning(at(cell), "csv.orphan-value",
                                 "column '" + column.header + "' is a language-level value but this row has no "
                                 "language; kept as a concept note");
            concept_value.notes.push_back(column.header + ": " + text);
            continue;
        }
        if (level == Level::term_level && !term) {
            diagnostics_.warning(at(cell), "csv.orphan-value",
                                 "column '" + column.header + "' is a term-level value but this row has no term; "
                                 "kept as a concept note");
            concept_value.notes.push_back(column.header + ": " + text);
            continue;
        }
        switch (spec.field) {
            case Field::subject_field:
            case Field::origin_url: {
                std::string& target =
                    spec.field == Field::subject_field ? concept_value.subject_field : concept_value.origin_url;
                if (target.empty()) {
                    target = text;
                } else if (target != text) {
                    diagnostics_.warning(at(cell), "csv.conflicting-value",
                                         "concept '" + id + "' already has " + column.header + " '" + target +
                                             "' from an earlier row; this value is kept as a concept note");
                    concept_value.notes.push_back(column.header + ": " + text);
                }
                continue;
            }
            case Field::subdomain: concept_value.notes.push_back("Subdomain: " + text); continue;
            case Field::tool_flag: concept_value.notes.push_back(column.header + ": " + text); continue;
            case Field::note: {
                std::vector<std::string> items = csv::split_items(text, separator_);
                auto& notes = level == Level::concept_level    ? concept_value.notes
                              : level == Level::language_level ? section->notes
                                                               : term->notes;
                notes.insert(notes.end(), items.begin(), items.end());
                continue;
            }
            default: break;
        }
        if (is_term_attribute(spec.field)) {
            apply_term_attribute(*term, column, text, cell);
            continue;
        }
        LevelValues& lists = level == Level::concept_level    ? concept_lists
                             : level == Level::language_level ? language_lists
                                                              : term_lists;
        if (!collect(lists, column, text, cell)) return;
    }
    apply_concept_values(concept_value, concept_lists, record.line);
    if (section) apply_language_values(*section, language_lists);
    if (term) {
        term->transactions.insert(term->transactions.end(), term_lists.transactions.begin(),
                                  term_lists.transactions.end());
        term->extra.insert(term->extra.end(), term_lists.extras.begin(), term_lists.extras.end());
    }
}

void CsvReader::learn_last_rows(bool has_header) {
    std::optional<std::size_t> id_column;
    for (std::size_t i = 0; i < columns_.size(); ++i)
        if (columns_[i].spec.field == Field::concept_id) id_column = i;
    if (!id_column) {  // no row names a concept, so none continues another: each is complete at its row
        last_row_of_id_.emplace();
        return;
    }
    if (!rescan_) return;
    std::unique_ptr<csv::RecordSource> records = rescan_();
    std::unordered_map<std::string, std::uint32_t> last_rows;
    // The records as read() sees them: comments and blank lines before the header (or first row), then rows.
    std::optional<Record> first;
    while ((first = records->next(true)))
        if (!first->comment && !(first->blank() && first->cells.size() <= 1)) break;
    auto note = [&](const Record& record) {
        if (*id_column >= record.cells.size()) return;
        std::string written(csv::trim_blanks(cell_text(record.cells[*id_column])));
        if (!written.empty()) last_rows[csv::make_xml_id(written)] = record.line;
    };
    if (first && !has_header) note(*first);
    while (std::optional<Record> record = records->next(!has_header))
        if (!record->comment && !record->blank()) note(*record);
    last_row_of_id_ = std::move(last_rows);
}

void CsvReader::release(Pending& pending) {
    put_term_notes_first(pending.concept_value);
    sink_.concept_entry(std::move(pending.concept_value));
}

void CsvReader::release_complete(std::uint32_t line) {
    if (!last_row_of_id_ || touched_ < emitted_ || touched_ >= emitted_ + pending_.size()) return;
    Pending& current = pending_[touched_ - emitted_];
    auto last = last_row_of_id_->find(current.concept_value.id);
    if (last != last_row_of_id_->end() && last->second > line) return;
    current.complete = true;
    while (!pending_.empty() && pending_.front().complete) {
        release(pending_.front());
        pending_.pop_front();
        // The values already seen on its rows are needed no longer.
        long_seen_cells_.erase(long_seen_cells_.lower_bound({emitted_, std::string(), 0, std::string()}),
                               long_seen_cells_.lower_bound({emitted_ + 1, std::string(), 0, std::string()}));
        ++emitted_;
    }
}

// The CSV tokenizer as a source of records.
class TokenizerRecords final : public csv::RecordSource {
public:
    explicit TokenizerRecords(csv::Tokenizer& tokenizer) : tokenizer_(tokenizer) {}
    std::optional<Record> next(bool allow_comment) override { return tokenizer_.next(allow_comment); }
    bool failed() const override { return tokenizer_.failed(); }

private:
    csv::Tokenizer& tokenizer_;
};

// The same over text of its own tokenizer, whose diagnostics are dropped: a second pass repeats the first's.
class RescanRecords final : public csv::RecordSource {
public:
    RescanRecords(std::string_view text, char delimiter, const std::string& file)
        : tokenizer_(text, delimiter, file, ignored_) {}
    RescanRecords(csv::Tokenizer::MoreBytes more, char delimiter, const std::string& file, std::size_t piece_size)
        : tokenizer_(std::move(more), delimiter, file, ignored_, piece_size) {}
    std::optional<Record> next(bool allow_comment) override { return tokenizer_.next(allow_comment); }
    bool failed() const override { return tokenizer_.failed(); }

private:
    Diagnostics ignored_;
    csv::Tokenizer tokenizer_;
};

char CsvReader::delimiter_for(char default_delimiter, const std::function<char()>& detect) const {
    // OmegaT's glossaries are tab-separated as .txt/.utf8/.tab (the TSV reader) and comma-separated as .csv.
    return options_.delimiter != '\0'                 ? options_.delimiter
           : default_delimiter != '\0'                ? default_delimiter
           : options_.profile == CsvProfile::omegat   ? ','
           : options_.profile == CsvProfile::memoq    ? ';'
           : options_.profile == CsvProfile::lokalise ? ';'
                                                      : detect();
}

// Reads a source from byte `start` on, piece by piece, without moving its read() position.
csv::Tokenizer::MoreBytes read_from(ByteSource& source, std::uint64_t start) {
    return [&source, at = start](char* buffer, std::size_t size) mutable {
        const std::size_t got = source.read_at(at, buffer, size);
        at += got;
        return got;
    };
}

void CsvReader::run_streamed(char default_delimiter, std::size_t byte_order_mark) {
    ByteSource& source = *input_.source;
    const char delimiter = delimiter_for(
        default_delimiter, [&] { return csv::detect_delimiter([&] { return read_from(source, byte_order_mark); }); });
    delimiter_ = delimiter;
    // The main pass uses read(), so that a progress count sees it; the byte order mark is read past first.
    std::array<char, 3> mark{};
    std::size_t skipped_bytes = 0;
    while (skipped_bytes < byte_order_mark) {
        const std::size_t got = source.read(mark.data() + skipped_bytes, byte_order_mark - skipped_bytes);
        if (got == 0) break;
        skipped_bytes += got;
    }
    const bool skipped = skipped_bytes == byte_order_mark;
    csv::Tokenizer tokenizer([&source](char* buffer, std::size_t size) { return source.read(buffer, size); }, delimiter,
                             input_.name, diagnostics_, piece_size_);
    TokenizerRecords records(tokenizer);
    set_rescan([&] {
        return std::make_unique<RescanRecords>(read_from(source, byte_order_mark), delimiter, input_.name, piece_size_);
    });
    if (skipped) read(records);
    // A failed read looks like the end of the file to the tokenizer: whatever was read after it is void.
    if (!skipped || !source.error().empty())
        diagnostics_.error({input_.name, 0, 0}, "io.read", "cannot read input: " + source.error());
}

void CsvReader::run(char default_delimiter) {
    std::string transcoded;
    std::optional<std::string_view> text = csv::decode_text(input_.text, input_.name, diagnostics_, transcoded);
    if (!text) return;
    char delimiter = delimiter_for(default_delimiter, [&] { return csv::detect_delimiter(*text); });
    delimiter_ = delimiter;
    csv::Tokenizer tokenizer(*text, delimiter, input_.name, diagnostics_);
    TokenizerRecords records(tokenizer);
    set_rescan([&] { return std::make_unique<RescanRecords>(*text, delimiter, input_.name); });
    read(records);
}

void CsvReader::read(csv::RecordSource& records) {
    if (!options_.source_language.empty()) {
        std::optional<std::string> code = canonical_option_language(options_.source_language, "--source-lang");
        if (!code) return;
    }
    for (const std::string& language : options_.languages)
        if (!canonical_option_language(language, "--langs")) return;

    // Comment lines may precede the header; the first other non-blank record is
    // the header, or the first entry of a file without one.
    std::optional<Record> first;
    while (std::optional<Record> record = records.next(true)) {
        if (record->comment) {
            handle_comment(*record);
            continue;
        }
        if (record->blank() && record->cells.size() <= 1) continue;
        first = std::move(record);
        break;
    }
    if (records.failed() || diagnostics_.has_errors()) return;
    if (header_.source_language.empty() && !options_.source_language.empty())
        header_.source_language = *csv::language_from_code(options_.source_language);
    // In the letter case RFC 5646 recommends, as the TBX readers give it back ("EN-gb" -> "en-GB"); a tag that is
    // not well-formed stays as written, and a TBX writer reports it.
    if (LanguageTag tag = normalise_language_tag(header_.source_language); tag.valid) header_.source_language = tag.tag;
    put_paragraphs_in_section_order(header_.paragraphs);
    number_paragraph_groups(header_);  // all '# paragraphs:' comments come before the first record
    if (!first) {
        diagnostics_.warning(at(0, 0), "csv.empty", "the file holds no entries");
        header_sent_ = true;
        sink_.header(header_);
        sink_.finish();
        return;
    }
    bool has_header = options_.profile != CsvProfile::omegat && read_header(*first);
    has_header_ = has_header;
    if (diagnostics_.has_errors()) return;
    if (has_header) {
        if (!resolve_columns(*first)) return;
    } else if (!set_up_headerless(*first)) {
        return;
    }
    // Canonical case for languages given as options ("pt-br" -> "pt-BR").
    for (Column& column : columns_)
        if (!column.spec.language.empty())
            column.spec.language = csv::language_from_code(column.spec.language).value_or(column.spec.language);
    first_language_ = csv::language_from_code(first_language_).value_or(first_language_);
    header_sent_ = true;
    sink_.header(header_);

    bool comments_allowed = !has_header;  // OmegaT-style files have '#' lines anywhere
    auto process = [&](const Record& record) {
        if (!check_width(record)) return false;
        touched_ = static_cast<std::size_t>(-1);
        if (shape_ == Shape::long_form) read_long_row(record);
        else read_wide_row(record);
        if (diagnostics_.has_errors()) return false;
        release_complete(record.line);
        return true;
    };
    learn_last_rows(has_header);
    if (!has_header && !process(*first)) return;
    while (std::optional<Record> record = records.next(comments_allowed)) {
        if (record->comment) {
            handle_comment(*record);
            continue;
        }
        if (record->blank()) continue;
        if (!process(*record)) return;
    }
    if (records.failed()) return;
    for (Pending& pending : pending_) release(pending);
    pending_.clear();
    sink_.finish();
}

}  // namespace

namespace {

// A whole text is decoded and read. A source (a big file) is tokenized as it is read when it is plain UTF-8;
// anything else, which is rare in a big file, is read whole first and decoded as a whole text is.
void read_delimited(const Input& input, const ReadOptions& options, Diagnostics& diagnostics, ConceptSink& sink,
                    char default_delimiter) {
    if (!input.source) {
        CsvReader(input, options, diagnostics, sink).run(default_delimiter);
        return;
    }
    ByteSource& source = *input.source;
    std::size_t byte_order_mark = 0;
    if (csv::is_plain_utf8(read_from(source, 0), byte_order_mark, options.chunk_size) && source.error().empty()) {
        CsvReader(input, options, diagnostics, sink).run_streamed(default_delimiter, byte_order_mark);
        return;
    }
    std::string whole;
    if (std::optional<std::uint64_t> size = source.size()) whole.reserve(static_cast<std::size_t>(*size));
    std::vector<char> piece(std::max<std::size_t>(options.chunk_size, 1));
    while (std::size_t got = source.read(piece.data(), piece.size())) whole.append(piece.data(), got);
    if (!source.error().empty()) {
        diagnostics.error({input.name, 0, 0}, "io.read", "cannot read input: " + source.error());
        return;
    }
    CsvReader(Input{input.name, whole}, options, diagnostics, sink).run(default_delimiter);
}

}  // namespace

void read_csv(const Input& input, const ReadOptions& options, Diagnostics& diagnostics, ConceptSink& sink) {
    read_delimited(input, options, diagnostics, sink, '\0');
}

void read_tsv(const Input& input, const ReadOptions& options, Diagnostics& diagnostics, ConceptSink& sink) {
    read_delimited(input, options, diagnostics, sink, '\t');
}

void csv::read_sheet(const Input& input, RecordSource& records, const ReadOptions& options, Diagnostics& diagnostics,
                     ConceptSink& sink) {
    CsvReader(input, options, diagnostics, sink).read(records);
}

}  // namespace ilo
