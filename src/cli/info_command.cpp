// `ilo-tbx info`: what a term base is (flavour, dialect, encoding) and what it holds (counts per language, data categories).
#include <boost/program_options.hpp>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/cli.hpp"
#include "cli/command_input.hpp"
#include "cli/command_line.hpp"
#include "cli/format_options.hpp"
#include "cli/progress.hpp"
#include "ilo_tbx/files.hpp"
#include "ilo_tbx/format.hpp"
#include "ilo_tbx/tbx_reader.hpp"

namespace ilo::cli {

namespace po = boost::program_options;

namespace {

constexpr std::string_view info_usage =
    "Usage: ilo-tbx info FILE [--from FORMAT] [--profile NAME] [--source-lang TAG --langs TAG,...] [--quiet]\n";

constexpr std::string_view info_examples = R"text(
Prints what FILE is (format; for TBX the version, style, dialect and encoding)
and what it holds: concepts, terms and language sections per language, and how
often each data category is used. The file is read one entry at a time, so
memory does not grow with its size. Reader warnings go to standard error.

Examples:
  ilo-tbx info termbase.tbx
  ilo-tbx info export.json
  ilo-tbx info glossary.txt --source-lang en --langs de   OmegaT's glossary: no header row names its languages
)text";

// Counts what streams past, keeping nothing but the counts.
class CountingSink final : public ConceptSink {
public:
    struct LanguageCounts {
        std::size_t concepts = 0;
        std::size_t sections = 0;
        std::size_t terms = 0;
    };

    void header(const TermBaseHeader& header) override { header_ = header; }

    void concept_entry(Concept concept_value) override {
        ++concepts_;
        if (!concept_value.subject_field.empty()) count("subjectField");
        for (const Definition& definition : concept_value.definitions) count(definition);
        count("note", concept_value.notes.size());
        for (const Relation& relation : concept_value.relations)
            count(relation.type.empty() ? "crossReference" : relation.type);
        if (!concept_value.origin_url.empty()) count("externalCrossReference");
        count(concept_value.transactions);
        count(concept_value.extra);
        std::map<std::string, bool> seen;
        for (const LanguageSection& language : concept_value.languages) {
            LanguageCounts& counts = languages_[language.language];
            if (!seen[language.language]) ++counts.concepts;
            seen[language.language] = true;
            ++counts.sections;
            counts.terms += language.terms.size();
            terms_ += language.terms.size();
            for (const Definition& definition : language.definitions) count(definition);
            count("note", language.notes.size());
            count(language.transactions);
            count(language.extra);
            for (const Term& term : language.terms) {
                if (!term.term_type.empty()) count("termType");
                if (!term.administrative_status.empty()) count("administrativeStatus");
                if (!term.part_of_speech.empty()) count("partOfSpeech");
                if (!term.grammatical_gender.empty()) count("grammaticalGender");
                if (!term.geographical_usage.empty()) count("geographicalUsage");
                if (!term.context.empty()) count("context");
                if (!term.context_source.empty()) count("source");
                if (!term.source.empty()) count("source");
                count("note", term.notes.size());
                count(term.transactions);
                count(term.extra);
            }
        }
    }

    void finish() override { finished_ = true; }

    void print(std::ostream& out) const {
        if (!header_.title.empty()) out << "title: " << header_.title << "\n";
        if (!header_.source_language.empty()) out << "source language: " << header_.source_language << "\n";
        out << "concepts: " << concepts_ << "\n";
        out << "terms: " << terms_ << "\n";
        out << "languages: " << languages_.size() << "\n";
        std::size_t width = 8;
        for (const auto& [tag, counts] : languages_) width = std::max(width, tag.size() + 2);
        for (const auto& [tag, counts] : languages_) {
            out << "  " << std::left << std::setw(static_cast<int>(width)) << (tag.empty() ? "(none)" : tag)
                << counts.concepts << " concepts, " << counts.terms << " terms";
            if (counts.sections != counts.concepts) out << ", " << counts.sections << " language sections";
            out << "\n";
        }
        out << "data categories: " << categories_.size() << "\n";
        width = 8;
        for (const auto& [name, count] : categories_) width = std::max(width, name.size() + 2);
        for (const auto& [name, count] : categories_)
            out << "  " << std::left << std::setw(static_cast<int>(width)) << name << count << "\n";
        if (!header_.back_matter.empty()) {
            std::size_t objects = 0;
            for (const RefObjectSection& section : header_.back_matter) objects += section.objects.size();
            out << "back matter: " << objects << " objects in " << header_.back_matter.size() << " sections\n";
        }
    }

private:
    void count(const std::string& name, std::size_t times = 1) {
        if (times > 0) categories_[name] += times;
    }
    void count(const Definition& definition) {
        count("definition");
        if (!definition.source.empty()) count("source");
        count(definition.extra);
    }
    void count(const std::vector<Transaction>& transactions) {
        for (const Transaction& transaction : transactions) {
            if (!transaction.type.empty()) count("transactionType");
            if (!transaction.responsibility.empty()) count("responsibility");
            if (!transaction.date.empty()) count("date");
            count(transaction.extra);
        }
    }
    void count(const std::vector<ExtraField>& fields) {
        for (const ExtraField& field : fields) {
            // Groups are structure, not data categories: count what they hold.
            bool group = field.element.ends_with("Grp");
            if (!group) count(field.type.empty() ? "<" + field.element + ">" : field.type);
            count(field.children);
        }
    }

