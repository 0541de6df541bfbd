// Parsing and checking of the sheet options (CSV, TSV, XLSX) into CsvOptions.
#include "cli/format_options.hpp"

#include <array>

#include "cli/command_input.hpp"
#include "ilo_tbx/csv.hpp"

namespace ilo::cli {

namespace po = boost::program_options;

namespace {

constexpr std::array<std::string_view, 8> sheet_profiles{"memoq",   "trados",  "phrase", "crowdin",
                                                         "lokalise", "matecat", "omegat", "translate-toolkit"};

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
    if (text.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
        char c = text[text.size() - suffix.size() + i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != suffix[i]) return false;
    }
    return true;
}

}  // namespace

void add_sheet_options(po::options_description& options, SheetRequest& request) {
    options.add_options()
        ("layout", po::value<std::string>(&request.layout)->value_name("wide|long"),
         "sheets: wide (default): one row per concept, one column per language; long: one row per term, lossless")
        ("delimiter", po::value<std::string>(&request.delimiter)->value_name("CHAR"),
         "sheets: cell delimiter ',' ';' 'tab' or one character (default: detected on read; ',' on write)")
        ("separator", po::value<std::string>(&request.separator)->value_name("TEXT"),
         "sheets: between several terms or notes in one cell (default ' | '; a literal one is written '\\|')")
        ("no-formula-escape", po::bool_switch(&request.no_formula_escape),
         "sheets: write cells starting with = + - @ as they are (and do not undo a leading ' on read)")
        ("sheet", po::value<std::string>(&request.sheet)->value_name("NAME"),
         "xlsx input: the worksheet to read (default: the first)");
}

bool is_sheet_format(const Format& format) {
    return format.id == FormatId::csv || format.id == FormatId::tsv || format.id == FormatId::xlsx;
}

std::string sheet_profile_names() {
    std::string names;
    for (std::string_view name : sheet_profiles) names += (names.empty() ? "" : ", ") + std::string(name);
    return names;
}

std::span<const std::string_view> sheet_profile_list() { return sheet_profiles; }

bool is_sheet_profile(std::string_view name) { return csv::profile_from_name(name).has_value(); }

std::optional<std::string> apply_sheet_options(const SheetRequest& request, std::string_view profile,
                                               std::string_view source_language, std::string_view languages,
                                               CsvOptions& options) {
    if (request.layout.empty() || request.layout == "wide") options.layout = CsvLayout::wide;
    else if (request.layout == "long") options.layout = CsvLayout::long_form;
    else return "unknown layout '" + request.layout + "'; expected wide or long";
    if (!profile.empty()) {
        if (!request.layout.empty())
            return "--layout and --profile " + std::string(profile) + " exclude each other: a profile is a layout";
        std::optional<CsvProfile> known = csv::profile_from_name(profile);
        if (!known) return "unknown profile '" + std::string(profile) + "'; expected one of: " + sheet_profile_names();
        options.profile = *known;
    }
    const std::string& delimiter = request.delimiter;
    if (!delimiter.empty()) {
        if (delimiter == "tab" || delimiter == "\\t" || delimiter == "\t") options.delimiter = '\t';
        else if (delimiter.size() == 1 && delimiter != "\"" && delimiter != "\n" && delimiter != "\r")
            options.delimiter = delimiter[0];
        else return "--delimiter takes one character (or 'tab'), not '" + delimiter + "'";
    }
    const std::string separator = request.separator.empty() ? std::string(" | ") : request.separator;
    std::size_t non_space = 0;
    for (char c : separator) non_space += c != ' ';
    if (non_space != 1 || separator.find('\\') != std::string::npos ||
        (options.delimiter != '\0' && separator.find(options.delimiter) != std::string::npos))
        return "--separator needs exactly one character besides spaces, not a backslash or the delimiter: '" +
               separator + "'";
    options.separator = separator;
    std::string problem;
    if (!source_language.empty()) {
        std::optional<std::string> code = csv::language_from_code(source_language, &problem);
        if (!code) return "--source-lang: " + problem;
        options.source_language = *code;
    }
    options.languages.clear();
    std::string_view rest = languages;
    while (!rest.empty()) {
        std::size_t comma = rest.find(',');
        std::string_view item = rest.substr(0, comma);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (!item.empty()) {
            std::optional<std::string> code = csv::language_from_code(item, &problem);
            if (!code) return "--langs: " + problem;
            options.languages.push_back(*code);
        }
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    options.formula_escape = !request.no_formula_escape;
    options.sheet = request.sheet;
    return std::nullopt;
}

const Format* sheet_format_for_path(std::string_view path, std::string_view profile) {
    if (profile == "omegat" &&
        (ends_with_ignoring_case(path, ".txt") || ends_with_ignoring_case(path, ".utf8") ||
         ends_with_ignoring_case(path, ".tab")))
        return find_format("tsv");
    return nullptr;
}

void add_sheet_input_options(po::options_description& options, SheetInputRequest& request) {
    options.add_options()("profile", po::value<std::string>(&request.profile)->value_name("NAME"),
                          ("a sheet input's layout, as written by a CAT tool: " + sheet_profile_names() +
                           " (--profile omegat: a .txt file is a TSV glossary)")
                              .c_str())(
        "source-lang", po::value<std::string>(&request.source_language)->value_name("TAG"),
        "sheets: the source language of a file of source and target terms without a header row, and of a "
        "'term' column that names no language")("langs",
                                                po::value<std::string>(&request.languages)->value_name("TAG,..."),
                                                "sheets: the target languages of such a file, in column order");
    add_sheet_options(options, request.sheet);
}

const Format* sheet_input_format(std::string_view path, std::string_view profile, std::string_view start) {
    if (const Format* sheet = sheet_format_for_path(path, profile)) return sheet;
    const Format* format = format_for_input(path, start);
    return format && format->read ? format : nullptr;
}

const Format* input_format_by_name(const std::string& path, std::string_view profile) {
    if (const Format* sheet = sheet_format_for_path(path, profile)) return sheet;
    const Format* by_extension = format_for_path(path);
    if (!by_extension || !by_extension->read) return nullptr;
    return by_extension->id == FormatId::emn ? format_for_input(path, peek_start(path)) : by_extension;
}

std::optional<std::string> resolve_sheet_input(const SheetInputRequest& request, const Format& format,
                                               CsvOptions& options) {
    if (!request.profile.empty() && !is_sheet_profile(request.profile))
        return "unknown profile '" + request.profile + "'; expected one of: " + sheet_profile_names();
    if (request.given() && !is_sheet_format(format))
        return "--profile, --source-lang, --langs and the sheet options apply to a csv, tsv or xlsx input, not " +
               std::string(format.name);
    return apply_sheet_options(request.sheet, request.profile, request.source_language, request.languages, options);
}

}  // namespace ilo::cli
