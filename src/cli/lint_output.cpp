// Prints lint findings and fix reports as text for people or as JSON for programs.
#include "cli/lint_output.hpp"

#include <cstdio>
#include <map>
#include <ostream>

namespace ilo::cli {

namespace {

std::string quoted(std::string_view text) { return "\"" + lint::show_invisible(text) + "\""; }

// "concept ilo, ro term "ofiţer…"", "concept ilo, en note 2": what a finding or change is about.
std::string subject(const std::string& concept_id, const std::string& language, const std::string& term,
                    const std::optional<lint::FieldRef>& field) {
    std::string result = "concept " + concept_id;
    if (!language.empty()) result += ", " + language;
    if (!field) return result;
    const std::string item = " " + std::to_string(field->item + 1);
    switch (field->kind) {
        case lint::FieldKind::term: return result + " term " + quoted(term);
        case lint::FieldKind::term_context: return result + " term " + quoted(term) + " context";
        case lint::FieldKind::term_note: return result + " term " + quoted(term) + " note" + item;
        case lint::FieldKind::term_source: return result + " term " + quoted(term) + " source";
        case lint::FieldKind::definition: return result + " definition" + item;
        case lint::FieldKind::definition_source: return result + " definition" + item + " source";
        case lint::FieldKind::note: return result + " note" + item;
    }
    return result;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string result;
    for (const std::string& item : items) {
        if (!result.empty()) result += separator;
        result += item;
    }
    return result;
}

struct Counts {
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t changes = 0;
};

Counts count(const std::vector<LintedInput>& inputs) {
    Counts counts;
    for (const LintedInput& input : inputs) {
        for (const lint::Finding& finding : input.findings)
            (finding.severity == Severity::error ? counts.errors : counts.warnings) += 1;
        counts.changes += input.changes.size();
    }
    return counts;
}

std::string plural(std::size_t n, std::string_view word) {
    return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

void write_json_string(std::ostream& out, std::string_view text) {
    out << '"';
    for (char c : text) {
        switch (c) {
            case '"': out << "\\\""; break;
            case '\\': out << "\\\\"; break;
            case '\n': out << "\\n"; break;
            case '\r': out << "\\r"; break;
            case '\t': out << "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
                    out << escaped;
                } else {
                    out << c;
                }
        }
    }
    out << '"';
}

void write_json_field(std::ostream& out, const std::optional<lint::FieldRef>& field) {
    if (!field) {
        out << "null";
        return;
    }
    out << "{\"kind\":";
    write_json_string(out, lint::field_kind_name(field->kind));
    out << ",\"concept_index\":" << field->concept_index << ",\"language_index\":";
    if (field->language_index) out << *field->language_index;
    else out << "null";
    out << ",\"term_index\":";
    if (field->term_index) out << *field->term_index;
    else out << "null";
    out << ",\"item\":" << field->item << "}";
}

}  // namespace

void print_lint_text(std::ostream& out, const std::vector<LintedInput>& inputs, const SourceTexts& sources,
                     const SourceLines& lines) {
    // Built once per file: one per finding made linting a big term base quadratic (10,000 concepts took minutes).
    std::map<std::string_view, LineIndex> indexes;
    for (const LintedInput& input : inputs) {
        for (const lint::Finding& finding : input.findings) {
            Diagnostic diagnostic;
            diagnostic.severity = finding.severity;
            diagnostic.pos = finding.pos;
            if (diagnostic.pos.file.empty()) diagnostic.pos.file = input.name;
            diagnostic.code = finding.rule;
            diagnostic.message =
                subject(finding.concept_id, finding.language, finding.term, finding.field) + ": " + finding.message;
            std::string_view line;
            if (auto source = sources.find(diagnostic.pos.file); source != sources.end() && diagnostic.pos.known()) {
                auto index = indexes.find(source->first);
                if (index == indexes.end()) index = indexes.emplace(source->first, LineIndex(source->second)).first;
                line = index->second.line_text(diagnostic.pos.line);
            } else if (auto kept = lines.find(diagnostic.pos.file); kept != lines.end() && diagnostic.pos.known()) {
                if (auto text = kept->second.find(diagnostic.pos.line); text != kept->second.end()) line = text->second;
            }
            out << format_diagnostic(diagnostic, line);
            if (!finding.suggestion.empty())
                out << "  " << (finding.fixable ? "fix (--fix applies it): " : "suggestion: ")
                    << lint::show_invisible(finding.suggestion) << "\n";
        }
        for (const lint::Change& change : input.changes)
            out << input.name << ": fixed: " << subject(change.concept_id, change.language, change.term, change.field)
                << ": " << quoted(change.before) << " -> " << quoted(change.after) << " [" << join(change.rules, ", ")
                << "]\n";
    }
    const Counts counts = count(inputs);
    if (counts.errors + counts.warnings == 0) out << "no findings";
    else out << plural(counts.errors + counts.warnings, "finding") << ": " << plural(counts.errors, "error") << ", "
             << plural(counts.warnings, "warning");
    bool fixing = false;
    for (const LintedInput& input : inputs) fixing = fixing || !input.changes.empty();
    if (fixing) out << "; " << plural(counts.changes, "change") << " made by --fix";
    out << "\n";
}

void print_lint_json(std::ostream& out, const std::vector<LintedInput>& inputs) {
    out << "{\"inputs\":[";
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const LintedInput& input = inputs[i];
        out << (i ? "," : "") << "\n {\"input\":";
        write_json_string(out, input.name);
        out << ",\"findings\":[";
        for (std::size_t f = 0; f < input.findings.size(); ++f) {
            const lint::Finding& finding = input.findings[f];
            out << (f ? "," : "") << "\n  {\"rule\":";
            write_json_string(out, finding.rule);
            out << ",\"severity\":" << (finding.severity == Severity::error ? "\"error\"" : "\"warning\"");
            out << ",\"file\":";
            write_json_string(out, finding.pos.file.empty() ? input.name : finding.pos.file);
            if (finding.pos.known()) out << ",\"line\":" << finding.pos.line << ",\"column\":" << finding.pos.column;
            else out << ",\"line\":null,\"column\":null";
            out << ",\"concept\":";
            write_json_string(out, finding.concept_id);
            out << ",\"language\":";
            write_json_string(out, finding.language);
            out << ",\"term\":";
            write_json_string(out, finding.term);
            out << ",\"field\":";
            write_json_field(out, finding.field);
            out << ",\"message\":";
            write_json_string(out, finding.message);
            out << ",\"suggestion\":";
            write_json_string(out, finding.suggestion);
            out << ",\"fixable\":" << (finding.fixable ? "true" : "false") << "}";
        }
        out << (input.findings.empty() ? "]" : "\n ]") << ",\"changes\":[";
        for (std::size_t c = 0; c < input.changes.size(); ++c) {
            const lint::Change& change = input.changes[c];
            out << (c ? "," : "") << "\n  {\"concept\":";
            write_json_string(out, change.concept_id);
            out << ",\"language\":";
            write_json_string(out, change.language);
            out << ",\"term\":";
            write_json_string(out, change.term);
            out << ",\"field\":";
            write_json_field(out, change.field);
            out << ",\"before\":";
            write_json_string(out, change.before);
            out << ",\"after\":";
            write_json_string(out, change.after);
            out << ",\"rules\":[";
            for (std::size_t r = 0; r < change.rules.size(); ++r) {
                if (r) out << ",";
                write_json_string(out, change.rules[r]);
            }
            out << "]}";
        }
        out << (input.changes.empty() ? "]}" : "\n ]}");
    }
    const Counts counts = count(inputs);
    out << "\n],\"summary\":{\"errors\":" << counts.errors << ",\"warnings\":" << counts.warnings
        << ",\"changes\":" << counts.changes << "}}\n";
}

}  // namespace ilo::cli
