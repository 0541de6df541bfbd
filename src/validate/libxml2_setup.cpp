// One-time libxml2 set-up shared by the validators, and the capture of libxml2's generic error messages.
#include "validate/libxml2_setup.hpp"

#include <libxml/parser.h>

#include <cstdarg>
#include <cstdio>
#include <mutex>
#include <string>

namespace ilo::validate {

namespace {
// Refuses every external resource (DTDs, entities, xml-model targets, included
// schemas), whatever the document asks for: validation never reads the disk
// beyond its input, and never the network.
xmlParserInputPtr refuse_external_entity(const char*, const char*, xmlParserCtxtPtr) {
    return nullptr;
}

thread_local std::string libxml2_messages;

void keep_generic_message(void*, const char* format, ...) {
    char text[512];
    va_list arguments;
    va_start(arguments, format);
    std::vsnprintf(text, sizeof text, format, arguments);
    va_end(arguments);
    if (libxml2_messages.size() < 4096) libxml2_messages += text;
}
}  // namespace

void initialise_libxml2() {
    static std::once_flag once;
    std::call_once(once, [] {
        xmlInitParser();
        xmlSetExternalEntityLoader(refuse_external_entity);
        // The calling thread's handler, and the one every thread that first uses libxml2 later starts with.
        xmlSetGenericErrorFunc(nullptr, keep_generic_message);
        xmlThrDefSetGenericErrorFunc(nullptr, keep_generic_message);
    });
}

std::string take_libxml2_messages() {
    // A thread whose libxml2 state was made before initialise_libxml2() still has the default handler.
    xmlSetGenericErrorFunc(nullptr, keep_generic_message);
    std::string taken;
    taken.swap(libxml2_messages);
    return taken;
}

bool is_encoding_failure(const std::string& messages) {
    return messages.find("input conversion failed") != std::string::npos ||
           messages.find("encoder error") != std::string::npos;
}

}  // namespace ilo::validate
