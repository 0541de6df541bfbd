# Turns a file into a C++ source defining `std::string_view NAME()`, so the binary needs no source tree.
# Usage: cmake -DINPUT=path -DOUTPUT=path -DSYMBOL=name -P embed-file.cmake
file(READ "${INPUT}" content HEX)
string(LENGTH "${content}" hex_length)
math(EXPR byte_count "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
string(REGEX REPLACE "((('[^']*',){32}))" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by tools/embed-file.cmake; do not edit.\n"
"#include <string_view>\n"
"namespace ilo::embedded {\n"
"static const char ${SYMBOL}_bytes[] = {\n${bytes}'\\0'};\n"
"std::string_view ${SYMBOL}() { return {${SYMBOL}_bytes, ${byte_count}}; }\n"
"}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