    TermBaseHeader header_;
    std::size_t concepts_ = 0;
    std::size_t terms_ = 0;
    std::map<std::string, LanguageCounts> languages_;
    std::map<std::string, std::size_t> categories_;
    bool finished_ = false;
};

}  // namespace

int run_info(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
    std::string from;
    bool quiet = false;
    SheetInputRequest sheet_request;
    po::options_description visible("Options");
    visible.add_options()("from,f", po::value<std::string>(&from)->value_name("FORMAT"),
                          "input format (default: from the extension or the content)");
    add_sheet_input_options(visible, sheet_request);
    visible.add_options()(
        "quiet,q", po::bool_switch(&quiet),
        "no progress line (one is shown on a terminal while a big TBX file takes more than 2 seconds)")(
        "help,h", "show this help");
    const CommandName command{"info", info_usage};
    std::vector<std::string> inputs;
    const std::optional<po::variables_map> parsed = parse_command_line(arguments, visible, inputs, command, err);
    if (!parsed) return exit_usage;
    if (parsed->count("help")) {
        out << info_usage << info_examples << "\n" << visible;
        return exit_ok;
    }
    if (inputs.size() != 1) return usage_error(err, command, "expected one input FILE");
    const std::string path = inputs.front();
    const Format* format = nullptr;
    if (!from.empty()) {
        format = find_format(from);
        if (!format || !format->read) {
            err << "ilo-tbx info: unknown input format '" << from << "'\n" << info_usage;
            return exit_usage;
        }
    }

    Diagnostics diagnostics;
    SourceTexts sources;
    SourceLines source_lines;
    CommandInput input;
    if (!input.open(path, diagnostics)) {
        print_diagnostics(err, diagnostics, sources);
        return exit_io;
    }
    const std::string& name = input.name();
    const std::string_view start = input.start();
    if (!format) format = sheet_input_format(path, sheet_request.profile, start);
    ReadOptions read_options;
    if (!format) return usage_error(err, command, "cannot tell the format of '" + path + "'; use --from FORMAT");
    if (std::optional<std::string> problem = resolve_sheet_input(sheet_request, *format, read_options.csv))
        return usage_error(err, command, *problem);

    CountingSink counter;
    TbxFlavour flavour;
    // A big TBX, JSON, CSV or TSV file is read in chunks, in memory that does not grow with it.
    if (format->reads_chunks && input.streamable()) {
        Input streamed = input.streamed();
        Progress progress(err, progress_wanted(err, quiet), name, streamed.source->size().value_or(0));
        ProgressSource counted_source(*streamed.source, progress);
        ProgressSink counted_sink(counter, progress);
        if (format->name == "tbx")
            read_tbx(Input{name, {}, &counted_source}, read_options, diagnostics, counted_sink, &flavour);
        else
            format->read(Input{name, {}, &counted_source}, read_options, diagnostics, counted_sink);
        progress.finish();
        input.keep_source_lines(diagnostics, source_lines);
    } else {
        const std::string* text = input.whole(sources, diagnostics);
        if (!text) {
            print_diagnostics(err, diagnostics, sources);
            return exit_io;
        }
        if (format->name == "tbx")
            read_tbx(Input{name, *text}, read_options, diagnostics, counter, &flavour);
        else
            format->read(Input{name, *text}, read_options, diagnostics, counter);
    }
    print_diagnostics(err, diagnostics, sources, source_lines);
    if (diagnostics.has_errors()) return exit_bad_input;

    out << "file: " << name << "\n";
    out << "format: " << format->name << "\n";
    if (format->name == "tbx") {
        out << "flavour: " << describe(flavour) << "\n";
        if (!flavour.dialect.empty()) out << "dialect: " << flavour.dialect << "\n";
        out << "encoding: " << flavour.encoding << "\n";
        if (flavour.doctype) out << "doctype: present (ignored, never loaded)\n";
    }
    counter.print(out);
    return exit_ok;
}

}  // namespace ilo::cli
