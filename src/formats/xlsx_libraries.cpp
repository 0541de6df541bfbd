// Opens libxlsxwriter and libzip with dlopen on first use and looks up the functions the XLSX writer and reader call.
#include "formats/xlsx_libraries.hpp"

#include <dlfcn.h>

#include <mutex>
#include <utility>

namespace ilo::xlsx_libraries {

SharedLibrary::SharedLibrary(const char* soname) : soname_(soname) {
    handle_ = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!handle_) fail(std::string("cannot load ") + soname + ": " + dlerror());
}

void* SharedLibrary::address_of(const char* name) {
    if (!handle_) return nullptr;
    void* address = dlsym(handle_, name);
    if (!address) fail(std::string("cannot find ") + name + " in " + soname_);
    return address;
}

void SharedLibrary::fail(std::string message) {
    if (why_.empty()) why_ = std::move(message);
}

const char* xlsxwriter_soname() { return ILO_XLSXWRITER_SONAME; }
const char* libzip_soname() { return ILO_LIBZIP_SONAME; }

const Writer* writer(std::string& why) {
    static Writer functions{};
    static std::string failure;
    static std::once_flag once;
    std::call_once(once, [] {
        SharedLibrary library(xlsxwriter_soname());
        library.find(functions.workbook_new_opt, "workbook_new_opt");
        library.find(functions.workbook_set_properties, "workbook_set_properties");
        library.find(functions.workbook_add_worksheet, "workbook_add_worksheet");
        library.find(functions.workbook_add_format, "workbook_add_format");
        library.find(functions.format_set_bold, "format_set_bold");
        library.find(functions.format_set_num_format, "format_set_num_format");
        library.find(functions.worksheet_write_string, "worksheet_write_string");
        library.find(functions.worksheet_write_blank, "worksheet_write_blank");
        library.find(functions.workbook_close, "workbook_close");
        library.find(functions.lxw_strerror, "lxw_strerror");
        failure = library.why();
    });
    why = failure;
    return failure.empty() ? &functions : nullptr;
}

const Reader* reader(std::string& why) {
    static Reader functions{};
    static std::string failure;
    static std::once_flag once;
    std::call_once(once, [] {
        SharedLibrary library(libzip_soname());
        library.find(functions.zip_source_buffer_create, "zip_source_buffer_create");
        library.find(functions.zip_source_free, "zip_source_free");
        library.find(functions.zip_open_from_source, "zip_open_from_source");
        library.find(functions.zip_discard, "zip_discard");
        library.find(functions.zip_error_init, "zip_error_init");
        library.find(functions.zip_error_fini, "zip_error_fini");
        library.find(functions.zip_error_strerror, "zip_error_strerror");
        library.find(functions.zip_get_num_entries, "zip_get_num_entries");
        library.find(functions.zip_name_locate, "zip_name_locate");
        library.find(functions.zip_stat_init, "zip_stat_init");
        library.find(functions.zip_stat_index, "zip_stat_index");
        library.find(functions.zip_fopen_index, "zip_fopen_index");
        library.find(functions.zip_fread, "zip_fread");
        library.find(functions.zip_fclose, "zip_fclose");
        library.find(functions.zip_strerror, "zip_strerror");
        library.find(functions.zip_file_strerror, "zip_file_strerror");
        failure = library.why();
    });
    why = failure;
    return failure.empty() ? &functions : nullptr;
}

}  // namespace ilo::xlsx_libraries
