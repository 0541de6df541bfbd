// Runs the native validator, or RELAX NG plus the native dialect and integrity checks, and names RELAX NG failures by rule.
#include "validate/tbx_validator.hpp"

#include "builtin/embedded.hpp"
#include "validate/rng_validator.hpp"

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
    native_options.check_structure = options.structure == StructureMode::native;
    result.native = validate_native_file(path, display_name, native_options, diagnostics);
    result.verdict = result.native.verdict;
    if (options.structure == StructureMode::native || result.verdict == Verdict::unreadable ||
        result.verdict == Verdict::not_well_formed || result.native.stopped_early)
        return result;

    std::string_view schema = options.schema_text;
    std::string schema_name = options.schema_name;
    if (schema.empty()) {
        switch (result.native.flavour) {
            case Flavour::v3:
                schema = embedded::tbx_v3_core_rng();
                schema_name = "tbx-v3-core.rng (built-in)";
                break;
            case Flavour::v2008:
                schema = embedded::tbx2008_core_rng();
                schema_name = "tbx2008-core.rng (built-in)";
                break;
            default:
                return result;  // the native pass has already said why this is no TBX we have a schema for
        }
    }
    Diagnostics rng_diagnostics;
    validate_rng_file(path, display_name, schema, schema_name, rng_diagnostics);
    std::size_t reported = 0;
    SourcePos first_error;
    for (const Diagnostic& found : rng_diagnostics.items()) {
        if (reported > 0 && is_follow_on_message(found.message)) {
            ++result.suppressed_follow_on;
            continue;
        }
        Diagnostic diagnostic = found;
        if (diagnostic.code == "rng.invalid") diagnostic.code = classify_libxml2_message(found.message);
        if (reported == 0) {
            first_error = diagnostic.pos;
        } else if (diagnostic.code.starts_with("structure.")) {
            // libxml2's streaming RELAX NG can lose its place after an error and then
            // reject much of what follows; say so rather than pretend each is independent.
            diagnostic.hint = "may follow from the error at line " + std::to_string(first_error.line) +
                              " (libxml2 RELAX NG loses its place after an error; run without --rng "
                              "for independent reports)";
        }
        if (diagnostic.code == "integrity.target.dangling" || diagnostic.code == "integrity.id.duplicate") {
            // The native pass checks ids and targets in both modes; do not say it twice.
            continue;
        }
        diagnostics.add(std::move(diagnostic));
        ++reported;
        if (options.max_errors != 0 && diagnostics.error_count() >= options.max_errors) break;
    }
    if (rng_diagnostics.has_errors() && result.verdict == Verdict::valid) result.verdict = Verdict::invalid;
    if (reported > 0 && result.verdict == Verdict::valid) result.verdict = Verdict::invalid;
    return result;
}

}  // namespace ilo::validate
