// Parses the shared output options into a format and WriteOptions: the table of TBX tool profiles, and which side one --profile belongs to.
#include "cli/output_options.hpp"

#include <array>

#include "ilo_tbx/language_tag.hpp"

namespace ilo::cli {

namespace po = boost::program_options;

namespace {

// A tool profile: the format the tool reads best and the quirks it needs (README, "Profiles").
struct ProfileRow {
    std::string_view name;
    std::string_view format;
    std::string_view purpose;
};

// OmegaT 3.6, translate-toolkit 3.8, Lokalize 22.12 and Weblate read only the
// 2008 form in no namespace. Lokalize skips entries without an id; OmegaT
// matches languages on the primary subtag; translate-toolkit takes the first
// langSet as the source and the second as the target.
// Phrase (Memsource) imports TBX ("Import TBX/XLSX", support.phrase.com article 5709733407772) in the
// 2008 form its own export and TermWeb's mapping use (langSet, termNote), with a term's status as the
// termNote flags preferred/forbidden (ToolProfile::status_flags) and full locale tags, since its import
// can match locales strictly ("Strict locale matching").
constexpr std::array<ProfileRow, 5> profile_table{{
    {"omegat", "tbx2008", "OmegaT: TBX 2008, bare primary language tags"},
    {"translate-toolkit", "tbx2008",
     "translate-toolkit (po2tbx, tbx2po...): TBX 2008, source language first, an entry per synonym"},
    {"lokalize", "tbx2008", "Lokalize: TBX 2008, an id on every entry"},
    {"weblate", "tbx2008", "Weblate (translate-toolkit inside): TBX 2008, source language first, an entry per synonym"},
    {"phrase", "tbx2008",
     "Phrase (Memsource) TMS: TBX 2008 core, status as termNote forbidden/preferred=true, full locale tags"},
}};

const ProfileRow* find_profile(std::string_view name) {
    for (const ProfileRow& row : profile_table)
        if (row.name == name) return &row;
    return nullptr;
}

std::string profile_names() {
    std::string names;
    for (const ProfileRow& row : profile_table) names += (names.empty() ? "" : ", ") + std::string(row.name);
    return names;
}

std::string writable_format_names() {
    std::string names;
    for (const Format& format : formats()) {
        if (!format.writer) continue;
        names += (names.empty() ? "" : ", ") + std::string(format.name);
    }
    return names;
}

// A language tag from the command line, in canonical case; nothing if it is not one.
std::optional<std::string> language_argument(std::string_view text) {
    LanguageTag tag = normalise_language_tag(text);
    if (!tag.valid || !xml_values::is_language_tag(tag.tag)) return std::nullopt;
    return tag.tag;
}

}  // namespace

void add_output_options(po::options_description& options, OutputRequest& request) {
    options.add_options()
        ("to,t", po::value<std::string>(&request.to)->value_name("FORMAT"),
         ("output format: " + writable_format_names() + " (default: from the --out extension, else --profile)").c_str())
        ("dialect", po::value<std::string>(&request.dialect)->value_name("NAME"),
         "TBX output dialect: basic (default; TBX-Basic's categories and picklists), core (every category kept, "
         "lossless; with --to tbx2008 the 2008 core structure, <martif type=\"TBX\">) or min (TBX-Min's five "
         "categories; the rest become notes, reported)")
        ("style", po::value<std::string>(&request.style)->value_name("STYLE"),
         "TBX output style: dca (default; <termNote type=\"partOfSpeech\">) or dct (<min:partOfSpeech>)")
        ("profile", po::value<std::string>(&request.profile)->value_name("NAME"),
         ("write for a tool; TBX (2008): " + profile_names() + "; sheets (csv, tsv, xlsx): " + sheet_profile_names() +
          " (see the README)").c_str())
        ("source-lang", po::value<std::string>(&request.source_language)->value_name("TAG"),
         "with tbx2008: this language's section first in each entry (default with --profile: en); sheets: the "
         "source language of pair layouts and of a 'term' column that names no language")
        ("langs", po::value<std::string>(&request.languages)->value_name("TAG,..."),
         "with tbx2008: keep only these target languages (and the source), the rest is counted in a warning; "
         "sheets: the languages to write, in order (the target of pair layouts)");
    add_sheet_options(options, request.sheet);
}

std::vector<std::string_view> output_option_values(std::string_view option) {
    std::vector<std::string_view> values;
    if (option == "profile") {
        for (const ProfileRow& row : profile_table) values.push_back(row.name);
        for (std::string_view name : sheet_profile_list())
            if (!find_profile(name)) values.push_back(name);
    }
    else if (option == "dialect")
        values = {"basic", "core", "min"};
    else if (option == "style")
        values = {"dca", "dct"};
    return values;
}

std::string profile_help() {
    std::string text = "Profiles (--profile) for TBX output, written as TBX 2008:\n";
    for (const ProfileRow& row : profile_table) {
        std::string name(row.name);
        text +=
            "  " + name + std::string(name.size() < 20 ? 20 - name.size() : 1, ' ') + std::string(row.purpose) + "\n";
    }
    text += "Profiles for csv, tsv and xlsx output (a CAT tool's sheet layout; see the README):\n  " + sheet_profile_names() +
            "\n";
    return text;
}

std::optional<std::string> resolve_output(const OutputRequest& request, const std::string& out, const Format*& target,
                                          WriteOptions& write_options, CsvOptions* sheet_input) {
    const std::string& profile_name = request.profile;
    const ProfileRow* tool = profile_name.empty() ? nullptr : find_profile(profile_name);
    const bool sheet_profile = !profile_name.empty() && is_sheet_profile(profile_name);
    target = nullptr;
    if (!request.to.empty()) {
        target = find_format(request.to);
        if (!target || !target->writer)
            return "unknown output format '" + request.to + "'; expected one of: " + writable_format_names();
    } else if (out == "-") {
        target = find_format(tool ? tool->format : sheet_profile ? "csv" : "tbx");
    } else {
        target = sheet_format_for_path(out, profile_name);
        if (!target) target = format_for_path(out);
        // A .tbx file written for a tool is TBX 2008, the only TBX those tools read.
        if (target && target->id == FormatId::tbx && tool) target = find_format(tool->format);
        if (!target && (tool || sheet_profile)) target = find_format(tool ? tool->format : "csv");
        if (!target || !target->writer)
            return "cannot tell the output format from '" + out + "'; give --to (" + writable_format_names() + ")";
    }
    const bool sheet_output = is_sheet_format(*target);

    // The profile belongs to the output when the output takes it, else to a sheet being read.
    bool profile_for_output = false;
    bool profile_for_input = false;
    if (!profile_name.empty()) {
        if (target->id == FormatId::tbx2008 && tool) {
            profile_for_output = true;
        } else if (sheet_output) {
            if (!sheet_profile)
                return "unknown profile '" + profile_name + "' for " + std::string(target->name) +
                       " output; expected one of: " + sheet_profile_names();
            profile_for_output = true;
        } else if (sheet_input && sheet_profile) {
            profile_for_input = true;
        } else if (target->id == FormatId::tbx2008) {
            return "unknown profile '" + profile_name + "' for tbx2008 output; expected one of: " + profile_names();
        } else if (tool || sheet_profile) {
            std::string formats = tool && sheet_profile ? "tbx2008, csv, tsv or xlsx" : tool ? "tbx2008" : "csv, tsv or xlsx";
            return "--profile " + profile_name + " writes " + formats + ", not " + std::string(target->name);
        } else {
            return "unknown profile '" + profile_name + "'; expected one of: " + profile_names() + " (TBX) or " +
                   sheet_profile_names() + " (sheets)";
        }
        if (sheet_input && sheet_profile && !sheet_output) profile_for_input = true;
    }

    if (request.dialect == "basic")
        write_options.dialect = TbxDialect::basic;
    else if (request.dialect == "core")
        write_options.dialect = TbxDialect::core;
    else if (request.dialect == "min")
        write_options.dialect = TbxDialect::min;
    else
        return "unknown dialect '" + request.dialect + "'; expected basic, core or min";
    if (request.style == "dca")
        write_options.style = TbxStyle::dca;
    else if (request.style == "dct")
        write_options.style = TbxStyle::dct;
    else
        return "unknown style '" + request.style + "'; expected dca or dct";

    bool language_options = !request.source_language.empty() || !request.languages.empty();
    if (language_options && target->id != FormatId::tbx2008 && !sheet_output && !sheet_input)
        return "--source-lang and --langs apply to tbx2008, csv, tsv and xlsx output (or a sheet being read), not " +
               std::string(target->name);
    if (request.sheet.given() && !sheet_output && !sheet_input)
        return "--layout, --delimiter, --separator and --no-formula-escape apply to csv, tsv and xlsx, not " +
               std::string(target->name);
    if (sheet_output) {
        if (std::optional<std::string> problem =
                apply_sheet_options(request.sheet, profile_for_output ? profile_name : "", request.source_language,
                                    request.languages, write_options.csv))
            return problem;
    }
    if (sheet_input) {
        if (std::optional<std::string> problem =
                apply_sheet_options(request.sheet, profile_for_input ? profile_name : "", request.source_language,
                                    request.languages, *sheet_input))
            return problem;
    }
    if (target->id != FormatId::tbx2008) return std::nullopt;

    ToolProfile& tool_profile = write_options.profile;
    if (profile_for_output) {
        const bool phrase = profile_name == "phrase";
        tool_profile.primary_language_tags = !phrase;
        tool_profile.entry_ids = true;
        if (!phrase) tool_profile.source_language = "en";
        // translate-toolkit (and Weblate, which reads TBX through it) sees only the first term of each language.
        tool_profile.synonym_entries = profile_name == "translate-toolkit" || profile_name == "weblate";
        tool_profile.status_flags = phrase;
    }
    if (!request.source_language.empty()) {
        std::optional<std::string> tag = language_argument(request.source_language);
        if (!tag) return "--source-lang '" + request.source_language + "' is not a language tag";
        tool_profile.source_language = *tag;
    }
    if (!request.languages.empty()) {
        std::string_view rest = request.languages;
        while (true) {
            std::size_t comma = rest.find(',');
            std::string_view item = rest.substr(0, comma);
            std::optional<std::string> tag = language_argument(item);
            if (!tag) return "--langs: '" + std::string(item) + "' is not a language tag";
            tool_profile.target_languages.push_back(*tag);
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
    }
    if (tool_profile.primary_language_tags && !tool_profile.source_language.empty())
        tool_profile.source_language = tool_profile.source_language.substr(0, tool_profile.source_language.find('-'));
    return std::nullopt;
}

}  // namespace ilo::cli
