// Runs the native validator, or RELAX NG plus the native dialect and integrity checks, and names RELAX NG failures by rule.
#include "ilo_tbx/validate.hpp"

#include "ilo_tbx/embedded.hpp"
#include "validate/rng_validator.hpp"

#include <set>
#include <thread>

namespace ilo::validate {

std::string classify_libxml2_message(std::string_view message) {
    auto has = [&](std::string_view part) { return message.find(part) != std::string_view::npos; };
    if (has("parser error") || has("not well-formed") || has("Opening and ending tag mismatch") ||
        has("Premature end of data"))
        return "xml.not-well-formed";
    if (has("IDREF") || has("references an unknown ID") || has("no ID for IDREF")) return "integrity.target.dangling";
    if (has("defined twice") || (has("ID ") && has("already defined"))) return "integrity.id.duplicate";
    if (has("Did not expect text") || has("text not allowed") || has("Misplaced text")) return "structure.text";
    if (has("attribute") || has("Attribute")) return "structure.attribute";
    if (has("Type ") || has("datatype") || has("doesn't allow value") || has("Error validating value"))
        return "structure.datatype";
    return "structure.content";
}

bool is_follow_on_message(std::string_view message) {
    // Ancestor summaries of a child's failure, and libxml2's placeholder for
    // text it can no longer place once its streaming state is lost.
    return message.find("failed to validate content") != std::string_view::npos ||
           message.find("Invalid sequence in interleave") != std::string_view::npos ||
           message.find("TODO") != std::string_view::npos;
}

ValidateResult validate_tbx_file(const std::string& path, const std::string& display_name,
                                 const ValidateOptions& options, Diagnostics& diagnostics) {
    ValidateResult result;
    NativeOptions native_options;
    native_options.max_errors = options.max_errors;
    native_options.on_read = options.on_read;
    if (options.structure == StructureMode::native) {
        result.native = validate_native_file(path, display_name, native_options, diagnostics);
        result.verdict = result.native.verdict;
        return result;
    }

    // RELAX NG for structure, the native pass for dialect rules and integrity.
    // Both stream the file; they run side by side on two cores.
    std::string_view schema = options.schema_text;
    std::string schema_name = options.schema_name;
    if (schema.empty()) {
        Diagnostics ignored;
        NativeOptions sniff;
        sniff.root_only = true;
        switch (validate_native_file(path, display_name, sniff, ignored).flavour) {
            case Flavour::v3:
                schema = embedded::tbx_v3_core_rng();
                schema_name = "tbx-v3-core.rng (built-in)";
                break;
            case Flavour::v2008:
                schema = embedded::tbx2008_core_rng();
                schema_name = "tbx2008-core.rng (built-in)";
                break;
            default:
                break;  // no schema for it: the native pass says what the file is
        }
    }
    native_options.check_structure = false;
    Diagnostics native_diagnostics;
    std::thread native_pass([&] {
        result.native = validate_native_file(path, display_name, native_options, native_diagnostics);
    });
    Diagnostics rng_diagnostics;
    if (!schema.empty()) validate_rng_file(path, display_name, schema, schema_name, rng_diagnostics);
    native_pass.join();

    for (const Diagnostic& diagnostic : native_diagnostics.items()) diagnostics.add(diagnostic);
    result.verdict = result.native.verdict;
    if (result.verdict == Verdict::unreadable || result.verdict == Verdict::not_well_formed ||
        result.native.stopped_early)
        return result;  // the native pass has said it; RELAX NG would repeat the parse error

    std::size_t reported = 0;
    SourcePos first_error;
    std::set<std::string> reported_rules;
    for (const Diagnostic& found : rng_diagnostics.items()) {
        if (reported > 0 && is_follow_on_message(found.message)) {
            ++result.suppressed_follow_on;
            continue;
        }
        Diagnostic diagnostic = found;
        if (diagnostic.code == "rng.invalid") diagnostic.code = classify_libxml2_message(found.message);
        if (diagnostic.message.find(" TODO ") != std::string::npos)
            diagnostic.message = "Did not expect text here (libxml2 does not name the element)";
        if (diagnostic.code == "integrity.target.dangling" || diagnostic.code == "integrity.id.duplicate") {
            // The native pass checks ids and targets in both modes; do not say it twice.
            continue;
        }
        if (reported > 0 && reported_rules.count(diagnostic.code)) {
            // After its first error libxml2's streaming RELAX NG often rejects much of
            // what follows; one report per rule, and a count of the rest.
            ++result.suppressed_follow_on;
            continue;
        }
        reported_rules.insert(diagnostic.code);
        if (reported == 0) {
            first_error = diagnostic.pos;
        } else if (diagnostic.code.starts_with("structure.")) {
            // libxml2's streaming RELAX NG can lose its place after an error and then
            // reject much of what follows; say so rather than pretend each is independent.
            diagnostic.hint = "may follow from the error at line " + std::to_string(first_error.line) +
                              " (libxml2 RELAX NG loses its place after an error; run without --rng "
                              "for independent reports)";
        }
        diagnostics.add(std::move(diagnostic));
        ++reported;
        if (options.max_errors != 0 && diagnostics.error_count() >= options.max_errors) break;
    }
    if (reported > 0 && result.verdict == Verdict::valid) result.verdict = Verdict::invalid;
    return result;
}

}  // namespace ilo::validate
