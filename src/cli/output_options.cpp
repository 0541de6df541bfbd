// Parses the shared output options into a format and WriteOptions; the table of tool profiles lives here.
#include "cli/output_options.hpp"

#include <array>

#include "formats/tbx_basic_rules.hpp"
#include "text/language_tag.hpp"

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
constexpr std::array<ProfileRow, 4> profile_table{{
    {"omegat", "tbx2008", "OmegaT: TBX 2008, bare primary language tags"},
    {"translate-toolkit", "tbx2008",
     "translate-toolkit (po2tbx, tbx2po...): TBX 2008, source language first, an entry per synonym"},
    {"lokalize", "tbx2008", "Lokalize: TBX 2008, an id on every entry"},
    {"weblate", "tbx2008", "Weblate (translate-toolkit inside): TBX 2008, source language first, an entry per synonym"},
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
    options.add_options()(
        "to,t", po::value<std::string>(&request.to)->value_name("FORMAT"),
        ("output format: " + writable_format_names() + " (default: from --profile or the --out extension)").c_str())(
        "dialect", po::value<std::string>(&request.dialect)->value_name("NAME"),
        "TBX output dialect: basic (default; TBX-Basic's categories and picklists) or core (every category kept, lossless)")(
        "style", po::value<std::string>(&request.style)->value_name("STYLE"), "TBX output style: dca (default) or dct")(
        "profile", po::value<std::string>(&request.profile)->value_name("TOOL"),
        ("write for a translation tool: " + profile_names() + " (TBX 2008; see the README)").c_str())(
        "source-lang", po::value<std::string>(&request.source_language)->value_name("TAG"),
        "with tbx2008: this language's section first in each entry (default with --profile: en)")(
        "langs", po::value<std::string>(&request.languages)->value_name("TAG,..."),
        "with tbx2008: keep only these target languages (and the source); the rest is counted in a warning");
}

std::vector<std::string_view> output_option_values(std::string_view option) {
    std::vector<std::string_view> values;
    if (option == "profile")
        for (const ProfileRow& row : profile_table) values.push_back(row.name);
    else if (option == "dialect")
        values = {"basic", "core", "min"};
    else if (option == "style")
        values = {"dca", "dct"};
    return values;
}

std::string profile_help() {
    std::string text = "Profiles (--profile):\n";
    for (const ProfileRow& row : profile_table) {
        std::string name(row.name);
        text +=
            "  " + name + std::string(name.size() < 20 ? 20 - name.size() : 1, ' ') + std::string(row.purpose) + "\n";
    }
    return text;
}

std::optional<std::string> resolve_output(const OutputRequest& request, const std::string& out, const Format*& target,
                                          WriteOptions& write_options) {
    const ProfileRow* profile = nullptr;
    if (!request.profile.empty()) {
        profile = find_profile(request.profile);
        if (!profile) return "unknown profile '" + request.profile + "'; expected one of: " + profile_names();
    }
    target = nullptr;
    if (!request.to.empty()) {
        target = find_format(request.to);
        if (!target || !target->writer)
            return "unknown output format '" + request.to + "'; expected one of: " + writable_format_names();
        if (profile && target->name != profile->format)
            return "--profile " + request.profile + " writes " + std::string(profile->format) + ", not " + request.to;
    } else if (profile) {
        target = find_format(profile->format);
    } else if (out == "-") {
        target = find_format("tbx");
    } else {
        target = format_for_path(out);
        if (!target || !target->writer)
            return "cannot tell the output format from '" + out + "'; give --to (" + writable_format_names() + ")";
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

    bool tool_options = !request.source_language.empty() || !request.languages.empty();
    if (tool_options && target->id != FormatId::tbx2008)
        return "--source-lang and --langs apply to tbx2008 output (or a --profile), not " + std::string(target->name);
    ToolProfile& tool = write_options.profile;
    if (profile) {
        tool.primary_language_tags = true;
        tool.entry_ids = true;
        tool.source_language = "en";
        // translate-toolkit (and Weblate, which reads TBX through it) sees only the first term of each language.
        tool.synonym_entries = request.profile == "translate-toolkit" || request.profile == "weblate";
    }
    if (!request.source_language.empty()) {
        std::optional<std::string> tag = language_argument(request.source_language);
        if (!tag) return "--source-lang '" + request.source_language + "' is not a language tag";
        tool.source_language = *tag;
    }
    if (!request.languages.empty()) {
        std::string_view rest = request.languages;
        while (true) {
            std::size_t comma = rest.find(',');
            std::string_view item = rest.substr(0, comma);
            std::optional<std::string> tag = language_argument(item);
            if (!tag) return "--langs: '" + std::string(item) + "' is not a language tag";
            tool.target_languages.push_back(*tag);
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
    }
    if (tool.primary_language_tags && !tool.source_language.empty())
        tool.source_language = tool.source_language.substr(0, tool.source_language.find('-'));
    return std::nullopt;
}

}  // namespace ilo::cli
