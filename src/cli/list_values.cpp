// `ilo-tbx --list-values NAME`: the values an option accepts, one per line, for the bash completion.
#include <iostream>
#include <set>

#include "cli/cli.hpp"
#include "cli/output_options.hpp"
#include "ilo_tbx/format.hpp"

namespace ilo::cli {

namespace {

void print_extensions(std::ostream& out, bool (*wanted)(const Format&)) {
    std::set<std::string_view> extensions;
    for (const Format& format : formats())
        if (wanted(format)) extensions.insert(format.extensions.begin(), format.extensions.end());
    for (std::string_view extension : extensions) out << extension << "\n";
}

}  // namespace

int run_list_values(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
    const std::string name = arguments.size() == 1 ? arguments.front() : "";
    if (name == "to" || name == "from") {
        for (const Format& format : formats())
            if (name == "to" ? format.writer != nullptr : format.read != nullptr) out << format.name << "\n";
    } else if (name == "profile" || name == "dialect" || name == "style") {
        for (std::string_view value : output_option_values(name)) out << value << "\n";
    } else if (name == "read-extensions") {
        print_extensions(out, [](const Format& format) { return format.read != nullptr; });
    } else if (name == "write-extensions") {
        print_extensions(out, [](const Format& format) { return format.writer != nullptr; });
    } else if (name == "page-extensions") {
        print_extensions(out, [](const Format& format) { return format.id == FormatId::emn; });
    } else {
        err << "ilo-tbx --list-values: expected one of: to, from, profile, dialect, style, read-extensions, "
               "write-extensions, page-extensions\n";
        return exit_usage;
    }
    return exit_ok;
}

}  // namespace ilo::cli
